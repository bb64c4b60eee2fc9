import { FormattedMessage, useIntl } from 'react-intl';
import { Link } from 'react-router';
import { useDocumentTitle } from '../ui/use-document-title';

export default function NotFoundPage() {
  const intl = useIntl();
  useDocumentTitle(intl.formatMessage({ id: 'notFound.title', defaultMessage: 'Not found' }));
  return (
    <section className="page">
      <h1>
        <FormattedMessage id="notFound.title" defaultMessage="Not found" />
      </h1>
      <p>
        <FormattedMessage
          id="notFound.text"
          defaultMessage="There is nothing here, or it is not yours to see."
        />
      </p>
      <Link to="/">
        <FormattedMessage id="notFound.home" defaultMessage="Go to the start page" />
      </Link>
    </section>
  );
}
