import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { IntlMessageFormat } from 'intl-messageformat';

export type Locale = 'en' | 'fa';

const MESSAGES_DIR = path.resolve(__dirname, '../../../apps/web/src/i18n/messages');

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

// UI.md's English names, in the reader's language: the tests are written against the English
// contract, and in Persian each name is looked up by message id in fa.json (the app shows the
// English default while a message is untranslated, and so does this).
export class Names {
  private readonly translations: Record<string, string>;
  // English names with no Persian translation yet (the translator's TODO list).
  readonly untranslated = new Set<string>();

  constructor(
    readonly locale: Locale,
    // id → English defaultMessage, extracted from apps/web/src.
    private readonly english: Record<string, string>,
  ) {
    this.translations =
      locale === 'en'
        ? {}
        : JSON.parse(readFileSync(path.join(MESSAGES_DIR, `${locale}.json`), 'utf8'));
  }

  // The ids whose English source is exactly this text.
  idsOf(english: string): string[] {
    return Object.keys(this.english).filter((id) => this.english[id] === english);
  }

  hasTranslation(id: string): boolean {
    return typeof this.translations[id] === 'string' && this.translations[id] !== '';
  }

  // The text the app shows for this English string in this locale.
  text(english: string): string {
    if (this.locale === 'en') return english;
    const ids = this.idsOf(english);
    const translated = ids.filter((id) => this.hasTranslation(id));
    if (translated.length === 0) {
      this.untranslated.add(english);
      return english;
    }
    return this.format(translated[0]);
  }

  // An accessible name matcher: starts with the name (UI.md: "may have more words after it").
  name(english: string): RegExp {
    return new RegExp(`^\\s*${escape(this.text(english))}`);
  }

  // Exactly the name.
  exact(english: string): RegExp {
    return new RegExp(`^\\s*${escape(this.text(english))}\\s*$`);
  }

  // A message by id, formatted as react-intl does (the English default when untranslated).
  format(id: string, values?: Record<string, string | number>): string {
    const source = this.hasTranslation(id) ? this.translations[id] : this.english[id];
    if (source === undefined) throw new Error(`no message ${id} in apps/web/src`);
    if (!this.hasTranslation(id) && this.locale !== 'en') this.untranslated.add(this.english[id]);
    return String(new IntlMessageFormat(source, this.locale).format(values));
  }

  // Printed once per file so the gaps are visible without failing the run.
  todo(): string | null {
    if (this.untranslated.size === 0) return null;
    return `TODO(i18n ${this.locale}): untranslated, checked by their English names: ${[...this.untranslated].map((s) => JSON.stringify(s)).join(', ')}`;
  }
}
