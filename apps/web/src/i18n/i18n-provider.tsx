import { createContext, ReactNode, useContext, useEffect, useState } from 'react';
import { IntlProvider } from 'react-intl';
import { directionOf, initialLocale, LocaleCode, saveLocale } from './locales';

type Messages = Record<string, string>;

// English is the source (the defaultMessage of each message); other catalogues load on demand,
// so the sign-in page downloads only the language it shows.
const CATALOGUES: Record<Exclude<LocaleCode, 'en'>, () => Promise<{ default: Messages }>> = {
  es: () => import('./messages/es.json'),
  it: () => import('./messages/it.json'),
  fa: () => import('./messages/fa.json'),
  el: () => import('./messages/el.json'),
};

interface LocaleState {
  locale: LocaleCode;
  setLocale: (locale: LocaleCode) => void;
}

const LocaleContext = createContext<LocaleState>({ locale: 'en', setLocale: () => {} });

export const useLocale = () => useContext(LocaleContext);

export function I18nProvider({ children }: { children: ReactNode }) {
  const [locale, setLocaleState] = useState<LocaleCode>(initialLocale);
  const [loaded, setLoaded] = useState<{ locale: LocaleCode; messages: Messages } | null>(
    locale === 'en' ? { locale: 'en', messages: {} } : null,
  );

  useEffect(() => {
    let current = true;
    const load = locale === 'en' ? Promise.resolve({ default: {} }) : CATALOGUES[locale]();
    load.then((m) => current && setLoaded({ locale, messages: m.default }));
    return () => {
      current = false;
    };
  }, [locale]);

  // <html lang dir> follow the language once its messages are there, so the page never shows
  // one language laid out in another's direction.
  useEffect(() => {
    if (!loaded) return;
    document.documentElement.lang = loaded.locale;
    document.documentElement.dir = directionOf(loaded.locale);
  }, [loaded]);

  const setLocale = (next: LocaleCode) => {
    saveLocale(next);
    setLocaleState(next);
  };

  if (!loaded) return null;
  return (
    <LocaleContext.Provider value={{ locale: loaded.locale, setLocale }}>
      <IntlProvider locale={loaded.locale} messages={loaded.messages} defaultLocale="en">
        {children}
      </IntlProvider>
    </LocaleContext.Provider>
  );
}
