import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';

const ROOT = resolve(__dirname, '../../../..');
const MESSAGES = join(__dirname, 'messages');
const TRANSLATED = ['es', 'it', 'fa', 'el'] as const;

// The English source, extracted from the code as it is now (not from a file that may be stale).
function extractEnglish(): Record<string, string> {
  const out = join(mkdtempSync(join(tmpdir(), 'intradesk-i18n-')), 'en.json');
  execFileSync(
    join(ROOT, 'node_modules/.bin/formatjs'),
    [
      'extract',
      'apps/web/src/**/*.{ts,tsx}',
      '--ignore',
      'apps/web/src/gql/**',
      '--ignore',
      'apps/web/src/**/*.spec.ts',
      '--format',
      'simple',
      '--out-file',
      out,
    ],
    { cwd: ROOT, stdio: 'pipe' },
  );
  return JSON.parse(readFileSync(out, 'utf8'));
}

// The placeholders of a message (arguments, plural/select variables, tags), which every
// translation must keep.
function placeholders(message: string): string[] {
  const names = new Set<string>();
  const walk = (elements: MessageFormatElement[]) => {
    for (const el of elements) {
      if (el.type === TYPE.literal || el.type === TYPE.pound) continue;
      names.add(`${TYPE[el.type]}:${el.value}`);
      if ('options' in el) for (const option of Object.values(el.options)) walk(option.value);
      if (el.type === TYPE.tag) walk(el.children);
    }
  };
  walk(parse(message));
  return [...names].sort();
}

describe('message catalogues', () => {
  const english = extractEnglish();

  it('the committed extraction (what translators work from) is up to date', () => {
    const committed = JSON.parse(
      readFileSync(join(__dirname, 'extracted', 'en.json'), 'utf8'),
    ) as Record<string, string>;
    expect(committed).toEqual(english);
  });

  it.each(TRANSLATED)('%s translates every message, with the same placeholders', (locale) => {
    const catalogue = JSON.parse(readFileSync(join(MESSAGES, `${locale}.json`), 'utf8')) as Record<
      string,
      string
    >;
    const missing = Object.keys(english).filter((id) => !catalogue[id]?.trim());
    const unknown = Object.keys(catalogue).filter((id) => !(id in english));
    const mismatched = Object.keys(english)
      .filter((id) => catalogue[id])
      .filter((id) => placeholders(catalogue[id]).join() !== placeholders(english[id]).join());
    expect({ missing, unknown, mismatched }).toEqual({ missing: [], unknown: [], mismatched: [] });
  });
});
