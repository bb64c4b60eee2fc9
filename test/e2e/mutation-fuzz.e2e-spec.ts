import { GraphQLSchemaHost } from '@nestjs/graphql';
import { DEMO_EMAIL_DOMAIN } from '@intradesk/organization';
import { DemoRequestsSeeder } from '@intradesk/requests';
import fc from 'fast-check';
import { GraphQLSchema } from 'graphql';
import { arbitraryFor, IdPool, plausibleFor } from '../utils/fuzz-arbitraries';
import { GraphqlClient } from '../utils/graphql-client';
import { operationFor, rootFields } from '../utils/schema-operations';
import { startTestApp, TestApp } from '../utils/test-app';

// Every mutation of the schema, called with schema-aware random and hostile arguments by an
// administrator (so the guards let the calls through to validation, services and SQL): a refusal
// is always a typed 4xx code, never INTERNAL_SERVER_ERROR, and a refused call changes nothing.
const RUNS_PER_MUTATION = Number(process.env.FUZZ_RUNS ?? 40);

const REFUSALS = new Set([
  'BAD_USER_INPUT',
  'NOT_FOUND',
  'CONFLICT',
  'FORBIDDEN',
  'UNAUTHENTICATED',
  'TOO_MANY_REQUESTS',
  'GRAPHQL_VALIDATION_FAILED',
  'GRAPHQL_PARSE_FAILED',
  'BAD_REQUEST',
  'QUERY_TOO_COMPLEX',
  'PAYLOAD_TOO_LARGE',
]);

// Sign-in attempts change on a refused login by design (that is the backoff); the rest must not.
// rate_limit_counters counts every call, answered or refused: that is its job.
const TABLES_EXCLUDED = new Set(['migrations', 'sign_in_attempts', 'rate_limit_counters']);

// Mutations that would end the fuzzer's own session when they succeed.
const SKIPPED = new Set(['signOutEverywhere', 'changePassword']);

