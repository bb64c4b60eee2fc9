import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import { DEMO_EMAIL_DOMAIN, demoEmail } from '@intradesk/organization';
import { GraphQLSchema, isObjectType } from 'graphql';
import {
  HTTP_ROUTES,
  OBJECT_FIELDS,
  OPERATIONS,
  PARENT,
  Role,
  ROLES,
} from '../authorization/access-matrix';
import { httpRoutes } from '../authorization/http-routes';
import { rootGuards } from '../authorization/resolver-guards';
import { departmentIds } from '../factories/organization.factory';
import { GraphqlClient } from '../utils/graphql-client';
import { operationFor, rootFields, RootKind } from '../utils/schema-operations';
import { startTestApp, TestApp } from '../utils/test-app';

const E2E = join(__dirname);
const ROOT_KINDS: RootKind[] = ['Query', 'Mutation', 'Subscription'];
const USERS: Record<Role, string> = {
  MEMBER: demoEmail('MKT', 'member'),
  AGENT: demoEmail('IT', 'agent'),
  LEAD: demoEmail('IT', 'lead'),
  OPS: `ops@${DEMO_EMAIL_DOMAIN}`,
  ADMIN: `admin@${DEMO_EMAIL_DOMAIN}`,
};

// A proof spec must exist and mention the name, itself or through a factory it imports.
function mentions(proof: string, name: string): boolean {
  const file = join(E2E, `${proof}.e2e-spec.ts`);
  if (!existsSync(file)) return false;
  const source = readFileSync(file, 'utf8');
  const imported = [...source.matchAll(/from '\.\.\/factories\/([a-z-.]+)'/g)].map((m) =>
    readFileSync(join(E2E, '..', 'factories', `${m[1]}.ts`), 'utf8'),
  );
  const word = new RegExp(`\\b${name}\\b`);
  return [source, ...imported].some((text) => word.test(text));
}

