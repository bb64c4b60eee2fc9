import { FormattedMessage, useIntl } from 'react-intl';
import { NewRequestForm } from '../new-request/new-request-form';
import { useDocumentTitle } from '../ui/use-document-title';
import '../styles/new-request.css';

// NEW REQUEST (UI.md): the catalogue wizard; it says what filing will mean before it files.
export default function NewRequestPage() {
  const intl = useIntl();
  useDocumentTitle(
    intl.formatMessage({ id: 'newRequest.pageTitle', defaultMessage: 'New request' }),
  );
  return (
    <div className="new-request-page">
      <div className="page-head">
        <h1>
          <FormattedMessage id="newRequest.heading" defaultMessage="New request" />
        </h1>
        <p className="muted">
          <FormattedMessage
            id="newRequest.intro"
            defaultMessage="Ask another department (or your own) for something you need. You will see the service level before you file."
          />
        </p>
      </div>
      <NewRequestForm />
    </div>
  );
}
