import { existsSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Browser, chromium } from 'playwright-core';

const DEBIAN_CHROMIUM = '/usr/bin/chromium';

// Quiet, sandbox-free Chromium for containers and CI (no GPU, no background downloads).
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

// CHROMIUM_PATH, else Debian's Chromium, else a browser playwright-core downloaded earlier;
// null when none is on this machine (playwright-core itself never downloads one here).
export function findChromium(): string | null {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) return existsSync(fromEnv) ? fromEnv : null;
  if (existsSync(DEBIAN_CHROMIUM)) return DEBIAN_CHROMIUM;
  try {
    const registry = chromium.executablePath();
    if (registry && existsSync(registry)) return registry;
  } catch {
    // No registry browser for this platform.
  }
  return null;
}

export const CHROMIUM = findChromium();

export function launchChromium(executablePath = CHROMIUM): Promise<Browser> {
  if (!executablePath) throw new Error('no Chromium on this machine');
  return chromium.launch({ executablePath, args: CHROMIUM_ARGS, headless: true });
}

// One loud line per run (not per file) when the browser tests cannot run.
function sayWhySkipped(): void {
  const run = process.env.INTRADESK_TEST_PREFIX ?? String(process.ppid);
  try {
    writeFileSync(join(tmpdir(), `${run}-browser-skipped`), '', { flag: 'wx' });
  } catch {
    return;
  }
  const why = process.env.CHROMIUM_PATH
    ? `CHROMIUM_PATH=${process.env.CHROMIUM_PATH} does not exist`
    : `no Chromium found (${DEBIAN_CHROMIUM}, CHROMIUM_PATH, playwright-core's registry)`;
  process.stderr.write(
    `\n!!! BROWSER TESTS SKIPPED: ${why}; install one with \`apt-get install -y chromium\` or set CHROMIUM_PATH=/path/to/chrome\n\n`,
  );
}

// describe() when a Chromium is there, else describe.skip() and the loud line.
export function describeInBrowser(name: string, body: () => void): void {
  if (CHROMIUM) describe(name, body);
  else {
    sayWhySkipped();
    describe.skip(name, body);
  }
}
