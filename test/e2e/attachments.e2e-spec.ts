import { createHash } from 'node:crypto';
import { AttachmentsService } from '@intradesk/requests';
import { demoEmail, DEMO_EMAIL_DOMAIN } from '@intradesk/organization';
import { departmentIds } from '../factories/organization.factory';
import { ADD_COMMENT, fileRequest, FiledRequest } from '../factories/requests.factory';
import { GraphqlClient } from '../utils/graphql-client';
import { startTestApp, TestApp } from '../utils/test-app';

const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);
const PDF = Buffer.from(
  '%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\ntrailer\n%%EOF\n',
  'latin1',
);
const HTML = Buffer.from(
  '<!doctype html><html><body><script>alert(document.cookie)</script></body></html>',
);
// The routes as the access matrix names them, with their ids filled in.
const route = (path: string, id: string) => path.replace(':id', id);
const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
const MAX = 64 * 1024;
const PER_REQUEST = 160 * 1024;

const COMMENT_WITH_FILES = `mutation($requestId: ID!, $body: String!, $internal: Boolean, $attachmentIds: [ID!]) {
  addComment(requestId: $requestId, body: $body, internal: $internal, attachmentIds: $attachmentIds) {
    id attachments { id fileName contentType sizeBytes sha256 url inlineUrl pending } } }`;
const CONVERSATION = `query($id: ID!) { request(id: $id) {
  attachments { id fileName }
  pendingAttachments { id fileName }
  comments { id body internal author { name } attachments { id fileName contentType sizeBytes url inlineUrl } } } }`;

