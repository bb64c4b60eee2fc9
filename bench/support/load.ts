import autocannon from 'autocannon';

export interface LoadResult {
  requestsPerSecond: number;
  p50: number;
  p99: number;
  total: number;
  errors: number;
}

export interface HttpLoad {
  url: string;
  connections: number;
  durationSeconds: number;
  headers: Record<string, string>;
  body: string;
  // A fresh request each time (writes differ, callers rotate), else `body` with `headers`.
  request?: () => { headers: Record<string, string>; body: string };
}

// autocannon against the API over HTTP; GraphQL errors (HTTP 200 with "errors") count as errors.
export async function httpLoad(load: HttpLoad): Promise<LoadResult> {
  let graphqlErrors = 0;
  const result = await autocannon({
    url: load.url,
    connections: load.connections,
    duration: load.durationSeconds,
    method: 'POST',
    headers: { 'content-type': 'application/json', ...load.headers },
    requests: [
      {
        method: 'POST',
        setupRequest: (request: autocannon.Request) => {
          if (!load.request) return { ...request, body: load.body };
          const next = load.request();
          return { ...request, headers: { ...request.headers, ...next.headers }, body: next.body };
        },
        onResponse: (_status: number, body: string) => {
          if (body.includes('"errors"')) graphqlErrors++;
        },
      },
    ],
  });
  return {
    requestsPerSecond: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    total: result.requests.total,
    errors: result.errors + result.non2xx + graphqlErrors,
  };
}

// The same shape of measurement for work that is not HTTP (the SQL baselines): `concurrency`
// loops running `work` back to back for the duration.
export async function concurrentLoad(
  concurrency: number,
  durationSeconds: number,
  work: (worker: number) => Promise<unknown>,
): Promise<LoadResult> {
  const latencies: number[] = [];
  let errors = 0;
  const end = Date.now() + durationSeconds * 1000;
  await Promise.all(
    Array.from({ length: concurrency }, async (_, worker) => {
      while (Date.now() < end) {
        const start = process.hrtime.bigint();
        try {
          await work(worker);
        } catch {
          errors++;
        }
        latencies.push(Number(process.hrtime.bigint() - start) / 1e6);
      }
    }),
  );
  latencies.sort((a, b) => a - b);
  const at = (p: number) =>
    latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))] ?? 0;
  return {
    requestsPerSecond: latencies.length / durationSeconds,
    p50: at(0.5),
    p99: at(0.99),
    total: latencies.length,
    errors,
  };
}
