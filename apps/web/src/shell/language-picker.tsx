import { useId } from 'react';
import { FormattedMessage } from 'react-intl';
import { useLocale } from '../i18n/i18n-provider';
import { isLocale, LOCALES } from '../i18n/locales';

// The Language combobox of UI.md: its label is translated, its options are endonyms.
export function LanguagePicker() {
  const { locale, setLocale } = useLocale();
  const id = useId();
  return (
    <div className="language-picker">
      <label htmlFor={id}>
        <FormattedMessage id="shell.language" defaultMessage="Language" />
      </label>
      <select
        id={id}
        value={locale}
        onChange={(e) => isLocale(e.target.value) && setLocale(e.target.value)}
      >
        {LOCALES.map((l) => (
          <option key={l.code} value={l.code} lang={l.code}>
            {l.name}
          </option>
        ))}
      </select>
    </div>
  );
}