// Attachments: the bytes back as uploaded, the type from the bytes, limits that store nothing,
// and downloads for exactly those who see the comment (404 for everyone else).
describe('attachments', () => {
  let t: TestApp;
  let ids: Record<string, string>;
  let customer: GraphqlClient;
  let agent: GraphqlClient;
  let outsider: GraphqlClient;
  let ops: GraphqlClient;
  let request: FiledRequest;

  const upload = (
    client: GraphqlClient | null,
    requestId: string,
    bytes: Buffer,
    query: Record<string, string> = {},
    headers: Record<string, string> = {},
  ) =>
    fetch(
      `${t.baseUrl}${route('/requests/:id/attachments', requestId)}?${new URLSearchParams(query)}`,
      {
        method: 'POST',
        headers: {
          'content-type': 'application/octet-stream',
          ...(client?.token ? { authorization: `Bearer ${client.token}` } : {}),
          ...headers,
        },
        body: new Uint8Array(bytes),
      },
    );
  const uploaded = async (client: GraphqlClient, bytes: Buffer, query: Record<string, string>) => {
    const response = await upload(client, request.id, bytes, query);
    expect(response.status).toBe(201);
    return (await response.json()) as Record<string, string>;
  };
  const get = (client: GraphqlClient | null, path: string) =>
    fetch(`${t.baseUrl}${path}`, {
      headers: client?.token ? { authorization: `Bearer ${client.token}` } : {},
    });
  const counts = async () =>
    (
      await t.dataSource.query(
        'SELECT (SELECT count(*) FROM attachments)::int AS a, (SELECT count(*) FROM attachment_blobs)::int AS b',
      )
    )[0];

  beforeAll(async () => {
    t = await startTestApp({
      env: {
        ATTACHMENT_MAX_BYTES: String(MAX),
        ATTACHMENTS_MAX_BYTES_PER_REQUEST: String(PER_REQUEST),
      },
    });
    ids = await departmentIds(t.dataSource);
    customer = await t.login(demoEmail('MKT', 'member'));
    agent = await t.login(demoEmail('IT', 'agent'));
    outsider = await t.login(demoEmail('HR', 'member'));
    ops = await t.login(`ops@${DEMO_EMAIL_DOMAIN}`);
    request = await fileRequest(customer, ids.IT);
  });
  afterAll(() => t.close());

  it('gives back the same bytes it took, typed from the bytes, not the name', async () => {
    const file = await uploaded(customer, PDF, { name: 'screenshot.png' });
    expect(file).toMatchObject({
      fileName: 'screenshot.png',
      contentType: 'application/pdf',
      sizeBytes: PDF.length,
      sha256: sha256(PDF),
      pending: true,
      inlineUrl: null,
    });
    const comment = (
      await customer.data(COMMENT_WITH_FILES, {
        requestId: request.id,
        body: 'The error, attached',
        attachmentIds: [file.id],
      })
    ).addComment;
    expect(comment.attachments).toEqual([
      expect.objectContaining({ id: file.id, pending: false, url: `/attachments/${file.id}` }),
    ]);
    const response = await get(agent, route('/attachments/:id', file.id));
    expect(response.status).toBe(200);
    const body = Buffer.from(await response.arrayBuffer());
    expect(sha256(body)).toBe(sha256(PDF));
    expect(response.headers.get('content-type')).toBe('application/pdf');
    expect(response.headers.get('content-disposition')).toBe('attachment; filename=screenshot.png');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    // A PDF is never shown inline, even when asked.
    const inline = await get(agent, route('/attachments/:id/inline', file.id));
    expect(inline.headers.get('content-disposition')).toMatch(/^attachment;/);
  });

  it('sends HTML as an attachment with nosniff and a sandbox, and shows a PNG inline', async () => {
    const html = await uploaded(agent, HTML, { name: 'page.html', to: 'request' });
    expect(html.contentType).toBe('text/plain');
    for (const path of [`/attachments/${html.id}`, `/attachments/${html.id}/inline`]) {
      const response = await get(customer, path);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-disposition')).toBe('attachment; filename=page.html');
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(response.headers.get('content-type')).toBe('text/plain; charset=utf-8');
      expect(response.headers.get('content-security-policy')).toContain('sandbox');
    }
    const png = await uploaded(agent, PNG, { name: '../../etc/\u202Ephoto.png', to: 'request' });
    expect(png).toMatchObject({
      fileName: 'photo.png',
      contentType: 'image/png',
      inlineUrl: `/attachments/${png.id}/inline`,
    });
    const inline = await get(customer, png.inlineUrl);
    expect(inline.headers.get('content-disposition')).toBe('inline; filename=photo.png');
    expect(inline.headers.get('content-type')).toBe('image/png');
    expect((await get(customer, png.url)).headers.get('content-disposition')).toMatch(
      /^attachment;/,
    );
    const seen = (await customer.data(CONVERSATION, { id: request.id })).request;
    expect(seen.attachments.map((a: { id: string }) => a.id)).toEqual([html.id, png.id]);
  });

  it("keeps an internal note's files from the customer side, and every file from a third department", async () => {
    const note = await uploaded(agent, PNG, { name: 'internal.png' });
    // Pending: only its uploader sees it.
    expect((await get(customer, `/attachments/${note.id}`)).status).toBe(404);
    expect((await get(ops, `/attachments/${note.id}`)).status).toBe(404);
    expect((await get(agent, `/attachments/${note.id}`)).status).toBe(200);
    await agent.data(COMMENT_WITH_FILES, {
      requestId: request.id,
      body: 'Internal: see the capture',
      internal: true,
      attachmentIds: [note.id],
    });
    for (const path of [`/attachments/${note.id}`, `/attachments/${note.id}/inline`])
      expect((await get(customer, path)).status).toBe(404);
    expect((await get(agent, `/attachments/${note.id}`)).status).toBe(200);
    expect((await get(ops, `/attachments/${note.id}`)).status).toBe(200);
    const customerView = (await customer.data(CONVERSATION, { id: request.id })).request;
    expect(JSON.stringify(customerView)).not.toContain(note.id);
    // The customer cannot attach to the agent's note either.
    const noteComment = (await agent.data(CONVERSATION, { id: request.id })).request.comments.find(
      (c: { internal: boolean }) => c.internal,
    );
    const onto = await upload(customer, request.id, PNG, { commentId: noteComment.id });
    expect(onto.status).toBe(404);

    const all: string[] = (
      await t.dataSource.query('SELECT id FROM attachments WHERE request_id = $1', [request.id])
    ).map((r: { id: string }) => r.id);
    expect(all).toContain(note.id);
    for (const id of all) {
      for (const path of [`/attachments/${id}`, `/attachments/${id}/inline`]) {
        const response = await get(outsider, path);
        expect(response.status).toBe(404);
        expect((await response.json()).errors[0].extensions.code).toBe('NOT_FOUND');
      }
      expect((await get(null, `/attachments/${id}`)).status).toBe(401);
    }
    expect((await get(agent, '/attachments/00000000-0000-4000-8000-000000000000')).status).toBe(
      404,
    );
    expect((await upload(outsider, request.id, PNG, { name: 'x.png' })).status).toBe(404);
  });

  it('refuses files past the limits with 413 and stores nothing', async () => {
    const fresh = await fileRequest(customer, ids.IT);
    const before = await counts();
    const big = Buffer.alloc(MAX + 1, 7);
    const refused = await upload(customer, fresh.id, big, { name: 'big.bin' });
    expect(refused.status).toBe(413);
    expect((await refused.json()).errors[0].extensions.code).toBe('PAYLOAD_TOO_LARGE');
    // Without a Content-Length (chunked), refused as the bytes arrive.
    const chunked = await fetch(`${t.baseUrl}/requests/${fresh.id}/attachments?name=big.bin`, {
      method: 'POST',
      headers: {
        'content-type': 'application/octet-stream',
        authorization: `Bearer ${customer.token}`,
      },
      body: new ReadableStream({
        start(controller) {
          for (let i = 0; i < 3; i++) controller.enqueue(new Uint8Array(MAX / 2));
          controller.close();
        },
      }),
      duplex: 'half',
    } as RequestInit);
    expect(chunked.status).toBe(413);
    expect(await counts()).toEqual(before);
    // Per request: two files fit, the third would pass the request's total.
    const part = Buffer.alloc(MAX, 1);
    expect((await upload(customer, fresh.id, part, { name: '1.bin' })).status).toBe(201);
    expect((await upload(customer, fresh.id, part, { name: '2.bin' })).status).toBe(201);
    const full = await upload(customer, fresh.id, part, { name: '3.bin' });
    expect(full.status).toBe(413);
    expect((await full.json()).errors[0].message).toMatch(/would exceed 163840 bytes/);
    expect(await counts()).toEqual({ a: before.a + 2, b: before.b + 2 });
    // Removing a file not yet sent frees its room and its bytes.
    const pending = (await customer.data(CONVERSATION, { id: fresh.id })).request
      .pendingAttachments;
    expect(pending).toHaveLength(2);
    const removed = await fetch(`${t.baseUrl}${route('/attachments/:id', pending[0].id)}`, {
      method: 'DELETE',
      headers: { authorization: `Bearer ${customer.token}` },
    });
    expect(removed.status).toBe(204);
    expect(await counts()).toEqual({ a: before.a + 1, b: before.b + 1 });
    expect((await upload(customer, fresh.id, part, { name: '3.bin' })).status).toBe(201);
  });

  it('refuses a comment whose attachmentIds are not the caller’s pending files, changing nothing', async () => {
    const mine = await uploaded(agent, PNG, { name: 'mine.png' });
    const before = await t.dataSource.query('SELECT count(*)::int AS n FROM request_comments');
    const error = await customer.error(COMMENT_WITH_FILES, {
      requestId: request.id,
      body: 'Taking your file',
      attachmentIds: [mine.id],
    });
    expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: ['attachmentIds'] });
    expect(await t.dataSource.query('SELECT count(*)::int AS n FROM request_comments')).toEqual(
      before,
    );
    const still = await t.dataSource.query('SELECT pending FROM attachments WHERE id = $1', [
      mine.id,
    ]);
    expect(still).toEqual([{ pending: true }]);
  });

  it('refuses uploads without a session, with a cookie but no upload header, or another media type', async () => {
    expect((await upload(null, request.id, PNG)).status).toBe(401);
    const wrongType = await upload(agent, request.id, PNG, {}, { 'content-type': 'image/png' });
    expect(wrongType.status).toBe(415);
    const cookie = await fetch(`${t.baseUrl}/requests/${request.id}/attachments`, {
      method: 'POST',
      headers: {
        'content-type': 'application/octet-stream',
        cookie: `intradesk_session=${agent.token}`,
      },
      body: new Uint8Array(PNG),
    });
    expect(cookie.status).toBe(403);
  });

  it('stores a file on a comment inside a caller’s transaction (inbound mail), the same bytes on download', async () => {
    const service = t.app.get(AttachmentsService);
    const comment = (await customer.data(ADD_COMMENT, { requestId: request.id, body: 'By mail' }))
      .addComment;
    const [{ id: customerId }] = await t.dataSource.query('SELECT id FROM users WHERE email = $1', [
      demoEmail('MKT', 'member'),
    ]);
    const stored = await t.dataSource.transaction((manager) =>
      service.storeForComment(manager, {
        requestId: request.id,
        commentId: comment.id,
        uploaderId: customerId,
        fileName: 'invoice.pdf',
        bytes: PDF,
      }),
    );
    expect(stored).toMatchObject({ contentType: 'application/pdf', pending: false });
    const response = await get(agent, `/attachments/${stored.id}`);
    expect(sha256(Buffer.from(await response.arrayBuffer()))).toBe(sha256(PDF));
    // A transaction that fails after it stores nothing.
    const before = await counts();
    await expect(
      t.dataSource.transaction(async (manager) => {
        await service.storeForComment(manager, {
          requestId: request.id,
          commentId: comment.id,
          uploaderId: customerId,
          fileName: 'lost.pdf',
          bytes: PDF,
        });
        throw new Error('the message was refused later');
      }),
    ).rejects.toThrow('refused later');
    expect(await counts()).toEqual(before);
  });

  it('reads a conversation with files in a fixed number of statements (no N+1)', async () => {
    const measure = async () => {
      t.statements.reset();
      await agent.data(CONVERSATION, { id: request.id });
      return t.statements.total;
    };
    const before = await measure();
    for (let i = 0; i < 4; i++) {
      const file = await uploaded(agent, PNG, { name: `more-${i}.png` });
      await agent.data(COMMENT_WITH_FILES, {
        requestId: request.id,
        body: `More ${i}`,
        attachmentIds: [file.id],
      });
    }
    const after = await measure();
    expect(after).toBe(before);
    expect(after).toBeLessThanOrEqual(8);
  });
});
