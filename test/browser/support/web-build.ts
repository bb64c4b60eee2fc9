import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '../../..');
const DIST_WEB = path.join(ROOT, 'dist/web');
// The same stamps as scripts/build-if-changed.mjs (its "web" part), so `npm start` and the
// browser tests each see the other's build as up to date.
const STAMPS = path.join(ROOT, 'dist/.build-stamps.json');
const INPUTS = ['apps/web', 'package-lock.json', 'tsconfig.json'];

export interface WebBuild {
  // A copy of dist/web for this run: another build of dist/web mid-run cannot pull the assets
  // out from under an open page.
  dir: string;
  // The English source of every message: id → defaultMessage.
  english: Record<string, string>;
}

function* files(p: string): Generator<[string, fs.Stats]> {
  if (!fs.existsSync(p)) return;
  const stat = fs.statSync(p);
  if (!stat.isDirectory()) return yield [p, stat];
  for (const name of fs.readdirSync(p).sort()) {
    if (name === 'node_modules' || name.endsWith('.spec.ts')) continue;
    yield* files(path.join(p, name));
  }
}

// The fingerprint of the inputs, and their newest modification time.
function fingerprint(): { print: string; newest: number } {
  const hash = createHash('sha1');
  let newest = 0;
  for (const input of INPUTS)
    for (const [p, stat] of files(path.join(ROOT, input))) {
      hash.update(`${path.relative(ROOT, p)}\0${stat.size}\0${stat.mtimeMs}\n`);
      newest = Math.max(newest, stat.mtimeMs);
    }
  return { print: hash.digest('hex'), newest };
}

const readStamps = (): Record<string, string> =>
  fs.existsSync(STAMPS) ? JSON.parse(fs.readFileSync(STAMPS, 'utf8')) : {};

// Every script and stylesheet index.html names is there (a build in progress has emptied it).
function complete(dir: string): boolean {
  const index = path.join(dir, 'index.html');
  if (!fs.existsSync(index)) return false;
  const html = fs.readFileSync(index, 'utf8');
  const assets = [...html.matchAll(/(?:src|href)="\/(assets\/[^"]+)"/g)].map((m) => m[1]);
  return assets.length > 0 && assets.every((a) => fs.existsSync(path.join(dir, a)));
}

const sleep = (ms: number) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

// One build at a time across Jest's workers (mkdir is atomic).
function withLock<T>(work: () => T): T {
  const lock = path.join(tmpdir(), 'intradesk-browser-web-build.lock');
  const deadline = Date.now() + 5 * 60_000;
  for (;;) {
    try {
      fs.mkdirSync(lock);
      break;
    } catch {
      const age = Date.now() - (fs.statSync(lock, { throwIfNoEntry: false })?.mtimeMs ?? 0);
      if (age > 5 * 60_000) fs.rmSync(lock, { recursive: true, force: true });
      if (Date.now() > deadline) throw new Error(`the web build lock ${lock} is held`);
      sleep(250);
    }
  }
  try {
    return work();
  } finally {
    fs.rmSync(lock, { recursive: true, force: true });
  }
}

function build(): void {
  execFileSync(
    path.join(ROOT, 'node_modules/.bin/vite'),
    ['build', '--config', 'apps/web/vite.config.mts', '--logLevel', 'warn'],
    { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] },
  );
}

function extractEnglish(): Record<string, string> {
  const out = execFileSync(
    path.join(ROOT, 'node_modules/.bin/formatjs'),
    ['extract', 'apps/web/src/**/*.{ts,tsx}', '--ignore', 'apps/web/src/gql/**'],
    { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 * 2 ** 20 },
  );
  const parsed = JSON.parse(out) as Record<string, { defaultMessage: string }>;
  return Object.fromEntries(Object.entries(parsed).map(([id, m]) => [id, m.defaultMessage]));
}

// Snapshots of runs whose Jest process has gone.
function removeOldSnapshots(): void {
  for (const name of fs.readdirSync(tmpdir())) {
    const pid = /^intradesk-browser-web-.*_(\d+)$/.exec(name)?.[1];
    if (!pid) continue;
    try {
      process.kill(Number(pid), 0);
    } catch {
      fs.rmSync(path.join(tmpdir(), name), { recursive: true, force: true });
    }
  }
}

// dist/web built when apps/web changed since the last build (seconds when nothing did), then
// copied once for this Jest run, with the English messages beside it.
export function ensureWebBuild(): WebBuild {
  const run = process.env.INTRADESK_TEST_PREFIX ?? `intradesk_${process.pid}`;
  const snapshot = path.join(tmpdir(), `intradesk-browser-web-${run}`);
  const messages = path.join(snapshot, 'english-messages.json');
  return withLock(() => {
    if (!fs.existsSync(messages)) {
      removeOldSnapshots();
      const { print, newest } = fingerprint();
      // Up to date by the stamp, or built after every input last changed (`npm run build`
      // leaves no stamp).
      const builtAt = fs.statSync(path.join(DIST_WEB, 'index.html'), { throwIfNoEntry: false });
      const fresh = readStamps().web === print || (builtAt?.mtimeMs ?? 0) > newest;
      if (!fresh || !complete(DIST_WEB)) {
        build();
        if (!complete(DIST_WEB)) throw new Error('dist/web is incomplete after the build');
        fs.writeFileSync(STAMPS, JSON.stringify({ ...readStamps(), web: print }, null, 2));
      }
      const copy = () => {
        fs.rmSync(path.join(snapshot, 'web'), { recursive: true, force: true });
        fs.cpSync(DIST_WEB, path.join(snapshot, 'web'), {
          recursive: true,
          filter: (src) => !src.endsWith('.map'),
        });
      };
      copy();
      // Someone else's build emptied dist/web while it was copied: build it again, for us.
      if (!complete(path.join(snapshot, 'web'))) {
        build();
        copy();
      }
      fs.writeFileSync(messages, JSON.stringify(extractEnglish()));
    }
    return {
      dir: path.join(snapshot, 'web'),
      english: JSON.parse(fs.readFileSync(messages, 'utf8')),
    };
  });
}
