// npm run bench:upload — the whole UCI incident log (about 10 MB of NDJSON) uploaded to
// POST /imports/requests of an API started as a child process (from source) on a fresh database,
// with the API's resident memory (VmRSS) sampled during the upload: its growth must stay under
// 3x the file's size. DATABASE_URL names the server (a database is created on it); without it,
// an embedded server in a temporary folder. Writes bench/results/<date>-<commit>-upload.md.
import 'reflect-metadata';
import { ChildProcess, execSync, spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as http from 'node:http';
import * as os from 'node:os';
import * as path from 'node:path';
import { Client } from 'pg';
import {
  createTemplateDatabase,
  dropDatabase,
  startEmbeddedPostgres,
  uniqueDatabaseName,
} from '@intradesk/db';
import { readUciLog } from '../scripts/uci/uci-log';
import { freePort } from '../test/utils/free-port';

const BUDGET = 3;
const SAMPLE_MS = 20;
const ADMIN = { email: 'bench@example.org', password: 'bench-password-1234' };

function rssBytes(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = /VmRSS:\s+(\d+) kB/.exec(status);
  if (!kb) throw new Error(`no VmRSS for ${pid}`);
  return Number(kb[1]) * 1024;
}

const mib = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);

// The API child, killed if the benchmark itself fails.
let child: ChildProcess | undefined;
process.on('exit', () => child?.kill('SIGKILL'));

async function startApi(databaseUrl: string, port: number): Promise<ChildProcess> {
  child = spawn(
    process.execPath,
    [
      // Flags for the API alone (e.g. API_NODE_FLAGS=--trace-gc), not for this script.
      ...(process.env.API_NODE_FLAGS ?? '').split(' ').filter(Boolean),
      '-r',
      '@swc-node/register',
      path.join(__dirname, '../apps/api/src/main.ts'),
    ],
    {
      cwd: path.join(__dirname, '..'),
      env: {
        ...process.env,
        NODE_ENV: 'production',
        NODE_OPTIONS: '',
        PORT: String(port),
        HOST: '127.0.0.1',
        DATABASE_URL: databaseUrl,
        JWT_SECRET: 'bench-upload-secret-0123456789abcdef',
        SURVEY_SECRET: 'bench-upload-survey-secret-0123456789abcdef',
        ADMIN_EMAIL: ADMIN.email,
        ADMIN_PASSWORD: ADMIN.password,
        SEED_DEMO: 'false',
        LOG_LEVEL: 'warn',
        RATE_LIMIT_PER_USER: '0',
        RATE_LIMIT_PER_ADDRESS: '0',
      },
      stdio: ['ignore', 'inherit', 'inherit'],
    },
  );
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the API exited with ${child.exitCode}`);
    if (Date.now() > deadline) throw new Error('the API did not start in 120 s');
    const up = await fetch(`http://127.0.0.1:${port}/ready`)
      .then((r) => r.ok)
      .catch(() => false);
    if (up) return child;
    await new Promise((r) => setTimeout(r, 250));
  }
}

async function graphql(port: number, query: string, variables: unknown, token?: string) {
  const response = await fetch(`http://127.0.0.1:${port}/graphql`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: any; errors?: unknown[] };
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  return body.data;
}

