import { useEffect } from 'react';
import { useMutation, useQuery } from 'urql';
import { graphql } from '../gql';
import { useLocale } from '../i18n/i18n-provider';

const MailLocaleQuery = graphql(`
  query MailLocale {
    mailSettings {
      digestHour
      locale
    }
  }
`);

const UpdateMailLocaleMutation = graphql(`
  mutation UpdateMailLocale($locale: String!) {
    updateMailSettings(input: { locale: $locale }) {
      digestHour
      locale
    }
  }
`);

// E-mail follows the language chosen in the web app: the server learns of a change (or of the
// language a person signed in with) once.
export function MailLocaleSync() {
  const { locale } = useLocale();
  const [{ data }] = useQuery({ query: MailLocaleQuery });
  const [, update] = useMutation(UpdateMailLocaleMutation);
  const stored = data?.mailSettings.locale;
  useEffect(() => {
    if (stored && stored !== locale) void update({ locale });
  }, [stored, locale, update]);
  return null;
}
