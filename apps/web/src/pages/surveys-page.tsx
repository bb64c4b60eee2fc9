import { FormattedMessage, useIntl } from 'react-intl';
import { useDocumentTitle } from '../ui/use-document-title';

// Placeholder: filled in by the work on issue 13.
export default function Page() {
  const intl = useIntl();
  useDocumentTitle(intl.formatMessage({ id: 'surveys.title', defaultMessage: 'Surveys' }));
  return (
    <section className="page">
      <h1>
        <FormattedMessage id="surveys.title" defaultMessage="Surveys" />
      </h1>
    </section>
  );
}
