import { DEMO_EMAIL_DOMAIN, demoEmail } from '@intradesk/organization';
import { departmentIds } from '../factories/organization.factory';
import {
  ADD_COMMENT,
  ASSIGN,
  CHANGE_STATUS,
  fileRequest,
  FiledRequest,
} from '../factories/requests.factory';
import { GraphqlClient } from '../utils/graphql-client';
import { startTestApp, TestApp } from '../utils/test-app';

// Marketing (customer) files to IT (supplier); Sales and HR are unrelated.
type Who =
  | 'customerMember'
  | 'customerAgent'
  | 'supplierMember'
  | 'supplierAgent'
  | 'supplierLead'
  | 'unrelatedAgent'
  | 'unrelatedLead'
  | 'ops'
  | 'admin';

const EMAILS: Record<Who, string> = {
  customerMember: demoEmail('MKT', 'member'),
  customerAgent: demoEmail('MKT', 'agent'),
  supplierMember: demoEmail('IT', 'member'),
  supplierAgent: demoEmail('IT', 'agent'),
  supplierLead: demoEmail('IT', 'lead'),
  unrelatedAgent: demoEmail('SALES', 'agent'),
  unrelatedLead: demoEmail('HR', 'lead'),
  ops: `ops@${DEMO_EMAIL_DOMAIN}`,
  admin: `admin@${DEMO_EMAIL_DOMAIN}`,
};

const SEES = new Set<Who>([
  'customerMember',
  'customerAgent',
  'supplierMember',
  'supplierAgent',
  'supplierLead',
  'ops',
  'admin',
]);
const SEES_INTERNAL = new Set<Who>([
  'supplierMember',
  'supplierAgent',
  'supplierLead',
  'ops',
  'admin',
]);
const WORKS = new Set<Who>(['supplierAgent', 'supplierLead', 'admin']);
const ALL = Object.keys(EMAILS) as Who[];

