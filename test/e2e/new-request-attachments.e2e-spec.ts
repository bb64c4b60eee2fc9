import { createHash } from 'node:crypto';
import { ManualTimeSource } from '@intradesk/core';
import { demoEmail } from '@intradesk/organization';
import { PendingAttachmentsCleanupJob } from '@intradesk/requests';
import { departmentIds } from '../factories/organization.factory';
import { CREATE_REQUEST, fileRequest } from '../factories/requests.factory';
import { GraphqlClient } from '../utils/graphql-client';
import { startTestApp, TestApp } from '../utils/test-app';

const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);
const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
const MAX = 64 * 1024;
const PER_REQUEST = 160 * 1024;
const HOUR = 3_600_000;

const FILED = `mutation($input: CreateRequestInput!) { createRequest(input: $input) {
  id number attachments { id fileName sizeBytes sha256 pending url } pendingAttachments { id } } }`;
const REQUEST_FILES = `query($id: ID!) { request(id: $id) {
  attachments { id fileName sha256 } pendingAttachments { id } } }`;

// Files picked on the New request form: POST /attachments holds them for a request not yet
// filed (seen by their uploader only); createRequest's attachmentIds makes them the request's
// own files in its transaction, or refuses the whole request; the cleanup job deletes uploads
// never sent once ATTACHMENT_PENDING_HOURS old (the test clock moves; nothing sleeps).
describe('attachments for a new request', () => {
  const time = new ManualTimeSource(new Date('2026-12-01T09:00:00Z'));
  let t: TestApp;
  let ids: Record<string, string>;
  let customer: GraphqlClient;
  let agent: GraphqlClient;
  let outsider: GraphqlClient;

  const send = (client: GraphqlClient, path: string, bytes: Buffer, name: string) =>
    fetch(`${t.baseUrl}${path}?${new URLSearchParams({ name })}`, {
      method: 'POST',
      headers: {
        'content-type': 'application/octet-stream',
        authorization: `Bearer ${client.token}`,
      },
      body: new Uint8Array(bytes),
    });
  const uploadUnbound = async (client: GraphqlClient, bytes: Buffer, name = 'file.bin') => {
    const response = await send(client, '/attachments', bytes, name);
    expect(response.status).toBe(201);
    return (await response.json()) as { id: string; pending: boolean; sha256: string };
  };
  const get = (client: GraphqlClient, path: string) =>
    fetch(`${t.baseUrl}${path}`, { headers: { authorization: `Bearer ${client.token}` } });
  const requestCount = async () =>
    (await t.dataSource.query('SELECT count(*)::int AS n FROM requests'))[0].n as number;
  const rowOf = async (id: string) =>
    (
      await t.dataSource.query(
        `SELECT a.request_id, a.pending, (SELECT count(*)::int FROM attachment_blobs b
           WHERE b.key = a.storage_key) AS blobs FROM attachments a WHERE a.id = $1`,
        [id],
      )
    )[0] as { request_id: string | null; pending: boolean; blobs: number } | undefined;
  const input = (attachmentIds: string[], extra: Record<string, unknown> = {}) => ({
    input: { supplierId: ids.IT, title: 'Printer error', attachmentIds, ...extra },
  });

  beforeAll(async () => {
    t = await startTestApp({
      time,
      env: {
        ATTACHMENT_MAX_BYTES: String(MAX),
        ATTACHMENTS_MAX_BYTES_PER_REQUEST: String(PER_REQUEST),
        ATTACHMENT_PENDING_HOURS: '24',
      },
    });
    ids = await departmentIds(t.dataSource);
    customer = await t.login(demoEmail('MKT', 'member'));
    agent = await t.login(demoEmail('IT', 'agent'));
    outsider = await t.login(demoEmail('HR', 'member'));
  });
  afterAll(() => t.close());

  it('files the uploads with the request as its own files, the same bytes on download', async () => {
    const file = await uploadUnbound(customer, PNG, 'screenshot.png');
    expect(file).toMatchObject({ pending: true, sha256: sha256(PNG), contentType: 'image/png' });
    expect(await rowOf(file.id)).toEqual({ request_id: null, pending: true, blobs: 1 });

    const filed = (await customer.data(FILED, input([file.id], { idempotencyKey: 'nr-1' })))
      .createRequest;
    expect(filed.attachments).toEqual([
      expect.objectContaining({ id: file.id, fileName: 'screenshot.png', pending: false }),
    ]);
    expect(filed.pendingAttachments).toEqual([]);
    expect((await rowOf(file.id))?.request_id).toBe(filed.id);
    // The supplier's agent sees it on the request, and downloads the same bytes.
    const seen = (await agent.data(REQUEST_FILES, { id: filed.id })).request;
    expect(seen.attachments).toEqual([
      { id: file.id, fileName: 'screenshot.png', sha256: sha256(PNG) },
    ]);
    const download = await get(agent, `/attachments/${file.id}`);
    expect(download.status).toBe(200);
    expect(sha256(Buffer.from(await download.arrayBuffer()))).toBe(sha256(PNG));
    // A retry of the same filing returns the same request; the file is not asked for again.
    const again = (await customer.data(FILED, input([file.id], { idempotencyKey: 'nr-1' })))
      .createRequest;
    expect(again.id).toBe(filed.id);
    // Filing without files works as before.
    expect((await fileRequest(customer, ids.IT)).id).toBeTruthy();
  });

  it('keeps an unbound upload from everyone but its uploader (404), who may remove it', async () => {
    const file = await uploadUnbound(customer, PNG, 'mine.png');
    expect((await get(customer, `/attachments/${file.id}`)).status).toBe(200);
    for (const other of [outsider, agent]) {
      expect((await get(other, `/attachments/${file.id}`)).status).toBe(404);
      expect((await get(other, `/attachments/${file.id}/inline`)).status).toBe(404);
      const removed = await fetch(`${t.baseUrl}/attachments/${file.id}`, {
        method: 'DELETE',
        headers: { authorization: `Bearer ${other.token}` },
      });
      expect(removed.status).toBe(404);
    }
    const removed = await fetch(`${t.baseUrl}/attachments/${file.id}`, {
      method: 'DELETE',
      headers: { authorization: `Bearer ${customer.token}` },
    });
    expect(removed.status).toBe(204);
    expect(await rowOf(file.id)).toBeUndefined();
  });

  it("refuses the whole request for someone else's upload, or one already on a request", async () => {
    const theirs = await uploadUnbound(outsider, PNG, 'theirs.png');
    const mine = await uploadUnbound(customer, PNG, 'mine.png');
    const onRequest = await fileRequest(customer, ids.IT);
    const forComment = await send(customer, `/requests/${onRequest.id}/attachments`, PNG, 'c.png');
    expect(forComment.status).toBe(201);
    const commentFile = (await forComment.json()) as { id: string };
    const before = await requestCount();
    for (const wrong of [theirs.id, commentFile.id, '00000000-0000-4000-8000-000000000000']) {
      const error = await customer.error(CREATE_REQUEST, input([mine.id, wrong]));
      expect(error.extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        fields: ['input.attachmentIds'],
      });
    }
    expect(await requestCount()).toBe(before);
    // Nothing moved: each file is where it was.
    expect(await rowOf(theirs.id)).toEqual({ request_id: null, pending: true, blobs: 1 });
    expect(await rowOf(mine.id)).toEqual({ request_id: null, pending: true, blobs: 1 });
    expect(await rowOf(commentFile.id)).toMatchObject({ request_id: onRequest.id, pending: true });
    // Shape errors, like the rest of the input: not an id, more than 20.
    const notId = await customer.error(CREATE_REQUEST, input(['nope']));
    expect(notId.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: ['input.attachmentIds'],
    });
    const many = Array.from({ length: 21 }, () => mine.id);
    const tooMany = await customer.error(CREATE_REQUEST, input(many));
    expect(tooMany.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: ['input.attachmentIds'],
    });
    expect(await requestCount()).toBe(before);
  });

  it('refuses unbound uploads past what one request may hold, and files the ones that fit', async () => {
    // The earlier tests' leftovers go first, so the room below is this test's own.
    time.advance(25 * HOUR);
    await t.app.get(PendingAttachmentsCleanupJob).run();
    const part = Buffer.alloc(60 * 1024, 3);
    const files = [
      await uploadUnbound(customer, part, '1.bin'),
      await uploadUnbound(customer, part, '2.bin'),
    ];
    // A third would take the caller's files waiting for a new request past
    // ATTACHMENTS_MAX_BYTES_PER_REQUEST: refused as it is uploaded, nothing stored.
    const third = await send(customer, '/attachments', part, '3.bin');
    expect(third.status).toBe(413);
    expect((await third.json()).errors[0].extensions).toMatchObject({
      code: 'PAYLOAD_TOO_LARGE',
      reason: 'REQUEST_ATTACHMENTS_FULL',
      maxBytes: PER_REQUEST,
      usedBytes: 2 * part.length,
    });
    // Another person's room is their own.
    const other = await send(agent, '/attachments', part, 'other.bin');
    expect(other.status).toBe(201);
    // One file past ATTACHMENT_MAX_BYTES is refused as it is uploaded, as on a request.
    const big = await send(customer, '/attachments', Buffer.alloc(MAX + 1, 1), 'big.bin');
    expect(big.status).toBe(413);
    expect((await big.json()).errors[0].extensions.code).toBe('PAYLOAD_TOO_LARGE');
    expect(
      (
        await t.dataSource.query(
          `SELECT count(*)::int AS n FROM attachments WHERE file_name IN ('3.bin', 'big.bin')`,
        )
      )[0].n,
    ).toBe(0);

    const filed = (await customer.data(FILED, input(files.map((f) => f.id)))).createRequest;
    expect(filed.attachments.map((a: { id: string }) => a.id).sort()).toEqual(
      files.map((f) => f.id).sort(),
    );
    // Filed, they no longer count: there is room for the next new request.
    expect((await send(customer, '/attachments', part, '4.bin')).status).toBe(201);
  });

  it('deletes uploads never sent once ATTACHMENT_PENDING_HOURS old, with their bytes', async () => {
    const job = t.app.get(PendingAttachmentsCleanupJob);
    // The earlier tests' leftovers go first, so the counts below are this test's own.
    time.advance(25 * HOUR);
    expect(await job.run()).toBeGreaterThan(0);
    const request = await fileRequest(customer, ids.IT);
    const oldUnbound = await uploadUnbound(customer, PNG, 'old.png');
    const oldForComment = (await (
      await send(customer, `/requests/${request.id}/attachments`, PNG, 'draft.png')
    ).json()) as { id: string };
    const toFile = await uploadUnbound(customer, PNG, 'filed.png');
    const filed = (await customer.data(FILED, input([toFile.id]))).createRequest;
    time.advance(23 * HOUR);
    const recent = await uploadUnbound(customer, PNG, 'recent.png');
    // Not yet a day old: nothing goes.
    expect(await job.run()).toBe(0);
    time.advance(2 * HOUR);
    expect(await job.run()).toBe(2);
    expect(await rowOf(oldUnbound.id)).toBeUndefined();
    expect(await rowOf(oldForComment.id)).toBeUndefined();
    expect(await rowOf(recent.id)).toEqual({ request_id: null, pending: true, blobs: 1 });
    expect(await rowOf(toFile.id)).toEqual({ request_id: filed.id, pending: false, blobs: 1 });
    // No bytes left behind for the deleted rows.
    const orphans = await t.dataSource.query(
      'SELECT count(*)::int AS n FROM attachment_blobs b WHERE NOT EXISTS (SELECT 1 FROM attachments a WHERE a.storage_key = b.key)',
    );
    expect(orphans).toEqual([{ n: 0 }]);
    // The filed request's file still downloads.
    expect((await get(agent, `/attachments/${toFile.id}`)).status).toBe(200);
  });
});
