import { FormattedMessage, useIntl } from 'react-intl';
import { useSignedInUser } from '../auth/session';
import { ImportForm } from '../import/import-form';
import '../styles/import.css';

// Settings → Import: the org chart (administrators) and request history (operations too), each
// file uploaded to its streaming endpoint; all or nothing, every bad line named.
export function ImportSection() {
  const intl = useIntl();
  const user = useSignedInUser();
  return (
    <div className="import-section">
      {user.role === 'ADMIN' ? (
        <ImportForm
          kind="org-chart"
          heading={
            <FormattedMessage id="settings.import.orgChart" defaultMessage="Org chart file" />
          }
          fileLabel={intl.formatMessage({
            id: 'settings.import.orgChartFile',
            defaultMessage: 'Org chart CSV',
          })}
          hint={
            <FormattedMessage
              id="settings.import.orgChartHint"
              defaultMessage="A CSV file with the header {header}. Departments are matched by code: new codes are created, known ones updated."
              values={{
                header: <code dir="ltr">code,name,parent_code,level,time_zone,lead_email</code>,
              }}
            />
          }
          accept=".csv,text/csv"
          summary={(r) =>
            intl.formatMessage(
              {
                id: 'settings.import.orgChartDone',
                defaultMessage:
                  'Org chart imported: {created, plural, one {# department} other {# departments}} created, {updated} updated, {invited, plural, one {# lead} other {# leads}} invited.',
              },
              {
                created: r.created ?? 0,
                updated: intl.formatNumber(r.updated ?? 0),
                invited: r.invitedLeads ?? 0,
              },
            )
          }
        />
      ) : null}
      <ImportForm
        kind="requests"
        heading={
          <FormattedMessage id="settings.import.requests" defaultMessage="Request history file" />
        }
        fileLabel={intl.formatMessage({
          id: 'settings.import.requestsFile',
          defaultMessage: 'Requests NDJSON',
        })}
        hint={
          <FormattedMessage
            id="settings.import.requestsHint"
            defaultMessage="One historical request with its timeline a line (NDJSON); their SLA clocks are computed as if they had run live."
          />
        }
        accept=".ndjson,.jsonl,application/x-ndjson"
        summary={(r) =>
          intl.formatMessage(
            {
              id: 'settings.import.requestsDone',
              defaultMessage:
                'History imported: {imported, plural, one {# request} other {# requests}}.',
            },
            { imported: r.imported ?? 0 },
          )
        }
      />
    </div>
  );
}
