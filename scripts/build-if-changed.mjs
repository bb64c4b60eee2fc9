// npm start: build the API and the web app only when their sources changed since the last build,
// so a restart with nothing changed starts in seconds. Each part's inputs are fingerprinted
// (path, size and modification time of every file) into dist/.build-stamps.json.
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';

const STAMPS = 'dist/.build-stamps.json';
const SHARED = ['package-lock.json', 'tsconfig.json'];
const PARTS = {
  api: {
    inputs: ['apps/api', 'libs', 'nest-cli.json', ...SHARED],
    output: 'dist/apps/api/apps/api/src/main.js',
    command: ['npx', ['nest', 'build', 'api']],
  },
  web: {
    inputs: ['apps/web', ...SHARED],
    output: 'dist/web/index.html',
    command: [
      'npx',
      ['vite', 'build', '--config', 'apps/web/vite.config.mts', '--logLevel', 'warn'],
    ],
  },
};

function* files(path) {
  if (!existsSync(path)) return;
  const stat = statSync(path);
  if (!stat.isDirectory()) return yield [path, stat];
  for (const name of readdirSync(path).sort()) {
    if (name === 'node_modules' || name.endsWith('.spec.ts')) continue;
    yield* files(join(path, name));
  }
}

function fingerprint(inputs) {
  const hash = createHash('sha1');
  for (const input of inputs)
    for (const [path, stat] of files(input))
      hash.update(`${path}\0${stat.size}\0${stat.mtimeMs}\n`);
  return hash.digest('hex');
}

const stamps = existsSync(STAMPS) ? JSON.parse(readFileSync(STAMPS, 'utf8')) : {};
// Nest's build empties dist/ (deleteOutDir) of its own output only; the web build writes dist/web.
for (const [name, part] of Object.entries(PARTS)) {
  const print = fingerprint(part.inputs);
  if (stamps[name] === print && existsSync(part.output)) {
    console.log(`${name}: up to date`);
    continue;
  }
  console.log(`${name}: building…`);
  const [cmd, args] = part.command;
  execFileSync(cmd, args, { stdio: 'inherit' });
  stamps[name] = print;
  mkdirSync('dist', { recursive: true });
  writeFileSync(STAMPS, JSON.stringify(stamps, null, 2));
}
