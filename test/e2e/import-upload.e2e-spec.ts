import * as http from 'node:http';
import * as path from 'node:path';
import { DEMO_EMAIL_DOMAIN, demoEmail, Role, UserEntity } from '@intradesk/organization';
import { readUciLog } from '../../scripts/uci/uci-log';
import { orgSnapshot } from '../factories/organization.factory';
import { GraphqlClient } from '../utils/graphql-client';
import { startTestApp, TestApp } from '../utils/test-app';

// POST /imports/org-chart and /imports/requests over real HTTP: the files as streamed bodies,
// NDJSON progress lines, then the result (docs/api.md). The GraphQL body limit is 1 MiB.
const SLICE = path.join(__dirname, '../fixtures/uci_incident_event_log.slice.csv.gz');
const HEADER = 'code,name,parent_code,level,time_zone,lead_email';

interface Answer {
  status: number;
  type: string;
  text: string;
  messages: Record<string, any>[];
}

describe('import uploads', () => {
  let t: TestApp;
  let admin: GraphqlClient;
  const uci = readUciLog({ file: SLICE });

  beforeAll(async () => {
    t = await startTestApp({ env: { IMPORT_MAX_BODY_BYTES: String(2 * 1024 * 1024) } });
    admin = await t.login(`admin@${DEMO_EMAIL_DOMAIN}`);
  });
  afterAll(() => t.close());

  // A raw HTTP request: the body as given (chunked when no content-length is set).
  const send = (
    route: string,
    body: string | Buffer | string[],
    headers: Record<string, string>,
  ): Promise<Answer> =>
    new Promise((resolve, reject) => {
      const request = http.request(`${t.baseUrl}${route}`, { method: 'POST', headers });
      request.on('response', (response) => {
        let text = '';
        response.setEncoding('utf8');
        response.on('data', (chunk) => (text += chunk));
        response.on('end', () => {
          const type = String(response.headers['content-type'] ?? '');
          resolve({
            status: response.statusCode ?? 0,
            type,
            text,
            messages: type.startsWith('application/x-ndjson')
              ? text
                  .split('\n')
                  .filter(Boolean)
                  .map((l) => JSON.parse(l))
              : [JSON.parse(text)],
          });
        });
      });
      // The server may answer (413) and close before all of an oversized body is written.
      request.on('error', (error: NodeJS.ErrnoException) =>
        error.code === 'EPIPE' || error.code === 'ECONNRESET' ? undefined : reject(error),
      );
      for (const part of Array.isArray(body) ? body : [body]) request.write(part);
      request.end();
    });

  const bearer = (client: GraphqlClient) => ({ authorization: `Bearer ${client.token}` });
  const upload = (
    route: string,
    body: string | Buffer,
    client: GraphqlClient,
    type = route.endsWith('org-chart') ? 'text/csv' : 'application/x-ndjson',
  ) =>
    send(route, body, {
      ...bearer(client),
      'content-type': type,
      'content-length': String(Buffer.byteLength(body)),
    });
  const resultOf = (answer: Answer) => answer.messages.at(-1)!;

  it('refuses an org chart with one bad line, changing nothing and naming the line; the fixed file imports', async () => {
    const before = await orgSnapshot(t.dataSource);
    const bad = [
      HEADER,
      'LEGAL,Legal,CORP,,,',
      'CONTRACTS,Contracts,LEGAL,,Mars/Olympus,',
      'PATENTS,Patents,LEGAL,,,',
    ].join('\n');
    const refused = await upload('/imports/org-chart', bad, admin);
    expect(refused.status).toBe(200);
    expect(refused.messages[0]).toEqual({ type: 'received', bytes: Buffer.byteLength(bad) });
    expect(refused.messages.some((m) => m.type === 'progress')).toBe(true);
    expect(resultOf(refused)).toMatchObject({
      type: 'result',
      ok: false,
      created: 0,
      updated: 0,
      errorCount: 1,
      errors: [{ line: 3, message: expect.stringContaining('Mars/Olympus') }],
    });
    expect(await orgSnapshot(t.dataSource)).toBe(before);
    const legal = await admin.request('{ department(code: "LEGAL") { id } }');
    expect(legal.errors?.[0].extensions?.code).toBe('NOT_FOUND');

    const fixed = bad.replace('Mars/Olympus', 'Europe/London');
    const imported = await upload('/imports/org-chart', fixed, admin);
    expect(resultOf(imported)).toMatchObject({
      type: 'result',
      ok: true,
      created: 3,
      updated: 0,
      errors: [],
      errorCount: 0,
      lines: 4,
    });
    const contracts = await admin.data(
      '{ department(code: "CONTRACTS") { timeZone parent { code } } }',
    );
    expect(contracts.department).toEqual({
      timeZone: 'Europe/London',
      parent: { code: 'LEGAL' },
    });
  });

  it('imports the UCI slice as NDJSON with progress lines, and refuses it whole when a line is bad', async () => {
    // The slice's organisation and callers first: its org chart through the upload too.
    const org = await upload('/imports/org-chart', uci.orgChartCsv, admin);
    expect(resultOf(org)).toMatchObject({ ok: true, errorCount: 0 });
    // Its callers as invited accounts (as npm run bench:import does).
    const departments = new Map<string, string>(
      (await t.dataSource.query('SELECT code, id FROM departments')).map(
        (d: { code: string; id: string }) => [d.code, d.id],
      ),
    );
    await t.dataSource
      .createQueryBuilder()
      .insert()
      .into(UserEntity)
      .values(
        uci.requesters.map((r) => ({
          email: r.email,
          name: r.name,
          passwordHash: null,
          departmentId: departments.get(r.departmentCode)!,
          role: Role.MEMBER,
        })),
      )
      .execute();
    const ops = await t.login(`ops@${DEMO_EMAIL_DOMAIN}`);
    const count = async () =>
      (await ops.data('{ requests(first: 1) { totalCount } }')).requests.totalCount as number;
    const before = await count();

    const broken = [...uci.ndjson.slice(0, 5), '{"ref":"BROKEN"}', ...uci.ndjson.slice(5), 'nope'];
    const refused = await upload('/imports/requests', broken.join('\n'), ops);
    expect(resultOf(refused)).toMatchObject({
      ok: false,
      imported: 0,
      errorCount: 2,
      errors: [
        { line: 6, message: expect.stringContaining('required') },
        { line: broken.length, message: 'not valid JSON' },
      ],
    });
    expect(await count()).toBe(before);

    const ndjson = `${uci.ndjson.join('\r\n')}\r\n`;
    const answer = await upload(
      '/imports/requests',
      ndjson,
      ops,
      'application/x-ndjson; charset=utf-8',
    );
    expect(answer.status).toBe(200);
    expect(answer.type).toMatch(/^application\/x-ndjson/);
    const progress = answer.messages.filter((m) => m.type === 'progress');
    expect(progress.length).toBeGreaterThan(0);
    expect(progress.at(-1)).toEqual({
      type: 'progress',
      lines: uci.ndjson.length,
      bytes: Buffer.byteLength(ndjson),
      totalBytes: Buffer.byteLength(ndjson),
    });
    expect(resultOf(answer)).toEqual({
      type: 'result',
      ok: true,
      imported: uci.ndjson.length,
      errors: [],
      errorCount: 0,
      lines: uci.ndjson.length,
      bytes: Buffer.byteLength(ndjson),
    });
    expect(await count()).toBe(before + uci.ndjson.length);
    const ref = JSON.parse(uci.ndjson[0]).title as string;
    const found = await ops.data(
      'query($t: String) { requests(first: 5, filter: { text: $t }) { totalCount } }',
      {
        t: ref,
      },
    );
    expect(found.requests.totalCount).toBeGreaterThan(0);

    // A second upload of the same file: every line was imported before.
    const again = await upload('/imports/requests', ndjson, ops);
    expect(resultOf(again)).toMatchObject({
      ok: false,
      imported: 0,
      errorCount: uci.ndjson.length,
      errors: expect.arrayContaining([
        { line: 1, message: expect.stringContaining('was imported before') },
      ]),
    });
  });

  it('is for the roles of importOrgChart and importRequests, signed in', async () => {
    const lead = await t.login(demoEmail('IT', 'lead'));
    const ops = await t.login(`ops@${DEMO_EMAIL_DOMAIN}`);
    const csv = `${HEADER}\nNOPE,Nope,CO,,,\n`;
    const forbidden = await upload('/imports/org-chart', csv, ops);
    expect(forbidden.status).toBe(403);
    expect(forbidden.messages[0].errors[0].extensions.code).toBe('FORBIDDEN');
    expect((await upload('/imports/requests', '{}', lead)).status).toBe(403);
    const anonymous = await send('/imports/requests', '{}', {
      'content-type': 'application/x-ndjson',
    });
    expect(anonymous.status).toBe(401);
    expect(anonymous.messages[0].errors[0].extensions.code).toBe('UNAUTHENTICATED');
    expect(
      (
        await send('/imports/org-chart', csv, {
          authorization: 'Bearer nonsense',
          'content-type': 'text/csv',
        })
      ).status,
    ).toBe(401);
    const nope = await admin.request('{ department(code: "NOPE") { id } }');
    expect(nope.errors?.[0].extensions?.code).toBe('NOT_FOUND');
  });

  it('takes the session cookie only with the upload header (no cross-site posts)', async () => {
    const cookie = `intradesk_session=${admin.token}`;
    const csv = `${HEADER}\nCOOKIE1,Cookie one,CO,,,\n`;
    const withoutHeader = await send('/imports/org-chart', csv, {
      cookie,
      'content-type': 'text/csv',
    });
    expect(withoutHeader.status).toBe(403);
    expect(withoutHeader.messages[0].errors[0].message).toContain('X-Intradesk-Upload');
    const withHeader = await send('/imports/org-chart', csv, {
      cookie,
      'content-type': 'text/csv',
      'x-intradesk-upload': '1',
    });
    expect(resultOf(withHeader)).toMatchObject({ ok: true, created: 1 });
  });

  it('refuses other media types with 415', async () => {
    const answer = await upload('/imports/org-chart', `${HEADER}\n`, admin, 'text/plain');
    expect(answer.status).toBe(415);
    expect(answer.messages[0].errors[0].extensions.code).toBe('UNSUPPORTED_MEDIA_TYPE');
  });

  it('refuses a file over IMPORT_MAX_BODY_BYTES with 413, declared or chunked, importing nothing', async () => {
    const line = `${uci.ndjson[0]}\n`;
    const big = line.repeat(Math.ceil((2.5 * 1024 * 1024) / line.length));
    const declared = await upload('/imports/requests', big, admin);
    expect(declared.status).toBe(413);
    expect(declared.messages[0].errors[0].extensions.code).toBe('PAYLOAD_TOO_LARGE');
    const chunks = Array.from({ length: 40 }, () => line.repeat(Math.ceil(65536 / line.length)));
    const chunked = await send('/imports/requests', chunks, {
      ...bearer(admin),
      'content-type': 'application/x-ndjson',
    });
    expect(chunked.status).toBe(413);
    expect(chunked.messages[0].errors[0].extensions.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('refuses a 12 MB GraphQL body with 413, declared or chunked', async () => {
    const variables = { ndjson: 'x'.repeat(12 * 1000 * 1000) };
    const body = JSON.stringify({
      query: 'mutation($ndjson: String!) { importRequests(ndjson: $ndjson) { imported } }',
      variables,
    });
    const headers = { ...bearer(admin), 'content-type': 'application/json' };
    const declared = await send('/graphql', body, {
      ...headers,
      'content-length': String(Buffer.byteLength(body)),
    });
    expect(declared.status).toBe(413);
    expect(declared.messages[0].errors[0].extensions.code).toBe('PAYLOAD_TOO_LARGE');
    const parts = Array.from({ length: 12 }, (_, i) =>
      body.slice(i * 1_000_001, (i + 1) * 1_000_001),
    );
    const chunked = await send('/graphql', parts, headers);
    expect(chunked.status).toBe(413);
    expect(chunked.messages[0].errors[0].extensions.code).toBe('PAYLOAD_TOO_LARGE');
  });
});
