import { Pool } from 'pg';
import { organogramToOrgChartCsv } from '../../test/factories/organogram.factory';
import { generateHistory } from './history';

export const ADMIN = { email: 'bench-admin@example.org', password: 'bench-admin-password' };
const PASSWORD = 'bench-password-123';
const ORGANOGRAM = 'home_office-2012-09-30-senior.csv';
const SUPPLIER_NAMES =
  /finance|human|information|technology|estates|legal|procurement|communication/i;

export interface BenchOrg {
  graphqlUrl: string;
  suppliers: { id: string; code: string; serviceIds: string[]; agentToken: string }[];
  requesters: { token: string; departmentId: string }[];
  opsToken: string;
}

export async function graphql<T = any>(
  url: string,
  token: string | null,
  query: string,
  variables?: Record<string, unknown>,
): Promise<T> {
  const response = await fetch(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: T; errors?: unknown[] };
  if (body.errors?.length) throw new Error(JSON.stringify(body.errors));
  return body.data as T;
}

export const login = async (url: string, email: string, password = PASSWORD) =>
  (
    await graphql(
      url,
      null,
      `
        mutation ($e: String!, $p: String!) {
          login(email: $e, password: $p) {
            accessToken
          }
        }
      `,
      {
        e: email,
        p: password,
      },
    )
  ).login.accessToken as string;

// A real organisation (the Home Office's 2012 organogram, 132 units), eight supplier units with
// an agent and two services each, 32 requesters in other units, operations, a catch-all OLA, and
// `history` requests over the past year (generated in SQL).
export async function seedBenchOrg(
  baseUrl: string,
  pool: Pool,
  history: number,
): Promise<BenchOrg> {
  const url = `${baseUrl}/graphql`;
  const admin = await login(url, ADMIN.email, ADMIN.password);
  const { csv } = organogramToOrgChartCsv(ORGANOGRAM);
  const imported = (
    await graphql(
      url,
      admin,
      `
        mutation ($csv: String!) {
          importOrgChart(csv: $csv) {
            created
            errors {
              line
              message
            }
          }
        }
      `,
      {
        csv,
      },
    )
  ).importOrgChart;
  if (imported.errors.length) throw new Error(JSON.stringify(imported.errors));
  const departments: { id: string; code: string; name: string; parent: { id: string } | null }[] = (
    await graphql(
      url,
      admin,
      `
        {
          departments {
            id
            code
            name
            parent {
              id
            }
          }
        }
      `,
    )
  ).departments;
  const named = departments.filter((d) => SUPPLIER_NAMES.test(d.name));
  const supplierUnits = [...named, ...departments.filter((d) => !named.includes(d))].slice(0, 8);
  const customerUnits = departments.filter((d) => !supplierUnits.includes(d)).slice(0, 32);
  const root = departments.find((d) => d.parent === null)!;
  const createUser = (email: string, departmentCode: string, role: string) =>
    graphql(
      url,
      admin,
      `
        mutation ($i: CreateUserInput!) {
          createUser(input: $i) {
            id
          }
        }
      `,
      {
        i: { email, name: email.split('@')[0], password: PASSWORD, departmentCode, role },
      },
    );
  await createUser('ops@bench.example.org', root.code, 'OPS');
  const opsToken = await login(url, 'ops@bench.example.org');
  await graphql(
    url,
    opsToken,
    `
      mutation {
        createSlaPolicy(
          input: { name: "Everyone", firstResponseMinutes: 240, resolutionMinutes: 2400 }
        ) {
          id
        }
      }
    `,
  );
  const suppliers: BenchOrg['suppliers'] = [];
  for (const unit of supplierUnits) {
    const email = `agent.${unit.code.toLowerCase()}@bench.example.org`;
    await createUser(email, unit.code, 'AGENT');
    const serviceIds: string[] = [];
    for (const name of ['Access', 'Equipment']) {
      serviceIds.push(
        (
          await graphql(
            url,
            admin,
            `
              mutation ($i: CreateServiceInput!) {
                createService(input: $i) {
                  id
                }
              }
            `,
            {
              i: { supplierId: unit.id, name },
            },
          )
        ).createService.id,
      );
    }
    suppliers.push({
      id: unit.id,
      code: unit.code,
      serviceIds,
      agentToken: await login(url, email),
    });
  }
  const requesters: BenchOrg['requesters'] = [];
  for (const unit of customerUnits) {
    const email = `member.${unit.code.toLowerCase()}@bench.example.org`;
    await createUser(email, unit.code, 'MEMBER');
    requesters.push({ token: await login(url, email), departmentId: unit.id });
  }
  if (history > 0) {
    const from = new Date(Date.now() - 365 * 86_400_000).toISOString();
    await generateHistory(pool, {
      count: history,
      supplierCodes: supplierUnits.map((u) => u.code),
      from,
    });
  }
  return { graphqlUrl: url, suppliers, requesters, opsToken };
}

// A signed-in caller: call(query, variables) with its token.
export function asClient(url: string, token: string) {
  return {
    call: (query: string, variables?: Record<string, unknown>) =>
      graphql(url, token, query, variables),
  };
}
