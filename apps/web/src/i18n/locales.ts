// The five languages of the app, each named by its endonym in the Language picker.
export const LOCALES = [
  { code: 'en', name: 'English', dir: 'ltr' },
  { code: 'es', name: 'Español', dir: 'ltr' },
  { code: 'it', name: 'Italiano', dir: 'ltr' },
  { code: 'fa', name: 'فارسی', dir: 'rtl' },
  { code: 'el', name: 'Ελληνικά', dir: 'ltr' },
] as const;

export type LocaleCode = (typeof LOCALES)[number]['code'];

const STORAGE_KEY = 'intradesk.locale';

export function isLocale(value: unknown): value is LocaleCode {
  return LOCALES.some((l) => l.code === value);
}

export function directionOf(locale: LocaleCode): 'ltr' | 'rtl' {
  return LOCALES.find((l) => l.code === locale)?.dir ?? 'ltr';
}

// The saved choice, else the browser's first language we speak, else English.
export function initialLocale(): LocaleCode {
  const saved = localStorage.getItem(STORAGE_KEY);
  if (isLocale(saved)) return saved;
  for (const tag of navigator.languages ?? []) {
    const base = tag.toLowerCase().split('-')[0];
    if (isLocale(base)) return base;
  }
  return 'en';
}

export function saveLocale(locale: LocaleCode): void {
  localStorage.setItem(STORAGE_KEY, locale);
}
