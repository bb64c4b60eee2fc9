import { ManualTimeSource } from '@intradesk/core';
import { DEMO_EMAIL_DOMAIN, demoEmail } from '@intradesk/organization';
import { AutoCloseJob } from '@intradesk/requests';
import { departmentIds } from '../factories/organization.factory';
import {
  ADD_COMMENT,
  ASSIGN,
  CHANGE_STATUS,
  fileRequest,
  moveTo,
  REQUEST_BY_ID,
} from '../factories/requests.factory';
import { GraphqlClient } from '../utils/graphql-client';
import { startTestApp, TestApp } from '../utils/test-app';

const HOUR = 3_600_000;

describe('requests between departments: lifecycle', () => {
  const time = new ManualTimeSource(new Date('2026-03-02T09:00:00Z'));
  let t: TestApp;
  let ids: Record<string, string>;
  let mktMember: GraphqlClient;
  let itAgent: GraphqlClient;
  let itLead: GraphqlClient;

  beforeAll(async () => {
    t = await startTestApp({ time });
    ids = await departmentIds(t.dataSource);
    mktMember = await t.login(demoEmail('MKT', 'member'));
    itAgent = await t.login(demoEmail('IT', 'agent'));
    itLead = await t.login(demoEmail('IT', 'lead'));
  });
  afterAll(() => t.close());

  it('files requests to Sales and IT with their numbers and relationship types', async () => {
    const toSales = await fileRequest(mktMember, ids.SALES, { title: 'Campaign price list' });
    const toIt = await fileRequest(mktMember, ids.IT, { title: 'New laptop', priority: 'P2' });
    expect(toSales).toMatchObject({
      number: 'SALES-1',
      status: 'NEW',
      priority: 'P3',
      relationshipType: 'HORIZONTAL',
      customer: { code: 'MKT' },
      supplier: { code: 'SALES' },
      requester: { email: demoEmail('MKT', 'member') },
      version: 1,
    });
    expect(toIt).toMatchObject({ number: 'IT-1', priority: 'P2', relationshipType: 'HORIZONTAL' });
    const lineA = await fileRequest(await t.login(demoEmail('LINE-A', 'member')), ids.IT);
    expect(lineA).toMatchObject({ number: 'IT-2', relationshipType: 'DIAGONAL' });
    const pay = await fileRequest(await t.login(demoEmail('PAY', 'member')), ids.FIN);
    expect(pay.relationshipType).toBe('VERTICAL');
  });

  it('keeps the relationship type as filed when the org changes later', async () => {
    const request = await fileRequest(mktMember, ids.SALES);
    const admin = await t.login(`admin@${DEMO_EMAIL_DOMAIN}`);
    await admin.data(
      'mutation($id: ID!, $p: ID) { moveDepartment(id: $id, parentId: $p) { code } }',
      {
        id: ids.SALES,
        p: ids.MKT,
      },
    );
    const again = await mktMember.data(REQUEST_BY_ID, { id: request.id });
    expect(again.request.relationshipType).toBe('HORIZONTAL');
    const after = await fileRequest(mktMember, ids.SALES);
    expect(after.relationshipType).toBe('VERTICAL');
    await admin.data(
      'mutation($id: ID!, $p: ID) { moveDepartment(id: $id, parentId: $p) { code } }',
      {
        id: ids.SALES,
        p: ids.COM,
      },
    );
  });

  it('walks the whole lifecycle with the right side making each move', async () => {
    let request = await fileRequest(mktMember, ids.IT, { title: 'VPN access' });
    expect(request.allowedStatuses).toEqual(['CANCELLED']);

    const illegal = await itAgent.error(CHANGE_STATUS, {
      id: request.id,
      status: 'CLOSED',
      v: request.version,
    });
    expect(illegal.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: ['status'] });
    expect(illegal.message).toMatch(/IN_PROGRESS, WAITING_ON_CUSTOMER, RESOLVED/);
    const notCustomers = await mktMember.error(CHANGE_STATUS, {
      id: request.id,
      status: 'RESOLVED',
      v: request.version,
    });
    expect(notCustomers.extensions?.code).toBe('FORBIDDEN');

    time.advance(HOUR);
    request = await moveTo(itAgent, request, 'IN_PROGRESS');
    expect(request.firstRespondedAt).toBe(time.now().toISOString());
    request = await moveTo(itAgent, request, 'WAITING_ON_CUSTOMER');
    expect(request.allowedStatuses).toEqual(['IN_PROGRESS', 'RESOLVED']);
    request = await moveTo(mktMember, request, 'IN_PROGRESS'); // the customer answers
    request = await moveTo(itAgent, request, 'RESOLVED');
    expect(request.resolvedAt).toBe(time.now().toISOString());
    time.advance(2 * HOUR);
    request = await moveTo(mktMember, request, 'IN_PROGRESS'); // reopened within the window
    expect(request.resolvedAt).toBeNull();
    request = await moveTo(itAgent, request, 'RESOLVED');
    request = await moveTo(mktMember, request, 'CLOSED'); // the customer confirms
    expect(request).toMatchObject({ status: 'CLOSED', allowedStatuses: [] });
    const terminal = await itLead.error(CHANGE_STATUS, {
      id: request.id,
      status: 'IN_PROGRESS',
      v: request.version,
    });
    expect(terminal.extensions?.code).toBe('BAD_USER_INPUT');

    const { request: full } = await mktMember.data(REQUEST_BY_ID, { id: request.id });
    expect(full.history.map((h: { kind: string; to: string }) => `${h.kind}:${h.to}`)).toEqual([
      'CREATED:NEW',
      'STATUS_CHANGED:IN_PROGRESS',
      'STATUS_CHANGED:WAITING_ON_CUSTOMER',
      'STATUS_CHANGED:IN_PROGRESS',
      'STATUS_CHANGED:RESOLVED',
      'STATUS_CHANGED:IN_PROGRESS',
      'STATUS_CHANGED:RESOLVED',
      'STATUS_CHANGED:CLOSED',
    ]);
    expect(full.history[1].actor.email).toBe(demoEmail('IT', 'agent'));
    expect(full.history[3].actor.email).toBe(demoEmail('MKT', 'member'));
  });

  it('refuses to reopen after the reopen window', async () => {
    let request = await fileRequest(mktMember, ids.IT);
    request = await moveTo(itAgent, request, 'RESOLVED');
    time.advance(168 * HOUR + 1000);
    const error = await mktMember.error(CHANGE_STATUS, {
      id: request.id,
      status: 'IN_PROGRESS',
      v: request.version,
    });
    expect(error.extensions?.code).toBe('BAD_USER_INPUT');
    expect(error.message).toMatch(/168 hours/);
  });

  it('closes resolved requests by itself after the auto-close delay, once', async () => {
    let request = await fileRequest(mktMember, ids.IT);
    request = await moveTo(itAgent, request, 'RESOLVED');
    const job = t.app.get(AutoCloseJob);
    time.advance(71 * HOUR);
    await job.run();
    expect((await mktMember.data(REQUEST_BY_ID, { id: request.id })).request.status).toBe(
      'RESOLVED',
    );
    time.advance(2 * HOUR);
    const closed = await Promise.all([job.run(), job.run()]);
    expect(closed.reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(1);
    const { request: after } = await mktMember.data(REQUEST_BY_ID, { id: request.id });
    expect(after.status).toBe('CLOSED');
    const closings = after.history.filter((h: { to: string }) => h.to === 'CLOSED');
    expect(closings).toEqual([
      { kind: 'STATUS_CHANGED', from: 'RESOLVED', to: 'CLOSED', internal: false, actor: null },
    ]);
  });

  it('lets the customer cancel before resolution, and not after', async () => {
    const open = await fileRequest(mktMember, ids.IT);
    const cancelled = await moveTo(mktMember, open, 'CANCELLED');
    expect(cancelled.status).toBe('CANCELLED');
    expect(cancelled.firstRespondedAt).toBeNull();
    const resolved = await moveTo(itAgent, await fileRequest(mktMember, ids.IT), 'RESOLVED');
    const error = await mktMember.error(CHANGE_STATUS, {
      id: resolved.id,
      status: 'CANCELLED',
      v: resolved.version,
    });
    expect(error.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('assigns only to members of the supplier, by its agents and leads', async () => {
    const request = await fileRequest(mktMember, ids.IT);
    const me = (await itAgent.data('{ me { id } }')).me.id;
    const outsider = (await mktMember.data('{ me { id } }')).me.id;
    const byCustomer = await mktMember.error(ASSIGN, { id: request.id, assigneeId: me, v: 1 });
    expect(byCustomer.extensions?.code).toBe('FORBIDDEN');
    const wrongPerson = await itLead.error(ASSIGN, { id: request.id, assigneeId: outsider, v: 1 });
    expect(wrongPerson.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: ['assigneeId'],
    });
    const assigned = await itLead.data(ASSIGN, { id: request.id, assigneeId: me, v: 1 });
    expect(assigned.assignRequest).toMatchObject({
      assignee: { email: demoEmail('IT', 'agent') },
      version: 2,
    });
    const stale = await itLead.error(ASSIGN, { id: request.id, assigneeId: null, v: 1 });
    expect(stale.extensions?.code).toBe('CONFLICT');
    const { request: after } = await itLead.data(REQUEST_BY_ID, { id: request.id });
    expect(after.history.map((h: { kind: string }) => h.kind)).toEqual(['CREATED', 'ASSIGNED']);
    expect(after.history[1].to).toBe(me);
  });

  it('counts the first public supplier comment as the first response, not an internal note', async () => {
    const request = await fileRequest(mktMember, ids.IT);
    time.advance(60_000);
    await itAgent.data(ADD_COMMENT, { requestId: request.id, body: 'Looking', internal: true });
    expect(
      (await itAgent.data(REQUEST_BY_ID, { id: request.id })).request.firstRespondedAt,
    ).toBeNull();
    await mktMember.data(ADD_COMMENT, { requestId: request.id, body: 'Any news?' });
    expect(
      (await itAgent.data(REQUEST_BY_ID, { id: request.id })).request.firstRespondedAt,
    ).toBeNull();
    time.advance(60_000);
    await itAgent.data(ADD_COMMENT, { requestId: request.id, body: 'On it' });
    const { request: after } = await itAgent.data(REQUEST_BY_ID, { id: request.id });
    expect(after.firstRespondedAt).toBe(time.now().toISOString());
    // Comments never conflict: they leave the version (which guards the request's fields) alone.
    expect(after.version).toBe(1);
  });

  it('refuses bad input with field paths and changes nothing', async () => {
    const before = await t.dataSource.query('SELECT count(*)::int AS n FROM requests');
    const cases: [Record<string, unknown>, string][] = [
      [{ supplierId: '00000000-0000-4000-8000-000000000000', title: 'x' }, 'input.supplierId'],
      [{ supplierId: ids.IT, title: '' }, 'input.title'],
      [
        { supplierId: ids.IT, title: 'x', serviceId: '00000000-0000-4000-8000-000000000000' },
        'input.serviceId',
      ],
      [{ supplierId: ids.IT, title: 'x', idempotencyKey: 'has space' }, 'input.idempotencyKey'],
    ];
    for (const [input, field] of cases) {
      const error = await mktMember.error(
        'mutation($input: CreateRequestInput!) { createRequest(input: $input) { id } }',
        {
          input,
        },
      );
      expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [field] });
    }
    const badPriority = await mktMember.request(
      'mutation($input: CreateRequestInput!) { createRequest(input: $input) { id } }',
      { input: { supplierId: ids.IT, title: 'x', priority: 'P9' } },
    );
    expect(badPriority.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    const after = await t.dataSource.query('SELECT count(*)::int AS n FROM requests');
    expect(after[0].n).toBe(before[0].n);
  });

  it('finds a request by number regardless of case', async () => {
    const data = await mktMember.data('{ request(number: "it-1") { title } }');
    expect(data.request.title).toBe('New laptop');
    expect((await mktMember.error('{ request(number: "IT") { id } }')).extensions?.code).toBe(
      'BAD_USER_INPUT',
    );
  });
});