describe('authorization completeness: every operation and field is in the role matrix', () => {
  let t: TestApp;
  let schema: GraphQLSchema;
  const as = {} as Record<Role, GraphqlClient>;

  beforeAll(async () => {
    t = await startTestApp();
    schema = t.app.get(GraphQLSchemaHost).schema;
    for (const role of ROLES) as[role] = await t.login(USERS[role]);
  });
  afterAll(() => t.close());

  it('lists exactly the operations of the schema', () => {
    const inSchema = ROOT_KINDS.flatMap((kind) =>
      rootFields(schema, kind).map((field) => `${kind}.${field.name}`),
    ).sort();
    expect(Object.keys(OPERATIONS).sort()).toEqual(inSchema);
  });

  it("declares each operation's guard exactly as its resolver does", () => {
    const declared = rootGuards(t.app).map((g) => ({
      operation: `${g.kind}.${g.name}`,
      guard: g.public ? 'public' : (g.roles ?? 'signed-in'),
    }));
    const expected = declared.map(({ operation }) => {
      const guard = OPERATIONS[operation]?.guard;
      return { operation, guard: Array.isArray(guard) ? [...guard].sort() : guard };
    });
    expect(declared).toEqual(expected);
  });

  it('names a proof for every operation and narrowed field that exercises it', () => {
    const missing: string[] = [];
    for (const [operation, access] of Object.entries(OPERATIONS)) {
      const name = operation.split('.')[1];
      if (access.proof.length === 0) missing.push(`${operation}: no proof`);
      for (const proof of access.proof) {
        if (!mentions(proof, name)) missing.push(`${operation}: ${proof} does not call it`);
      }
    }
    for (const [type, fields] of Object.entries(OBJECT_FIELDS)) {
      for (const [field, access] of Object.entries(fields)) {
        if (access === PARENT) continue;
        for (const proof of access.proof) {
          if (!mentions(proof, field)) missing.push(`${type}.${field}: ${proof} never reads it`);
        }
      }
    }
    expect(missing).toEqual([]);
  });

  it('lists exactly the HTTP routes of the controllers, each with a proof that uses it', () => {
    expect(Object.keys(HTTP_ROUTES).sort()).toEqual(httpRoutes(t.app));
    // A proof spec must request the path itself; this spec proves the refusals only (below).
    const missing = Object.entries(HTTP_ROUTES).flatMap(([route, access]) => {
      const path = route.split(' ')[1];
      if (access.proof.length === 0) return [`${route}: no proof`];
      return access.proof
        .filter((proof) => proof !== 'authorization-completeness')
        .filter((proof) => !readFileSync(join(E2E, `${proof}.e2e-spec.ts`), 'utf8').includes(path))
        .map((proof) => `${route}: ${proof} does not call it`);
    });
    expect(missing).toEqual([]);
  });

  it('refuses every guarded HTTP route without a token, and role-restricted ones to other roles', async () => {
    const answers: Record<string, number> = {};
    const expected: Record<string, number> = {};
    for (const [route, access] of Object.entries(HTTP_ROUTES)) {
      if (access.guard === 'public') continue;
      const [method, path] = route.split(' ');
      const call = (token?: string) =>
        fetch(`${t.baseUrl}${path}`, {
          method,
          headers: {
            ...(token ? { authorization: `Bearer ${token}` } : {}),
            ...(access.contentType ? { 'content-type': access.contentType } : {}),
          },
          ...(method === 'POST' ? { body: '' } : {}),
        }).then((r) => r.status);
      answers[`${route} anonymous`] = await call();
      expected[`${route} anonymous`] = 401;
      if (!Array.isArray(access.guard)) continue;
      for (const role of ROLES.filter((r) => !(access.guard as Role[]).includes(r))) {
        answers[`${route} as ${role}`] = await call(as[role].token);
        expected[`${route} as ${role}`] = 403;
      }
    }
    expect(answers).toEqual(expected);
  });

  it('lists exactly the object types and fields of the schema', () => {
    const inSchema: Record<string, string[]> = {};
    for (const type of Object.values(schema.getTypeMap())) {
      if (!isObjectType(type) || type.name.startsWith('__')) continue;
      if (ROOT_KINDS.includes(type.name as RootKind)) continue;
      inSchema[type.name] = Object.keys(type.getFields()).sort();
    }
    const inMatrix = Object.fromEntries(
      Object.entries(OBJECT_FIELDS).map(([type, fields]) => [type, Object.keys(fields).sort()]),
    );
    expect(inMatrix).toEqual(inSchema);
  });

  it('refuses every guarded query and mutation without a token', async () => {
    const answers: Record<string, unknown> = {};
    for (const kind of ['Query', 'Mutation'] as const) {
      for (const field of rootFields(schema, kind)) {
        if (OPERATIONS[`${kind}.${field.name}`]?.guard === 'public') continue;
        const { query, variables } = operationFor(kind, field);
        const result = await t.graphql.request(query, variables);
        answers[`${kind}.${field.name}`] = result.errors?.[0]?.extensions?.code;
      }
    }
    const unauthenticated = Object.fromEntries(
      Object.keys(answers).map((operation) => [operation, 'UNAUTHENTICATED']),
    );
    expect(answers).toEqual(unauthenticated);
  });

  it('refuses every role-restricted operation to every other role, changing nothing', async () => {
    const before = await t.dataSource.query(
      `SELECT (SELECT count(*) FROM departments) AS d, (SELECT count(*) FROM users) AS u,
              (SELECT count(*) FROM requests) AS r, (SELECT count(*) FROM business_calendars) AS c,
              (SELECT count(*) FROM survey_rounds) AS s`,
    );
    const answers: Record<string, unknown> = {};
    const expected: Record<string, unknown> = {};
    for (const kind of ['Query', 'Mutation'] as const) {
      for (const field of rootFields(schema, kind)) {
        const guard = OPERATIONS[`${kind}.${field.name}`]?.guard;
        if (!Array.isArray(guard)) continue;
        for (const role of ROLES.filter((r) => !guard.includes(r))) {
          const { query, variables } = operationFor(kind, field);
          const result = await as[role].request(query, variables);
          answers[`${kind}.${field.name} as ${role}`] = result.errors?.[0]?.extensions?.code;
          expected[`${kind}.${field.name} as ${role}`] = 'FORBIDDEN';
        }
      }
    }
    expect(Object.keys(answers).length).toBeGreaterThan(30);
    expect(answers).toEqual(expected);
    const after = await t.dataSource.query(
      `SELECT (SELECT count(*) FROM departments) AS d, (SELECT count(*) FROM users) AS u,
              (SELECT count(*) FROM requests) AS r, (SELECT count(*) FROM business_calendars) AS c,
              (SELECT count(*) FROM survey_rounds) AS s`,
    );
    expect(after).toEqual(before);
  });

  // The operations whose matrix proof is this file: their scope rules, per role.
  it('restoreDepartment and setDepartmentLead: admins only', async () => {
    const ids = await departmentIds(t.dataSource);
    const lead = await t.dataSource.query('SELECT id FROM users WHERE email = $1', [USERS.LEAD]);
    const setLead =
      'mutation($d: ID!, $u: ID) { setDepartmentLead(departmentId: $d, userId: $u) { id } }';
    for (const role of ['MEMBER', 'AGENT', 'LEAD', 'OPS'] as const) {
      const error = await as[role].error(setLead, { d: ids.IT, u: lead[0].id });
      expect(error.extensions!.code).toBe('FORBIDDEN');
    }
    expect((await as.ADMIN.request(setLead, { d: ids.IT, u: lead[0].id })).errors).toBeUndefined();
    const restore = 'mutation($id: ID!) { restoreDepartment(id: $id) { id } }';
    expect((await as.OPS.error(restore, { id: ids.IT })).extensions!.code).toBe('FORBIDDEN');
  });

  it('businessCalendar, slaPolicies: readable by every signed-in role', async () => {
    const [calendar] = await t.dataSource.query('SELECT id FROM business_calendars LIMIT 1');
    for (const role of ROLES) {
      const data = await as[role].data(
        'query($id: ID!) { businessCalendar(id: $id) { id } slaPolicies { id } }',
        { id: calendar.id },
      );
      expect(data.businessCalendar.id).toBe(calendar.id);
      expect(Array.isArray(data.slaPolicies)).toBe(true);
    }
  });

  it("updateSlaPolicy: a lead for their own department's policies only, operations any", async () => {
    const ids = await departmentIds(t.dataSource);
    const create = `mutation($s: ID!) { createSlaPolicy(input: { name: "HR P3", supplierId: $s,
      priority: P3, firstResponseMinutes: 60, resolutionMinutes: 480 }) { id version } }`;
    const policy = (await as.OPS.data(create, { s: ids.HR })).createSlaPolicy;
    const update = `mutation($id: ID!) { updateSlaPolicy(input: { id: $id, resolutionMinutes: 600 }) {
      version resolutionMinutes } }`;
    const itLead = await as.LEAD.error(update, { id: policy.id });
    expect(itLead.extensions!.code).toBe('FORBIDDEN');
    const hrLead = await t.login(demoEmail('HR', 'lead'));
    const updated = await hrLead.data(update, { id: policy.id });
    expect(updated.updateSlaPolicy).toEqual({
      version: policy.version + 1,
      resolutionMinutes: 600,
    });
  });

  it('surveyRounds: operations see every round, others only rounds about their department', async () => {
    await t.dataSource.query(
      `INSERT INTO survey_rounds (title, period_from, period_to, opened_at, closes_at,
                                  created_by_id, respondent_key_material)
       SELECT 'Q1 pulse', '2026-01-01', '2026-04-01', now(), now() + interval '7 days', id,
              decode(md5(random()::text) || md5(random()::text), 'hex')
         FROM users WHERE email = $1`,
      [USERS.OPS],
    );
    const titles = async (client: GraphqlClient) =>
      (await client.data('{ surveyRounds { edges { node { title } } } }')).surveyRounds.edges.map(
        (e: { node: { title: string } }) => e.node.title,
      );
    expect(await titles(as.OPS)).toEqual(['Q1 pulse']);
    expect(await titles(as.ADMIN)).toEqual(['Q1 pulse']);
    for (const role of ['MEMBER', 'AGENT', 'LEAD'] as const)
      expect(await titles(as[role])).toEqual([]);
  });
});