describe('mutation fuzzing', () => {
  let t: TestApp;
  let admin: GraphqlClient;
  let schema: GraphQLSchema;
  let ids: IdPool;
  let tables: string[];

  // One hash per table over every row, so any change anywhere shows.
  async function fingerprint(): Promise<string> {
    const parts = tables.map(
      (table) =>
        `(SELECT coalesce(md5(string_agg(md5(t::text), '' ORDER BY md5(t::text))), '') FROM "${table}" t)`,
    );
    const [row] = await t.dataSource.query(`SELECT ${parts.join(' || ')} AS hash`);
    return row.hash as string;
  }

  beforeAll(async () => {
    // The demo's catalogue, service levels and stories without its months of history: every
    // call fingerprints the whole database twice.
    t = await startTestApp();
    await t.app.get(DemoRequestsSeeder).seedIfEmpty({ history: false });
    admin = await t.login(`admin@${DEMO_EMAIL_DOMAIN}`);
    schema = t.app.get(GraphQLSchemaHost).schema;
    tables = (
      await t.dataSource.query(
        "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename",
      )
    )
      .map((r: { tablename: string }) => r.tablename)
      .filter((name: string) => !TABLES_EXCLUDED.has(name));
    const [me] = await t.dataSource.query('SELECT id FROM users WHERE email = $1', [
      `admin@${DEMO_EMAIL_DOMAIN}`,
    ]);
    ids = (
      await t.dataSource.query(
        `SELECT id::text FROM departments UNION ALL SELECT id::text FROM users WHERE id <> $1
         UNION ALL (SELECT id::text FROM requests LIMIT 20) UNION ALL SELECT id::text FROM services
         UNION ALL SELECT id::text FROM business_calendars UNION ALL SELECT id::text FROM sla_policies`,
        [me.id],
      )
    ).map((r: { id: string }) => r.id);
  });
  afterAll(() => t.close());

  it('covers every mutation of the schema', () => {
    expect(rootFields(schema, 'Mutation').length).toBeGreaterThan(30);
  });

  // FUZZ_ONLY=addComment,login: just these (to check new mutations quickly).
  const only = process.env.FUZZ_ONLY?.split(',');
  const mutationNames = (): string[] =>
    rootFields(schema, 'Mutation')
      .map((f) => f.name)
      .filter((name) => !SKIPPED.has(name) && (!only || only.includes(name)));

  it('answers every hostile call with a typed 4xx, and refused calls change nothing', async () => {
    const problems: string[] = [];
    let refused = 0;
    let accepted = 0;
    const tally: Record<string, Record<string, number>> = {};
    for (const name of mutationNames()) {
      const counts: Record<string, number> = (tally[name] = {});
      const field = rootFields(schema, 'Mutation').find((f) => f.name === name)!;
      // Three kinds of call: hostile everywhere; plausible everywhere (reaching services and
      // SQL); plausible but for the odd hostile argument.
      const wild = (arg: (typeof field.args)[number]) => arbitraryFor(arg.type, arg.name, ids);
      const plausible = (arg: (typeof field.args)[number]) => plausibleFor(arg.type, arg.name, ids);
      const record = (pick: (arg: (typeof field.args)[number]) => fc.Arbitrary<unknown>) =>
        fc.record(Object.fromEntries(field.args.map((arg) => [arg.name, pick(arg)])));
      const argument = fc.oneof(
        record(wild),
        record(plausible),
        record((arg) =>
          fc.oneof({ weight: 3, arbitrary: plausible(arg) }, { weight: 1, arbitrary: wild(arg) }),
        ),
      );
      await fc.assert(
        fc.asyncProperty(argument, async (values) => {
          const { query, variables } = operationFor('Mutation', field, (arg) => values[arg.name]);
          const before = await fingerprint();
          const result = await admin.request(query, variables);
          const codes = (result.errors ?? []).map((e) => String(e.extensions?.code));
          const outcome = codes[0] ?? 'OK';
          counts[outcome] = (counts[outcome] ?? 0) + 1;
          if (codes.length === 0) {
            accepted++;
            return;
          }
          refused++;
          const bad = codes.filter((code) => !REFUSALS.has(code));
          if (bad.length > 0 || result.status >= 500) {
            problems.push(
              `${name} ${JSON.stringify(variables).slice(0, 300)} -> ${result.status} ${JSON.stringify(result.errors).slice(0, 300)}`,
            );
            return;
          }
          if ((await fingerprint()) !== before) {
            problems.push(`${name} refused (${codes.join(', ')}) but changed the database`);
          }
        }),
        { numRuns: RUNS_PER_MUTATION },
      );
    }
    // FUZZ_REPORT=1: what each mutation answered, to see which paths the inputs reach.
    if (process.env.FUZZ_REPORT) console.table(tally);
    expect(problems).toEqual([]);
    // The fuzzer reached both sides: most calls are refused, some valid ones get through.
    expect(refused).toBeGreaterThan(accepted);
    expect(accepted).toBeGreaterThan(0);
    // Each call fingerprints every table twice: minutes on a busy machine with the demo desk.
  }, 900_000);

  it('refuses bodies that are not valid UTF-8 JSON with a code', async () => {
    const before = await fingerprint();
    const body = Buffer.concat([
      Buffer.from('{"query":"mutation { createDepartment(input: { code: \\"'),
      Buffer.from([0xff, 0xfe, 0xc3, 0x28]),
      Buffer.from('\\", name: \\"x\\" }) { id } }"}'),
    ]);
    const response = await fetch(t.graphql.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${admin.token}` },
      body,
    });
    const json = (await response.json()) as { errors?: { extensions?: { code?: string } }[] };
    expect(response.status).toBeLessThan(500);
    expect(REFUSALS.has(String(json.errors?.[0]?.extensions?.code))).toBe(true);
    expect(await fingerprint()).toBe(before);
  });
});
