import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import * as fs from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import { DEMO_EMAIL_DOMAIN, DEMO_PASSWORD } from '@intradesk/organization';
import { freePort } from '../utils/free-port';
import { GraphqlClient } from '../utils/graphql-client';

const ROOT = path.resolve(__dirname, '../..');

// The newcomer's path: the API process with no DATABASE_URL starts its own PostgreSQL.
describe('npm start with the embedded PostgreSQL', () => {
  let dataDir: string;
  let port: number;

  beforeAll(async () => {
    dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'intradesk-start-'));
    port = await freePort();
  });
  afterAll(() => fs.rm(dataDir, { recursive: true, force: true }));

  function startApi(): Promise<{ child: ChildProcess; output: () => string }> {
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      DATA_DIR: dataDir,
      PORT: String(port),
      LOG_LEVEL: 'warn',
    };
    delete env.DATABASE_URL;
    delete env.JWT_SECRET;
    const child = spawn(process.execPath, ['-r', '@swc-node/register', 'apps/api/src/main.ts'], {
      cwd: ROOT,
      env,
    });
    let output = '';
    child.stdout!.on('data', (chunk) => (output += chunk));
    child.stderr!.on('data', (chunk) => (output += chunk));
    return new Promise((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`API did not start within 45 s:\n${output}`)),
        45_000,
      );
      child.stdout!.on('data', () => {
        if (output.includes('Intradesk API ready')) {
          clearTimeout(timer);
          resolve({ child, output: () => output });
        }
      });
      child.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`API exited with ${code}:\n${output}`));
      });
    });
  }

  const stopped = (child: ChildProcess, signal: NodeJS.Signals) =>
    new Promise<number | null>((resolve) => {
      child.once('exit', (code) => resolve(code));
      child.kill(signal);
    });

  // PostgreSQL processes serving this test's data folder.
  const postgresOfThisTest = () => {
    const lines = execFileSync('ps', ['-eo', 'pid,args'], { encoding: 'utf8' }).split('\n');
    return lines.filter((line) => line.includes('postgres') && line.includes(dataDir));
  };

  const graphql = () => new GraphqlClient(`http://127.0.0.1:${port}/graphql`);
  const login = async () => {
    const data = await graphql().data<{ login: { accessToken: string } }>(
      `mutation { login(email: "admin@${DEMO_EMAIL_DOMAIN}", password: "${DEMO_PASSWORD}") { accessToken } }`,
    );
    return graphql().as(data.login.accessToken);
  };

  it('seeds the demo, stops PostgreSQL on SIGTERM, and keeps the data across restarts', async () => {
    const first = await startApi();
    expect(first.output()).toContain(`admin@${DEMO_EMAIL_DOMAIN}`);
    const admin = await login();
    expect((await admin.data('{ departments { code } }')).departments).toHaveLength(13);
    await admin.data(
      'mutation { createDepartment(input: { code: "KEPT", name: "Kept across restarts" }) { id } }',
    );
    expect(postgresOfThisTest().length).toBeGreaterThan(0);

    // With the output, so a failed shutdown says why.
    const code = await stopped(first.child, 'SIGTERM');
    expect({ code, output: code === 0 ? '' : first.output() }).toEqual({ code: 0, output: '' });
    expect(postgresOfThisTest()).toEqual([]);

    const second = await startApi();
    expect(second.output()).toContain(`admin@${DEMO_EMAIL_DOMAIN}`);
    const again = await login();
    expect((await again.data('{ department(code: "kept") { name } }')).department.name).toBe(
      'Kept across restarts',
    );
    expect((await again.data('{ departments { code } }')).departments).toHaveLength(14);

    // A crash (SIGKILL) leaves an orphaned server and a stale postmaster.pid behind.
    await stopped(second.child, 'SIGKILL');
    const third = await startApi();
    expect(
      (await (await login()).data('{ department(code: "KEPT") { code } }')).department.code,
    ).toBe('KEPT');
    expect(await stopped(third.child, 'SIGINT')).toBe(0);
    expect(postgresOfThisTest()).toEqual([]);
  }, 180_000);
});
