import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '../..');
const MAIN = path.join(ROOT, 'dist/apps/api/apps/api/src/main.js');

export interface ApiProcess {
  baseUrl: string;
  pid: number;
  // Peak resident memory of the process so far (VmHWM), in MiB.
  peakRssMb(): number;
  rssMb(): number;
  stop(): Promise<void>;
}

// The API compiled as in production (nest build), once per run.
export function buildApi(): void {
  execFileSync('npx', ['nest', 'build', 'api'], { cwd: ROOT, stdio: 'inherit' });
}

function statusKb(pid: number, field: string): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const match = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status);
  return match ? Number(match[1]) : 0;
}

// The API as a separate production-mode process on `port`, ready when /ready answers.
export async function startApiProcess(options: {
  databaseUrl: string;
  port: number;
  env?: Record<string, string>;
}): Promise<ApiProcess> {
  if (!fs.existsSync(MAIN)) buildApi();
  // BENCH_PROFILE=dir writes a CPU profile of the API there when it stops.
  const profile = process.env.BENCH_PROFILE
    ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_PROFILE}`]
    : [];
  const child: ChildProcess = spawn(process.execPath, [...profile, MAIN], {
    cwd: ROOT,
    env: {
      ...process.env,
      NODE_ENV: 'production',
      DATABASE_URL: options.databaseUrl,
      PORT: String(options.port),
      HOST: '127.0.0.1',
      JWT_SECRET: 'bench-secret-bench-secret-bench-secret-0123',
      SURVEY_SECRET: 'bench-survey-secret-0123456789-abcdefghijkl',
      LOG_LEVEL: 'warn',
      RUN_WORKER_IN_API: 'false',
      AUTO_CLOSE_INTERVAL_SECONDS: '0',
      SEED_DEMO: 'false',
      // The load generator is one address and a few users: limits high enough never to refuse,
      // so their cost is still measured.
      RATE_LIMIT_PER_USER: '1000000000',
      RATE_LIMIT_PER_ADDRESS: '1000000000',
      ...options.env,
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const baseUrl = `http://127.0.0.1:${options.port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the API exited with ${child.exitCode}`);
    const ready = await fetch(`${baseUrl}/ready`).then(
      (r) => r.ok,
      () => false,
    );
    if (ready) break;
    if (Date.now() > deadline) throw new Error('the API did not become ready in 60 s');
    await new Promise((r) => setTimeout(r, 250));
  }
  const pid = child.pid!;
  return {
    baseUrl,
    pid,
    peakRssMb: () => statusKb(pid, 'VmHWM') / 1024,
    rssMb: () => statusKb(pid, 'VmRSS') / 1024,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
