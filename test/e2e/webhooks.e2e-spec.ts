import * as http from 'node:http';
import { AddressInfo } from 'node:net';
import { ManualTimeSource } from '@intradesk/core';
import { verifyWebhookSignature, WebhookDeliveryJob } from '@intradesk/notifications';
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

    const failed = await itLead.data(
      'query($w: ID!) { webhookDeliveries(webhookId: $w, status: FAILED) { event attempts lastError } }',
      {
        w: failing.webhook.id,
      },
    );
    expect(failed.webhookDeliveries).toHaveLength(4);
    expect(failed.webhookDeliveries[0]).toMatchObject({ attempts: 4, lastError: 'HTTP 500' });
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