// The file streamed from disk as the request body; the answer's NDJSON lines as they come.
function upload(
  port: number,
  route: string,
  file: string,
  type: string,
  token: string,
  onMessage: (m: Record<string, any>) => void = () => undefined,
): Promise<Record<string, any>> {
  return new Promise((resolve, reject) => {
    const request = http.request(`http://127.0.0.1:${port}${route}`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${token}`,
        'content-type': type,
        'content-length': String(fs.statSync(file).size),
      },
    });
    request.on('error', reject);
    request.on('response', (response) => {
      if (response.statusCode !== 200) {
        let text = '';
        response.on('data', (c) => (text += c));
        response.on('end', () => reject(new Error(`${response.statusCode}: ${text}`)));
        return;
      }
      let rest = '';
      let last: Record<string, any> = {};
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => {
        const lines = (rest + chunk).split('\n');
        rest = lines.pop()!;
        for (const line of lines.filter(Boolean)) onMessage((last = JSON.parse(line)));
      });
      response.on('end', () => resolve(last));
    });
    fs.createReadStream(file).pipe(request);
  });
}

async function main(): Promise<void> {
  let adminUrl = process.env.DATABASE_URL;
  let stopDb: () => Promise<unknown> = async () => undefined;
  const tmp = await fs.promises.mkdtemp(path.join(os.tmpdir(), 'intradesk-bench-upload-'));
  if (!adminUrl) {
    const embedded = await startEmbeddedPostgres({
      dataDir: path.join(tmp, 'pg'),
      database: 'bench',
    });
    adminUrl = embedded.adminUrl;
    stopDb = () => embedded.stop();
  }
  const name = uniqueDatabaseName('intradesk_bench_upload');
  const url = await createTemplateDatabase(adminUrl, name);
  let api: ChildProcess | undefined;
  try {
    let t = Date.now();
    const data = readUciLog();
    const ndjsonFile = path.join(tmp, 'uci.ndjson');
    const csvFile = path.join(tmp, 'uci-org-chart.csv');
    fs.writeFileSync(ndjsonFile, `${data.ndjson.join('\n')}\n`);
    fs.writeFileSync(csvFile, data.orgChartCsv);
    const fileBytes = fs.statSync(ndjsonFile).size;
    console.log(
      `UCI log as NDJSON: ${data.ndjson.length} incidents, ${fileBytes} bytes (${mib(fileBytes)} MiB), ${data.requesters.length} callers (converted in ${((Date.now() - t) / 1000).toFixed(1)} s)`,
    );

    const port = await freePort();
    api = await startApi(url, port);
    const pid = api.pid!;
    const token = (
      await graphql(
        port,
        'mutation($e: String!, $p: String!) { login(email: $e, password: $p) { accessToken } }',
        { e: ADMIN.email, p: ADMIN.password },
      )
    ).login.accessToken as string;
    // The organisation through the other upload, the callers straight into the database.
    const org = await upload(port, '/imports/org-chart', csvFile, 'text/csv', token);
    if (!org.ok) throw new Error(`org chart refused: ${JSON.stringify(org.errors?.slice(0, 3))}`);
    const db = new Client({ connectionString: url });
    await db.connect();
    try {
      const departments = new Map<string, string>(
        (await db.query('SELECT code, id FROM departments')).rows.map((d) => [d.code, d.id]),
      );
      for (let i = 0; i < data.requesters.length; i += 1000) {
        const slice = data.requesters.slice(i, i + 1000);
        await db.query(
          `INSERT INTO users (email, name, department_id, role)
           SELECT * FROM unnest($1::text[], $2::text[], $3::uuid[], $4::user_role[])
           ON CONFLICT DO NOTHING`,
          [
            slice.map((r) => r.email),
            slice.map((r) => r.name),
            slice.map((r) => departments.get(r.departmentCode)),
            slice.map(() => 'MEMBER'),
          ],
        );
      }
    } finally {
      await db.end();
    }

    // Baseline: the settled API after its first requests.
    await new Promise((r) => setTimeout(r, 2000));
    const baseline = rssBytes(pid);
    let peak = baseline;
    let samples = 0;
    const sampler = setInterval(() => {
      peak = Math.max(peak, rssBytes(pid));
      samples++;
    }, SAMPLE_MS);
    t = Date.now();
    let progressLines = 0;
    let result: Record<string, any>;
    try {
      result = await upload(
        port,
        '/imports/requests',
        ndjsonFile,
        'application/x-ndjson',
        token,
        (m) => {
          if (m.type === 'progress') progressLines++;
        },
      );
    } finally {
      clearInterval(sampler);
    }
    const seconds = (Date.now() - t) / 1000;
    peak = Math.max(peak, rssBytes(pid));
    if (!result.ok) throw new Error(`refused: ${JSON.stringify(result).slice(0, 500)}`);
    const growth = peak - baseline;
    const ratio = growth / fileBytes;
    const verdict = ratio < BUDGET ? 'within' : 'OVER';
    const rows: [string, string][] = [
      ['file', `${fileBytes} bytes (${mib(fileBytes)} MiB), ${data.ndjson.length} lines`],
      ['imported', `${result.imported} requests`],
      ['progress lines received', String(progressLines)],
      ['baseline RSS', `${mib(baseline)} MiB`],
      [
        'peak RSS during the upload',
        `${mib(peak)} MiB (${samples} samples, every ${SAMPLE_MS} ms)`,
      ],
      ['growth', `${mib(growth)} MiB`],
      ['growth / file size', `${ratio.toFixed(2)}x (budget ${BUDGET}x: ${verdict})`],
      ['time', `${seconds.toFixed(1)} s (${Math.round(result.imported / seconds)} requests/s)`],
    ];
    for (const [k, v] of rows) console.log(`${k.padEnd(28)} ${v}`);

    const commit = execSync('git rev-parse --short HEAD').toString().trim();
    const date = new Date().toISOString().slice(0, 10);
    const out = path.join(__dirname, 'results', `${date}-${commit}-upload.md`);
    fs.writeFileSync(
      out,
      [
        `# Upload benchmark ${date} (commit ${commit})`,
        '',
        `${os.cpus().length} × ${os.cpus()[0]?.model.trim()}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}, PostgreSQL ${process.env.DATABASE_URL ? 'server' : 'embedded'}; load average ${os.loadavg()[0].toFixed(1)}.`,
        '',
        '`npm run bench:upload`: the whole UCI incident log converted to NDJSON, uploaded to `POST /imports/requests` of the API (a child process from source, fresh database); its VmRSS sampled during the upload.',
        '',
        '| figure | value |',
        '| ------ | ----- |',
        ...rows.map(([k, v]) => `| ${k} | ${v} |`),
        '',
      ].join('\n'),
    );
    console.log(`wrote ${path.relative(process.cwd(), out)}`);
    if (ratio >= BUDGET) process.exitCode = 1;
  } finally {
    if (api && api.exitCode === null) {
      const exited = new Promise((r) => api!.once('exit', r));
      api.kill('SIGTERM');
      await exited;
    }
    await dropDatabase(adminUrl, name);
    await stopDb();
    await fs.promises.rm(tmp, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
