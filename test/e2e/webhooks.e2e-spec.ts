import * as http from 'node:http';
import { AddressInfo } from 'node:net';
import { Pool } from 'pg';
import { AppConfig, ManualTimeSource } from '@intradesk/core';
import {
  DnsWebhookResolver,
  verifyWebhookSignature,
  WebhookDeliveryJob,
  WebhookResolver,
  WebhookSender,
  WebhookTargets,
} from '@intradesk/notifications';
import { DEMO_EMAIL_DOMAIN, demoEmail } from '@intradesk/organization';
import { AutoCloseJob, BreachScanJob } from '@intradesk/requests';
import { departmentIds } from '../factories/organization.factory';
import { ADD_COMMENT, fileRequest, moveTo } from '../factories/requests.factory';
import { GraphqlClient } from '../utils/graphql-client';
import { startTestApp, TestApp } from '../utils/test-app';

const MINUTE = 60_000;
const CREATE =
  'mutation($d: ID!, $u: String!) { createDepartmentWebhook(departmentId: $d, url: $u) { secret webhook { id url } } }';

interface Received {
  event: string;
  signature: string;
  body: string;
}

function receiver(
  status: number,
): Promise<{ url: string; received: Received[]; close: () => Promise<void> }> {
  const received: Received[] = [];
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => {
      received.push({
        event: String(req.headers['x-intradesk-event']),
        signature: String(req.headers['x-intradesk-signature']),
        body,
      });
      res.writeHead(status).end();
    });
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({
        url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks/intradesk`,
        received,
        close: () => new Promise((r) => server.close(() => r())),
      }),
    ),
  );
}

describe('department webhooks', () => {
  const time = new ManualTimeSource(new Date('2026-03-02T09:00:00Z'));
  let t: TestApp;
  let ids: Record<string, string>;
  let itLead: GraphqlClient;

  beforeAll(async () => {
    t = await startTestApp({ time, env: { WEBHOOK_MAX_ATTEMPTS: '4' } });
    ids = await departmentIds(t.dataSource);
    itLead = await t.login(demoEmail('IT', 'lead'));
    const ops = await t.login(`ops@${DEMO_EMAIL_DOMAIN}`);
    const calendar = (
      await ops.data(
        'mutation($i: CreateBusinessCalendarInput!) { createBusinessCalendar(input: $i) { id } }',
        {
          i: {
            name: '24x7',
            timeZone: 'UTC',
            weeklyHours: [
              'MONDAY',
              'TUESDAY',
              'WEDNESDAY',
              'THURSDAY',
              'FRIDAY',
              'SATURDAY',
              'SUNDAY',
            ].map((day) => ({ day, start: '00:00', end: '24:00' })),
          },
        },
      )
    ).createBusinessCalendar.id;
    await ops.data('mutation($i: CreateSlaPolicyInput!) { createSlaPolicy(input: $i) { id } }', {
      i: {
        supplierId: ids.IT,
        firstResponseMinutes: 60,
        resolutionMinutes: 100000,
        calendarId: calendar,
      },
    });
  });
  afterAll(() => t.close());

  it('posts signed SLA events, retries failures with backoff, and shows them FAILED at the limit', async () => {
    const good = await receiver(200);
    const bad = await receiver(500);
    const created = (await itLead.data(CREATE, { d: ids.IT, u: good.url })).createDepartmentWebhook;
    const failing = (await itLead.data(CREATE, { d: ids.IT, u: bad.url })).createDepartmentWebhook;
    expect(created.secret.length).toBeGreaterThan(20);

    await fileRequest(await t.login(demoEmail('MKT', 'member')), ids.IT, { title: 'Hooked' });
    time.advance(61 * MINUTE);
    await t.app.get(BreachScanJob).runUntilIdle();
    const deliveries = t.app.get(WebhookDeliveryJob);
    await deliveries.runUntilIdle();

    expect(good.received.map((r) => r.event).sort()).toEqual([
      'request.created',
      'sla.breached',
      'sla.escalated',
      'sla.warning',
    ]);
    for (const r of good.received) {
      expect(verifyWebhookSignature(created.secret, r.body, r.signature)).toBe(true);
      expect(verifyWebhookSignature('another secret', r.body, r.signature)).toBe(false);
      const data = JSON.parse(r.body).data;
      if (r.event === 'request.created') {
        expect(data).toMatchObject({ number: 'IT-1', status: 'NEW', kind: 'CREATED' });
      } else {
        expect(data).toMatchObject({ request: 'IT-1', title: 'Hooked', clock: 'FIRST_RESPONSE' });
      }
    }
    expect(bad.received).toHaveLength(4);

    // Retries back off: nothing is resent until the delay has passed.
    await deliveries.runUntilIdle();
    expect(bad.received).toHaveLength(4);
    for (let i = 0; i < 6; i++) {
      time.advance(60 * MINUTE);
      await deliveries.runUntilIdle();
    }
    expect(bad.received).toHaveLength(16); // 4 attempts each, then given up
    expect(good.received).toHaveLength(4); // delivered ones are never resent

    const DELIVERIES = `query($w: ID!, $after: String) {
      webhookDeliveries(webhookId: $w, status: FAILED, first: 3, after: $after) {
        totalCount pageInfo { hasNextPage endCursor } edges { node { id event attempts lastError } } } }`;
    const page1 = (await itLead.data(DELIVERIES, { w: failing.webhook.id })).webhookDeliveries;
    expect(page1.totalCount).toBe(4);
    expect(page1.edges).toHaveLength(3);
    expect(page1.pageInfo.hasNextPage).toBe(true);
    expect(page1.edges[0].node).toMatchObject({ attempts: 4, lastError: 'HTTP 500' });
    const rest = (
      await itLead.data(DELIVERIES, { w: failing.webhook.id, after: page1.pageInfo.endCursor })
    ).webhookDeliveries;
    expect(rest.edges).toHaveLength(1);
    expect(rest.pageInfo.hasNextPage).toBe(false);
    // Newest first, each once across the pages.
    const seen = [...page1.edges, ...rest.edges].map((e: { node: { id: string } }) => e.node.id);
    expect(seen).toEqual([...seen].sort((a, b) => Number(b) - Number(a)));
    expect(
      (await itLead.error(DELIVERIES, { w: failing.webhook.id, after: 'nonsense' })).extensions,
    ).toMatchObject({ code: 'BAD_USER_INPUT', fields: ['after'] });
    const hrLead = await t.login(demoEmail('HR', 'lead'));
    expect((await hrLead.error(DELIVERIES, { w: failing.webhook.id })).extensions?.code).toBe(
      'FORBIDDEN',
    );
    await Promise.all([good.close(), bad.close()]);
  });

  it('lets only the department’s lead, operations and admins manage its webhooks', async () => {
    const hrLead = await t.login(demoEmail('HR', 'lead'));
    expect(
      (await hrLead.error(CREATE, { d: ids.IT, u: 'https://example.org/x' })).extensions?.code,
    ).toBe('FORBIDDEN');
    expect(
      (await itLead.error(CREATE, { d: ids.IT, u: 'ftp://example.org/x' })).extensions,
    ).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: ['url'],
    });
    const listed = await itLead.data(
      'query($d: ID!) { departmentWebhooks(departmentId: $d) { url } }',
      { d: ids.IT },
    );
    expect(listed.departmentWebhooks).toHaveLength(2);
  });

  it('pauses a webhook (its pending deliveries wait), resumes it, and deletes it', async () => {
    const hook = await receiver(200);
    const ops = await t.login(`ops@${DEMO_EMAIL_DOMAIN}`);
    const hrLead = await t.login(demoEmail('HR', 'lead'));
    const created = (await hrLead.data(CREATE, { d: ids.HR, u: hook.url })).createDepartmentWebhook;
    const SET =
      'mutation($id: ID!, $a: Boolean!) { setDepartmentWebhookActive(id: $id, active: $a) { id active } }';
    const DELETE = 'mutation($id: ID!) { deleteDepartmentWebhook(id: $id) }';
    const member = await t.login(demoEmail('MKT', 'member'));
    const deliveries = t.app.get(WebhookDeliveryJob);
    const count = async () =>
      (
        await t.dataSource.query(
          'SELECT count(*)::int AS n FROM webhook_deliveries WHERE webhook_id = $1',
          [created.webhook.id],
        )
      )[0].n;

    // Filed before the pause: pending, held while paused.
    await fileRequest(member, ids.HR, { title: 'Before the pause' });
    expect(await count()).toBe(1);
    expect(
      (await hrLead.data(SET, { id: created.webhook.id, a: false })).setDepartmentWebhookActive,
    ).toEqual({
      id: created.webhook.id,
      active: false,
    });
    await fileRequest(member, ids.HR, { title: 'While paused' });
    await deliveries.runUntilIdle();
    expect(hook.received).toHaveLength(0);
    expect(await count()).toBe(1); // nothing new recorded while paused

    // Only the department's lead, operations and admins; an unknown id is NOT_FOUND.
    expect((await itLead.error(SET, { id: created.webhook.id, a: true })).extensions?.code).toBe(
      'FORBIDDEN',
    );
    expect((await member.error(DELETE, { id: created.webhook.id })).extensions?.code).toBe(
      'FORBIDDEN',
    );
    expect(
      (await ops.error(SET, { id: '00000000-0000-4000-8000-000000000000', a: true })).extensions
        ?.code,
    ).toBe('NOT_FOUND');

    await ops.data(SET, { id: created.webhook.id, a: true });
    await deliveries.runUntilIdle();
    expect(hook.received.map((r) => r.event)).toEqual(['request.created']);
    expect(JSON.parse(hook.received[0].body).data).toMatchObject({ kind: 'CREATED' });

    expect((await hrLead.data(DELETE, { id: created.webhook.id })).deleteDepartmentWebhook).toBe(
      created.webhook.id,
    );
    expect(await count()).toBe(0);
    const listed = await hrLead.data(
      'query($d: ID!) { departmentWebhooks(departmentId: $d) { id } }',
      {
        d: ids.HR,
      },
    );
    expect(listed.departmentWebhooks).toEqual([]);
    expect((await hrLead.error(DELETE, { id: created.webhook.id })).extensions?.code).toBe(
      'NOT_FOUND',
    );
    await hook.close();
  });

  it('sends request events to both sides, internal notes to the supplier only', async () => {
    const supplierSide = await receiver(200);
    const customerSide = await receiver(200);
    await itLead.data(CREATE, { d: ids.IT, u: supplierSide.url });
    const mktLead = await t.login(demoEmail('MKT', 'lead'));
    await mktLead.data(CREATE, { d: ids.MKT, u: customerSide.url });

    const filed = await fileRequest(await t.login(demoEmail('MKT', 'member')), ids.IT, {
      title: 'Both sides',
    });
    const agent = await t.login(demoEmail('IT', 'agent'));
    await agent.data(ADD_COMMENT, { requestId: filed.id, body: 'internal', internal: true });
    await agent.data(ADD_COMMENT, { requestId: filed.id, body: 'public' });
    await t.app.get(WebhookDeliveryJob).runUntilIdle();

    const events = (r: Awaited<ReturnType<typeof receiver>>) =>
      r.received.filter((x) => JSON.parse(x.body).data.number === filed.number).map((x) => x.event);
    expect(events(supplierSide)).toEqual([
      'request.created',
      'request.commented',
      'request.commented',
    ]);
    expect(events(customerSide)).toEqual(['request.created', 'request.commented']);

    // Closed by the auto-close job: both sides hear it once, written by the same outbox writer.
    const resolved = await t
      .login(demoEmail('IT', 'agent'))
      .then(async (a) =>
        moveTo(
          a,
          (await a.data(`query($id: ID!) { request(id: $id) { id version } }`, { id: filed.id }))
            .request,
          'RESOLVED',
        ),
      );
    expect(resolved.status).toBe('RESOLVED');
    time.advance(73 * 60 * MINUTE);
    expect(await t.app.get(AutoCloseJob).run()).toBeGreaterThanOrEqual(1);
    await t.app.get(WebhookDeliveryJob).runUntilIdle();
    for (const side of [supplierSide, customerSide]) {
      const closing = side.received
        .map((x) => ({ event: x.event, data: JSON.parse(x.body).data }))
        .filter((x) => x.data.number === filed.number && x.data.status === 'CLOSED');
      expect(closing).toEqual([
        {
          event: 'request.status_changed',
          data: {
            requestId: filed.id,
            number: filed.number,
            status: 'CLOSED',
            supplierId: ids.IT,
            customerId: ids.MKT,
            kind: 'STATUS_CHANGED',
          },
        },
      ]);
    }
    await Promise.all([supplierSide.close(), customerSide.close()]);
  });
});

// Server-side request forgery: in production a webhook reaches public https addresses only,
// checked at creation and again at each delivery. Names answer from a table (the resolver is
// the seam; the connection itself is real).
describe('webhook targets in production', () => {
  const time = new ManualTimeSource(new Date('2026-03-02T09:00:00Z'));
  const PUBLIC = '93.184.215.14';
  const answers: Record<string, string[]> = {
    'hooks.example.com': [PUBLIC],
    'internal.example.com': ['10.20.30.40'],
    'rebind.example.com': [PUBLIC],
  };
  let t: TestApp;
  let open: TestApp;
  let ids: Record<string, string>;
  let itLead: GraphqlClient;

  const useTable = (app: TestApp) =>
    jest
      .spyOn(app.app.get(WebhookResolver), 'resolve')
      .mockImplementation(async (host) =>
        host in answers
          ? answers[host].map((address) => ({ address, family: 4 as const }))
          : new DnsWebhookResolver().resolve(host),
      );

  beforeAll(async () => {
    t = await startTestApp({
      time,
      env: { NODE_ENV: 'production', WEBHOOK_ALLOW_PRIVATE_NETWORKS: 'false' },
    });
    open = await startTestApp({
      time,
      sameDatabaseAs: t,
      env: { NODE_ENV: 'production', WEBHOOK_ALLOW_PRIVATE_NETWORKS: 'true' },
    });
    useTable(t);
    useTable(open);
    ids = await departmentIds(t.dataSource);
    itLead = await t.login(demoEmail('IT', 'lead'));
  });
  afterAll(async () => {
    await open.close();
    await t.close();
  });

  it('refuses loopback, private, link-local and plain-http targets with the reason', async () => {
    const refusals: Record<string, RegExp> = {
      'https://127.0.0.1/hook': /127\.0\.0\.1 is a loopback address/,
      'https://localhost:8443/hook': /loopback/,
      'https://10.1.2.3/hook': /10\.1\.2\.3 is a private-network address/,
      'https://169.254.169.254/latest/meta-data/': /link-local/,
      'https://[::1]/hook': /::1 is a loopback address/,
      'https://[fd00::1]/hook': /fd00::1 is a unique-local/,
      'https://[::ffff:192.168.0.1]/hook': /private-network/,
      'https://100.64.0.1/hook': /carrier-grade NAT/,
      'https://internal.example.com/hook': /internal\.example\.com resolves to 10\.20\.30\.40/,
      'http://hooks.example.com/hook': /https: in production/,
    };
    for (const [url, reason] of Object.entries(refusals)) {
      const error = await itLead.error(CREATE, { d: ids.IT, u: url });
      expect({ url, ...error.extensions }).toMatchObject({
        url,
        code: 'BAD_USER_INPUT',
        fields: ['url'],
        reason: 'WEBHOOK_TARGET_REFUSED',
      });
      expect(error.message).toMatch(reason);
    }
    const { count } = (
      await t.dataSource.query('SELECT count(*)::int AS count FROM department_webhooks')
    )[0];
    expect(count).toBe(0);
    // A public https address is fine.
    const made = await itLead.data(CREATE, { d: ids.IT, u: 'https://hooks.example.com/hook' });
    expect(made.createDepartmentWebhook.webhook.url).toBe('https://hooks.example.com/hook');
  });

  it('allows them with WEBHOOK_ALLOW_PRIVATE_NETWORKS=true', async () => {
    const lead = await open.login(demoEmail('HR', 'lead'));
    for (const url of [
      'http://127.0.0.1:9/hook',
      'https://10.1.2.3/hook',
      'http://169.254.169.254/',
      'https://[::1]/hook',
      'https://[fd00::1]/hook',
    ]) {
      const made = await lead.data(CREATE, { d: ids.HR, u: url });
      expect(made.createDepartmentWebhook.webhook.url).toBe(new URL(url).toString());
    }
    await open.dataSource.query('DELETE FROM department_webhooks WHERE department_id = $1', [
      ids.HR,
    ]);
  });

  it('checks again at delivery: a name rebound to a private address is refused', async () => {
    const local = await receiver(200);
    const port = new URL(local.url).port;
    const made = await itLead.data(CREATE, {
      d: ids.IT,
      u: `https://rebind.example.com:${port}/hooks/intradesk`,
    });
    // After creation the name starts answering with the receiver's own address.
    answers['rebind.example.com'] = ['127.0.0.1'];
    await fileRequest(await t.login(demoEmail('MKT', 'member')), ids.IT, { title: 'Rebound' });
    await t.app.get(WebhookDeliveryJob).runUntilIdle();
    expect(local.received).toEqual([]);
    const [delivery] = await t.dataSource.query(
      `SELECT status, attempts, last_error FROM webhook_deliveries WHERE webhook_id = $1`,
      [made.createDepartmentWebhook.webhook.id],
    );
    expect(delivery).toMatchObject({ status: 'PENDING', attempts: 1 });
    expect(delivery.last_error).toMatch(
      /^refused: .*127\.0\.0\.1 is a loopback address \(this machine\) \(rebind\.example\.com resolves to 127\.0\.0\.1\)/,
    );
    await local.close();
  });
});