describe('who sees and does what with a request', () => {
  let t: TestApp;
  let ids: Record<string, string>;
  const as = {} as Record<Who, GraphqlClient>;
  let shared: FiledRequest;
  let toSales: FiledRequest;

  beforeAll(async () => {
    t = await startTestApp();
    ids = await departmentIds(t.dataSource);
    for (const who of ALL) as[who] = await t.login(EMAILS[who]);
    shared = await fileRequest(as.customerMember, ids.IT, { title: 'Shared request' });
    toSales = await fileRequest(as.customerMember, ids.SALES, { title: 'For Sales' });
    await as.supplierAgent.data(ADD_COMMENT, {
      requestId: shared.id,
      body: 'SECRET-NOTE',
      internal: true,
    });
    await as.supplierAgent.data(ADD_COMMENT, { requestId: shared.id, body: 'public answer' });
  });
  afterAll(() => t.close());

  const fresh = () => fileRequest(as.customerMember, ids.IT, { title: 'Fresh' });

  it('a Sales agent sees only the Sales request, an IT agent only the IT one', async () => {
    const list = async (who: Who) =>
      (
        await as[who].data('{ requests(first: 100) { edges { node { number } } } }')
      ).requests.edges.map((e: { node: { number: string } }) => e.node.number);
    expect(await list('unrelatedLead')).toEqual([]);
    expect(await list('unrelatedAgent')).toEqual([toSales.number]);
    expect(await list('supplierAgent')).toEqual([shared.number]);
    const salesAgent = await t.login(demoEmail('SALES', 'agent'));
    expect(
      (await salesAgent.data('{ requests { edges { node { number relationshipType } } } }'))
        .requests.edges,
    ).toEqual([{ node: { number: toSales.number, relationshipType: 'HORIZONTAL' } }]);
    expect(
      (await salesAgent.error(`{ request(number: "${shared.number}") { id } }`)).extensions?.code,
    ).toBe('NOT_FOUND');
  });

  describe.each(ALL)('%s', (who) => {
    it(`${SEES.has(who) ? 'sees' : 'does not see'} the request in the list, by id and by number`, async () => {
      const list = await as[who].data(
        '{ requests(first: 100) { totalCount edges { node { id } } } }',
      );
      const listed = list.requests.edges.some(
        (e: { node: { id: string } }) => e.node.id === shared.id,
      );
      expect(listed).toBe(SEES.has(who));
      const byId = await as[who].request(`{ request(id: "${shared.id}") { id } }`);
      const byNumber = await as[who].request(`{ request(number: "${shared.number}") { id } }`);
      for (const result of [byId, byNumber]) {
        if (SEES.has(who)) expect(result.data).toEqual({ request: { id: shared.id } });
        else expect(result.errors?.[0].extensions?.code).toBe('NOT_FOUND');
      }
    });

    it(`${SEES_INTERNAL.has(who) ? 'sees' : 'never sees'} the internal note, through every path`, async () => {
      if (!SEES.has(who)) return;
      const paths = [
        `{ request(id: "${shared.id}") { comments { body } history { kind internal } } }`,
        `{ request(number: "${shared.number}") { comments { body } history { kind internal } } }`,
        `{ requests(first: 100) { edges { node { comments { body } history { kind internal } } } } }`,
      ];
      for (const query of paths) {
        const text = JSON.stringify(await as[who].data(query));
        expect(text.includes('SECRET-NOTE')).toBe(SEES_INTERNAL.has(who));
        expect(text.includes('"internal":true')).toBe(SEES_INTERNAL.has(who));
        expect(text).toContain('public answer');
      }
    });

    it(`${WORKS.has(who) ? 'may' : 'may not'} move, assign and re-prioritise it`, async () => {
      const request = await fresh();
      const expected = WORKS.has(who) ? null : SEES.has(who) ? 'FORBIDDEN' : 'NOT_FOUND';
      const me = (await as.supplierAgent.data('{ me { id } }')).me.id;
      const calls = [
        as[who].request(CHANGE_STATUS, { id: request.id, status: 'IN_PROGRESS', v: 1 }),
        as[who].request(ASSIGN, { id: request.id, assigneeId: me, v: 1 }),
        as[who].request(
          'mutation($id: ID!) { changeRequestPriority(id: $id, priority: P1, expectedVersion: 1) { id } }',
          {
            id: request.id,
          },
        ),
      ];
      // Each call is checked against version 1: only the first to land may succeed.
      const results = await Promise.all(calls);
      for (const result of results) {
        const code = result.errors?.[0].extensions?.code ?? null;
        if (expected) expect(code).toBe(expected);
        else expect([null, 'CONFLICT']).toContain(code);
      }
    });

    it(`${SEES.has(who) ? 'may' : 'may not'} comment; ${SEES_INTERNAL.has(who) ? 'may' : 'may not'} write internal notes`, async () => {
      const request = await fresh();
      const publicComment = await as[who].request(ADD_COMMENT, {
        requestId: request.id,
        body: 'hello',
      });
      const note = await as[who].request(ADD_COMMENT, {
        requestId: request.id,
        body: 'note',
        internal: true,
      });
      expect(publicComment.errors?.[0].extensions?.code ?? null).toBe(
        SEES.has(who) ? null : 'NOT_FOUND',
      );
      const noteCode = note.errors?.[0].extensions?.code ?? null;
      expect(noteCode).toBe(
        SEES_INTERNAL.has(who) ? null : SEES.has(who) ? 'FORBIDDEN' : 'NOT_FOUND',
      );
    });

    it(`${['customerMember', 'customerAgent', 'admin'].includes(who) ? 'may' : 'may not'} cancel it`, async () => {
      const request = await fresh();
      const result = await as[who].request(CHANGE_STATUS, {
        id: request.id,
        status: 'CANCELLED',
        v: 1,
      });
      const code = result.errors?.[0].extensions?.code ?? null;
      const mayCancel = ['customerMember', 'customerAgent', 'admin'].includes(who);
      expect(code).toBe(mayCancel ? null : SEES.has(who) ? 'FORBIDDEN' : 'NOT_FOUND');
    });
  });
});
