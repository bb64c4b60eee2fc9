import { DEMO_EMAIL_DOMAIN, demoEmail } from '@intradesk/organization';
import { orgSnapshot } from '../factories/organization.factory';
import { organogramToOrgChartCsv } from '../factories/organogram.factory';
import { GraphqlClient } from '../utils/graphql-client';
import { startTestApp, TestApp } from '../utils/test-app';

const IMPORT =
  'mutation($csv: String!) { importOrgChart(csv: $csv) { created updated invitedLeads errors { line message } } }';
const HEADER = 'code,name,parent_code,level,time_zone,lead_email';

describe('importOrgChart', () => {
  let t: TestApp;
  let admin: GraphqlClient;

  beforeAll(async () => {
    t = await startTestApp();
    admin = await t.login(`admin@${DEMO_EMAIL_DOMAIN}`);
  });
  afterAll(() => t.close());

  const importCsv = async (csv: string) => (await admin.data(IMPORT, { csv })).importOrgChart;

  it('upserts by code, and a re-import of the same file changes nothing', async () => {
    const csv = [
      HEADER,
      'LEGAL,"Legal, Risk and Compliance",CORP,,,legal.lead@example.org',
      'CONTRACTS,Contracts,legal,,America/New_York,',
      'IT,IT Services,CORP,,,',
    ].join('\n');
    expect(await importCsv(csv)).toEqual({ created: 2, updated: 1, invitedLeads: 1, errors: [] });
    const legal = await admin.data(
      '{ department(code: "CONTRACTS") { depth timeZone parent { code lead { email } } } }',
    );
    expect(legal.department).toEqual({
      depth: 3,
      timeZone: 'America/New_York',
      parent: { code: 'LEGAL', lead: { email: 'legal.lead@example.org' } },
    });
    const before = await orgSnapshot(t.dataSource);
    expect(await importCsv(csv)).toEqual({ created: 0, updated: 0, invitedLeads: 0, errors: [] });
    expect(await orgSnapshot(t.dataSource)).toBe(before);
  });

  it('moves existing departments when their parent_code changes', async () => {
    const result = await importCsv(`${HEADER}\nCONTRACTS,Contracts,FIN,,,\n`);
    expect(result).toMatchObject({ created: 0, updated: 1 });
    const moved = await admin.data('{ department(code: "CONTRACTS") { depth parent { code } } }');
    expect(moved.department).toEqual({ depth: 3, parent: { code: 'FIN' } });
  });

  it('imports nothing when one line is bad, and names that line', async () => {
    const before = await orgSnapshot(t.dataSource);
    const csv = [
      HEADER,
      'NEW1,New one,CO,,,',
      'NEW2,New two,NEW1,,Not/AZone,',
      'NEW3,New three,NEW2,,,',
    ].join('\n');
    const result = await importCsv(csv);
    expect(result.created).toBe(0);
    expect(result.errors).toEqual([{ line: 3, message: expect.stringContaining('time_zone') }]);
    expect(await orgSnapshot(t.dataSource)).toBe(before);
  });

  it('reports every bad line: unknown parent, duplicate code, cycle, bad time zone', async () => {
    const before = await orgSnapshot(t.dataSource);
    const csv = [
      HEADER,
      'A1,Alpha,GHOST,,,', // 2: unknown parent
      'B1,Beta,CO,,,', // 3: fine on its own
      'b1,Beta again,CO,,,', // 4: duplicate of line 3
      'C1,Gamma,C2,,,', // 5: cycle with line 6
      'C2,Delta,C1,,,', // 6: cycle with line 5
      'D1,Epsilon,CO,,UTC+3,', // 7: bad time zone
      'CO,Company,PAY,,,', // 8: the root under its own descendant
    ].join('\n');
    const result = await importCsv(csv);
    expect(result).toMatchObject({ created: 0, updated: 0 });
    const byLine = Object.fromEntries(
      result.errors.map((e: { line: number; message: string }) => [e.line, e.message]),
    );
    expect(Object.keys(byLine).map(Number)).toEqual([2, 4, 5, 6, 7, 8]);
    expect(byLine[2]).toMatch(/unknown parent_code GHOST/);
    expect(byLine[4]).toMatch(/duplicate code B1 \(first on line 3\)/);
    expect(byLine[5]).toMatch(/cycle/);
    expect(byLine[6]).toMatch(/cycle/);
    expect(byLine[7]).toMatch(/time_zone/);
    expect(byLine[8]).toMatch(/cycle: CO -> PAY -> FIN -> CORP -> CO/);
    expect(await orgSnapshot(t.dataSource)).toBe(before);
  });

  it('refuses a deactivated lead_email, naming the line', async () => {
    const email = demoEmail('HR', 'agent');
    const { users } = await admin.data(
      'query($s: String) { users(search: $s, includeDeactivated: true) { edges { node { id email } } } }',
      { s: email },
    );
    const id = users.edges.find((e: { node: { email: string } }) => e.node.email === email).node.id;
    await admin.data('mutation($id: ID!) { deactivateUser(id: $id) { id } }', { id });
    try {
      const before = await orgSnapshot(t.dataSource);
      const result = await importCsv(`${HEADER}\nNEWHR,New HR,HR,,,\nHRX,HR extra,HR,,,${email}\n`);
      expect(result).toEqual({
        created: 0,
        updated: 0,
        invitedLeads: 0,
        errors: [{ line: 3, message: `lead_email ${email} is deactivated` }],
      });
      expect(await orgSnapshot(t.dataSource)).toBe(before);
    } finally {
      await admin.data('mutation($id: ID!) { reactivateUser(id: $id) { id } }', { id });
    }
  });

  it('is FORBIDDEN to non-admins', async () => {
    const lead = await t.login(demoEmail('IT', 'lead'));
    expect((await lead.error(IMPORT, { csv: `${HEADER}\nX,X,,,,` })).extensions?.code).toBe(
      'FORBIDDEN',
    );
  });

  // The senior posts of both bodies, shipped in test/fixtures/org_uk_gov; the unit counts are
  // those the data sets' own description gives.
  it.each([
    ['department_for_transport-2011-09-30-senior.csv', 32],
    ['home_office-2012-09-30-senior.csv', 132],
  ])(
    'imports the real organogram %s (%i units) as a tree, idempotently',
    async (file, expectedUnits) => {
      const { csv, units } = organogramToOrgChartCsv(file);
      expect(units).toBe(expectedUnits);
      const first = await importCsv(csv);
      expect(first.errors).toEqual([]);
      // Unit codes (U001...) may collide with those of the other organogram; those update.
      expect(first.created + first.updated).toBe(units);
      expect(await importCsv(csv)).toEqual({ created: 0, updated: 0, invitedLeads: 0, errors: [] });
      const tree = await t.dataSource.query(
        `SELECT count(*)::int AS n, count(*) FILTER (WHERE parent_id IS NULL)::int AS roots, max(depth)::int AS deepest
           FROM departments WHERE code LIKE 'U%'`,
      );
      expect(tree[0].roots).toBeGreaterThanOrEqual(1);
      expect(tree[0].deepest).toBeGreaterThanOrEqual(2);
      // Every stored path agrees with the parent links.
      const [{ broken }] = await t.dataSource.query(
        `SELECT count(*)::int AS broken FROM departments d LEFT JOIN departments p ON p.id = d.parent_id
          WHERE d.path[cardinality(d.path)] <> d.id
             OR (p.id IS NULL AND cardinality(d.path) <> 1)
             OR (p.id IS NOT NULL AND d.path[1:cardinality(d.path) - 1] <> p.path)`,
      );
      expect(broken).toBe(0);
    },
  );
});