// The sender holds no connection or lock while receivers answer, and one that hangs holds up
// no other delivery: each poll claims, starts the calls and returns.
describe('webhook delivery with a hanging receiver', () => {
  const time = new ManualTimeSource(new Date('2026-03-02T09:00:00Z'));
  const POLL_MS = 1000;
  let t: TestApp;
  let ids: Record<string, string>;
  let filer: GraphqlClient;

  beforeAll(async () => {
    t = await startTestApp({
      time,
      env: { WEBHOOK_TIMEOUT_SECONDS: '30', WORKER_POLL_SECONDS: String(POLL_MS / 1000) },
    });
    ids = await departmentIds(t.dataSource);
    filer = await t.login(demoEmail('MKT', 'member'));
  });
  afterAll(() => t.close());

  const until = async (what: string, done: () => boolean | Promise<boolean>, ms: number) => {
    const deadline = Date.now() + ms;
    while (!(await done())) {
      if (Date.now() > deadline) throw new Error(`not within ${ms} ms: ${what}`);
      await new Promise((r) => setImmediate(r));
    }
  };

  it('delivers to the answering receiver on time and keeps the pool free', async () => {
    // Takes each call and never answers.
    const hanging: http.ServerResponse[] = [];
    const hang = http.createServer((_req, res) => hanging.push(res));
    await new Promise<void>((r) => hang.listen(0, '127.0.0.1', r));
    const good = await receiver(200);
    const itLead = await t.login(demoEmail('IT', 'lead'));
    const hangUrl = `http://127.0.0.1:${(hang.address() as AddressInfo).port}/hook`;
    const hung = (await itLead.data(CREATE, { d: ids.IT, u: hangUrl })).createDepartmentWebhook;
    await itLead.data(CREATE, { d: ids.IT, u: good.url });
    const sender = t.app.get(WebhookSender);
    const pool = (t.dataSource.driver as unknown as { master: Pool }).master;

    for (let round = 1; round <= 3; round++) {
      await fileRequest(filer, ids.IT, { title: `Round ${round}` });
      const polled = Date.now();
      expect(await sender.deliverDue()).toBe(2);
      expect(Date.now() - polled).toBeLessThan(POLL_MS);
      await until(
        `delivery ${round} to the answering receiver`,
        () => good.received.length === round,
        POLL_MS,
      );
      await until(`call ${round} to the hanging receiver`, () => hanging.length === round, POLL_MS);
      // While the hanging calls wait: no pooled connection is taken, no transaction is open,
      // and other work runs at once.
      expect(pool.totalCount - pool.idleCount).toBe(0);
      const [{ open }] = await t.dataSource.query(
        `SELECT count(*)::int AS open FROM pg_stat_activity
          WHERE datname = current_database() AND state LIKE 'idle in transaction%'`,
      );
      expect(open).toBe(0);
      const asked = Date.now();
      await filer.data('{ me { id } }');
      expect(Date.now() - asked).toBeLessThan(POLL_MS);
    }
    const states = async () =>
      (await t.dataSource.query(
        `SELECT d.status, d.attempts, d.next_attempt_at FROM webhook_deliveries d
          WHERE d.webhook_id = $1 ORDER BY d.id`,
        [hung.webhook.id],
      )) as { status: string; attempts: number; next_attempt_at: Date }[];
    // The hanging ones are claimed (their next attempt is the lease's end) and not yet counted.
    for (const row of await states()) {
      expect(row).toMatchObject({ status: 'PENDING', attempts: 0 });
      expect(row.next_attempt_at.getTime()).toBeGreaterThan(time.now().getTime());
    }

    // A sender that died would leave its claims: once they lapse another process takes them
    // over, and the first one's late result is not kept (at least once: the call is repeated).
    time.advance(5 * 60_000);
    const other = new WebhookSender(
      t.dataSource,
      time,
      t.app.get(AppConfig),
      t.app.get(WebhookTargets),
    );
    expect(await other.deliverDue()).toBe(3);
    await until('the calls repeated', () => hanging.length === 6, POLL_MS);
    for (const res of hanging.slice(0, 3)) res.writeHead(200).end();
    await sender.settled();
    expect((await states()).map((r) => [r.status, r.attempts])).toEqual([
      ['PENDING', 0],
      ['PENDING', 0],
      ['PENDING', 0],
    ]);
    for (const res of hanging.slice(3)) res.writeHead(200).end();
    await other.settled();
    expect((await states()).map((r) => [r.status, r.attempts])).toEqual([
      ['DELIVERED', 1],
      ['DELIVERED', 1],
      ['DELIVERED', 1],
    ]);
    await new Promise((r) => hang.close(r));
    await good.close();
  });
});
