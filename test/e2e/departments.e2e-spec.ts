import { DEMO_EMAIL_DOMAIN, demoEmail } from '@intradesk/organization';
import { countRows, departmentIds, orgSnapshot } from '../factories/organization.factory';
import { GraphqlClient } from '../utils/graphql-client';
import { startTestApp, TestApp } from '../utils/test-app';

const CREATE =
  'mutation($input: CreateDepartmentInput!) { createDepartment(input: $input) { id code level depth timeZone parent { code } } }';
const MOVE =
  'mutation($id: ID!, $parentId: ID) { moveDepartment(id: $id, parentId: $parentId) { code depth parent { code } } }';
const ARCHIVE = 'mutation($id: ID!) { archiveDepartment(id: $id) { code archived } }';
const UPDATE =
  'mutation($input: UpdateDepartmentInput!) { updateDepartment(input: $input) { name level explicitLevel version } }';
const RELATIONSHIP =
  'query($c: ID!, $s: ID!) { relationship(customerId: $c, supplierId: $s) { type explanation } }';

describe('departments and relationships', () => {
  let t: TestApp;
  let admin: GraphqlClient;
  let member: GraphqlClient;
  let ids: Record<string, string>;

  beforeAll(async () => {
    t = await startTestApp();
    admin = await t.login(`admin@${DEMO_EMAIL_DOMAIN}`);
    member = await t.login(demoEmail('SALES', 'member'));
    ids = await departmentIds(t.dataSource);
  });
  afterAll(() => t.close());

  it('lists the demo organisation to any signed-in user, root first', async () => {
    const data = await member.data(
      '{ departments { code level depth parent { code } lead { email } members { role } } }',
    );
    expect(data.departments).toHaveLength(13);
    expect(data.departments[0]).toMatchObject({ code: 'CO', level: 0, parent: null });
    const lineA = data.departments.find((d: { code: string }) => d.code === 'LINE-A');
    expect(lineA).toMatchObject({
      level: 3,
      depth: 3,
      parent: { code: 'PROD' },
      lead: { email: demoEmail('LINE-A', 'lead') },
    });
    expect(lineA.members.map((m: { role: string }) => m.role).sort()).toEqual([
      'AGENT',
      'LEAD',
      'MEMBER',
    ]);
  });

  it.each([
    ['PAY', 'FIN', 'VERTICAL'],
    ['CO', 'IT', 'VERTICAL'],
    ['MKT', 'SALES', 'HORIZONTAL'],
    ['HR', 'FIN', 'HORIZONTAL'],
    ['LINE-A', 'IT', 'DIAGONAL'],
    ['LOG', 'PAY', 'DIAGONAL'],
  ])('relationship(%s -> %s) is %s', async (customer, supplier, type) => {
    const data = await member.data(RELATIONSHIP, { c: ids[customer], s: ids[supplier] });
    expect(data.relationship.type).toBe(type);
    expect(data.relationship.explanation).toContain(customer);
  });

  it('relationship to oneself is SAME_DEPARTMENT; unknown ids are NOT_FOUND', async () => {
    expect((await member.data(RELATIONSHIP, { c: ids.IT, s: ids.IT })).relationship.type).toBe(
      'SAME_DEPARTMENT',
    );
    const error = await member.error(RELATIONSHIP, {
      c: ids.IT,
      s: '00000000-0000-4000-8000-000000000000',
    });
    expect(error.extensions?.code).toBe('NOT_FOUND');
  });

  it('finds a department by code regardless of case, or by id', async () => {
    expect((await member.data('{ department(code: "line-a") { id } }')).department.id).toBe(
      ids['LINE-A'],
    );
    expect((await member.data(`{ department(id: "${ids.IT}") { code } }`)).department.code).toBe(
      'IT',
    );
    expect((await member.error('{ department(code: "NOPE") { id } }')).extensions?.code).toBe(
      'NOT_FOUND',
    );
    expect((await member.error('{ department { id } }')).extensions?.code).toBe('BAD_USER_INPUT');
    expect(
      (await member.error('{ department(id: "not-a-uuid") { id } }')).extensions,
    ).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: ['id'],
    });
  });

  it('loads a nested org page in a fixed number of SQL statements, whatever its size', async () => {
    const query =
      '{ departments { code parent { code } children { code } members { email department { code } } lead { email } } }';
    // Signed-in users are cached for a few seconds: warm it so both calls compare alike.
    await admin.data('{ me { id } }');
    t.statements.reset();
    await admin.data(query);
    const small = t.statements.total;
    for (let i = 0; i < 30; i++) {
      await admin.data(CREATE, {
        input: { code: `BULK-${i}`, name: `Bulk ${i}`, parentId: ids[i % 2 ? 'IT' : 'HR'] },
      });
    }
    await admin.data('{ me { id } }');
    t.statements.reset();
    const data = await admin.data(query);
    expect(data.departments).toHaveLength(43);
    expect(t.statements.total).toBe(small);
    expect(small).toBeLessThanOrEqual(8);
    await t.dataSource.query(`DELETE FROM departments WHERE code LIKE 'BULK-%'`);
  });

  describe('createDepartment', () => {
    it('creates a child that inherits the time zone and takes its depth as level', async () => {
      const data = await admin.data(CREATE, {
        input: { code: 'helpdesk', name: 'Helpdesk', parentId: ids.IT },
      });
      expect(data.createDepartment).toMatchObject({
        code: 'HELPDESK',
        level: 3,
        depth: 3,
        timeZone: 'Europe/London',
        parent: { code: 'IT' },
      });
    });

    it('refuses a duplicate code, in any case, with CONFLICT and changes nothing', async () => {
      const before = await orgSnapshot(t.dataSource);
      const error = await admin.error(CREATE, { input: { code: 'it', name: 'Another IT' } });
      expect(error.extensions).toMatchObject({ code: 'CONFLICT', fields: ['input.code'] });
      expect(await orgSnapshot(t.dataSource)).toBe(before);
    });

    it('refuses a malformed time zone with BAD_USER_INPUT on input.timeZone', async () => {
      const before = await countRows(t.dataSource, 'departments');
      const error = await admin.error(CREATE, {
        input: { code: 'TZ', name: 'Bad zone', timeZone: 'Mars/Olympus' },
      });
      expect(error.extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        fields: ['input.timeZone'],
      });
      expect(await countRows(t.dataSource, 'departments')).toBe(before);
    });

    it('names every bad field at once', async () => {
      const error = await admin.error(CREATE, {
        input: { code: 'no spaces!', name: '', level: -1 },
      });
      expect(error.extensions?.fields).toEqual(
        expect.arrayContaining(['input.code', 'input.name', 'input.level']),
      );
    });

    it('refuses an unknown parent', async () => {
      const error = await admin.error(CREATE, {
        input: { code: 'ORPHAN', name: 'Orphan', parentId: '00000000-0000-4000-8000-000000000000' },
      });
      expect(error.extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        fields: ['input.parentId'],
      });
    });

    it('is FORBIDDEN to members, agents, leads and ops', async () => {
      const before = await countRows(t.dataSource, 'departments');
      for (const email of [
        demoEmail('SALES', 'member'),
        demoEmail('IT', 'agent'),
        demoEmail('IT', 'lead'),
        `ops@${DEMO_EMAIL_DOMAIN}`,
      ]) {
        const error = await (
          await t.login(email)
        ).error(CREATE, { input: { code: 'SNEAKY', name: 'Sneaky' } });
        expect(error.extensions?.code).toBe('FORBIDDEN');
      }
      expect(await countRows(t.dataSource, 'departments')).toBe(before);
    });
  });

  describe('moveDepartment', () => {
    it('refuses to move a department under its own descendant, or itself', async () => {
      const before = await orgSnapshot(t.dataSource);
      const cycle = await admin.error(MOVE, { id: ids.CORP, parentId: ids.PAY });
      expect(cycle.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: ['parentId'] });
      expect(cycle.message).toMatch(/cycle/);
      // The reason and the codes, so the web app can say it in the reader's language.
      expect(cycle.extensions).toMatchObject({
        reason: 'DEPARTMENT_CYCLE',
        department: 'CORP',
        parent: 'PAY',
      });
      const self = await admin.error(MOVE, { id: ids.IT, parentId: ids.IT });
      expect(self.extensions?.code).toBe('BAD_USER_INPUT');
      expect(await orgSnapshot(t.dataSource)).toBe(before);
    });

    it('moves a subtree, recomputing depths, and the relationship follows', async () => {
      expect((await member.data(RELATIONSHIP, { c: ids.LOG, s: ids.PAY })).relationship.type).toBe(
        'DIAGONAL',
      );
      const moved = await admin.data(MOVE, { id: ids.FIN, parentId: ids.OPS });
      expect(moved.moveDepartment).toMatchObject({
        code: 'FIN',
        depth: 2,
        parent: { code: 'OPS' },
      });
      const pay = await member.data(
        `{ department(code: "PAY") { depth parent { code parent { code } } } }`,
      );
      expect(pay.department).toEqual({
        depth: 3,
        parent: { code: 'FIN', parent: { code: 'OPS' } },
      });
      // OPS is now an ancestor of Payroll: one line of command.
      expect((await member.data(RELATIONSHIP, { c: ids.OPS, s: ids.PAY })).relationship.type).toBe(
        'VERTICAL',
      );
      const root = await admin.data(MOVE, { id: ids.FIN, parentId: null });
      expect(root.moveDepartment).toMatchObject({ depth: 0, parent: null });
      expect((await member.data(`{ department(code: "PAY") { depth } }`)).department.depth).toBe(1);
      await admin.data(MOVE, { id: ids.FIN, parentId: ids.CORP });
    });

    it('never lets two concurrent moves build a cycle', async () => {
      const results = await Promise.all([
        admin.request(MOVE, { id: ids.MKT, parentId: ids.SALES }),
        admin.request(MOVE, { id: ids.SALES, parentId: ids.MKT }),
      ]);
      const failed = results.filter((r) => r.errors);
      expect(failed).toHaveLength(1);
      expect(failed[0].errors![0].extensions?.code).toBe('BAD_USER_INPUT');
      const [{ cycles }] = await t.dataSource.query(
        `SELECT count(*)::int AS cycles FROM departments a JOIN departments b ON a.parent_id = b.id AND b.parent_id = a.id`,
      );
      expect(cycles).toBe(0);
      await admin.data(MOVE, { id: ids.MKT, parentId: ids.COM });
      await admin.data(MOVE, { id: ids.SALES, parentId: ids.COM });
    });
  });

  describe('archiveDepartment', () => {
    it('is refused while active children remain, then works bottom-up', async () => {
      const refused = await admin.error(ARCHIVE, { id: ids.PROD });
      expect(refused.extensions?.code).toBe('BAD_USER_INPUT');
      expect(refused.message).toMatch(/LINE-A/);
      expect((await admin.data(ARCHIVE, { id: ids['LINE-A'] })).archiveDepartment).toEqual({
        code: 'LINE-A',
        archived: true,
      });
      expect((await admin.data(ARCHIVE, { id: ids.PROD })).archiveDepartment.archived).toBe(true);
      const active = await member.data('{ departments { code } }');
      expect(active.departments.map((d: { code: string }) => d.code)).not.toContain('PROD');
      const all = await member.data('{ departments(includeArchived: true) { code archived } }');
      expect(all.departments).toContainEqual({ code: 'PROD', archived: true });
      const underArchived = await admin.error(CREATE, {
        input: { code: 'LINE-B', name: 'Line B', parentId: ids.PROD },
      });
      expect(underArchived.extensions?.code).toBe('BAD_USER_INPUT');
    });
  });

  describe('updateDepartment', () => {
    it('renames, sets and clears an explicit level, guarded by expectedVersion', async () => {
      const { department } = await member.data(`{ department(code: "LOG") { version } }`);
      const renamed = await admin.data(UPDATE, {
        input: {
          id: ids.LOG,
          name: 'Logistics & Fleet',
          level: 3,
          expectedVersion: department.version,
        },
      });
      expect(renamed.updateDepartment).toMatchObject({
        name: 'Logistics & Fleet',
        level: 3,
        explicitLevel: 3,
        version: department.version + 1,
      });
      expect((await member.data(RELATIONSHIP, { c: ids.LOG, s: ids.PAY })).relationship.type).toBe(
        'HORIZONTAL',
      );
      const stale = await admin.error(UPDATE, {
        input: { id: ids.LOG, name: 'Stale', expectedVersion: department.version },
      });
      expect(stale.extensions?.code).toBe('CONFLICT');
      const cleared = await admin.data(UPDATE, { input: { id: ids.LOG, level: null } });
      expect(cleared.updateDepartment).toMatchObject({
        name: 'Logistics & Fleet',
        level: 2,
        explicitLevel: null,
      });
    });
  });
});
