import { useId } from 'react';
import { FormattedMessage, IntlShape, useIntl } from 'react-intl';
import { useQuery } from 'urql';
import { refusalOf } from '../api/errors';
import { graphql } from '../gql';
import type { Priority } from '../gql/graphql';
import { formatMinutes } from '../sla/business-duration';
import { relationshipExplanation, relationshipLabel } from '../ui/labels';
import { refusalMessage } from './refusal-message';

const SlaPreviewQuery = graphql(`
  query NewRequestSlaPreview($supplierId: ID!, $serviceId: ID, $priority: Priority!) {
    slaPreview(supplierId: $supplierId, serviceId: $serviceId, priority: $priority) {
      relationshipType
      firstResponseMinutes
      firstResponseDueAt
      resolutionMinutes
      resolutionDueAt
    }
  }
`);

const WEEK_MS = 6 * 24 * 60 * 60 * 1000;

// "Tue 10:30", with the date too when it is more than a few days away.
function dueText(intl: IntlShape, iso: string): string {
  const due = new Date(iso);
  const far = due.getTime() - Date.now() > WEEK_MS;
  return intl.formatDate(due, {
    weekday: 'short',
    ...(far ? { day: 'numeric', month: 'short' } : {}),
    hour: 'numeric',
    minute: '2-digit',
  });
}

function Target({
  kind,
  minutes,
  dueAt,
}: {
  kind: 'firstResponse' | 'resolution';
  minutes: number;
  dueAt: string | null | undefined;
}) {
  const intl = useIntl();
  const duration = formatMinutes(minutes, intl.locale);
  const due = dueAt ? dueText(intl, dueAt) : null;
  if (kind === 'firstResponse')
    return due ? (
      <FormattedMessage
        id="newRequest.preview.firstResponseBy"
        defaultMessage="First response within {duration} of working time (by {due})"
        values={{ duration, due }}
      />
    ) : (
      <FormattedMessage
        id="newRequest.preview.firstResponse"
        defaultMessage="First response within {duration} of working time"
        values={{ duration }}
      />
    );
  return due ? (
    <FormattedMessage
      id="newRequest.preview.resolutionBy"
      defaultMessage="Resolution within {duration} of working time (by {due})"
      values={{ duration, due }}
    />
  ) : (
    <FormattedMessage
      id="newRequest.preview.resolution"
      defaultMessage="Resolution within {duration} of working time"
      values={{ duration }}
    />
  );
}

// What filing would give, shown before filing and updated as the choices change: the
// relationship type in words and the targets in business time with their due times.
export function SlaPreview({
  supplier,
  customerName,
  serviceId,
  priority,
}: {
  supplier: { id: string; name: string } | null;
  customerName: string;
  serviceId: string | null;
  priority: Priority;
}) {
  const intl = useIntl();
  const headingId = useId();
  const [result] = useQuery({
    query: SlaPreviewQuery,
    variables: { supplierId: supplier?.id ?? '', serviceId, priority },
    pause: !supplier,
  });
  const preview = result.data?.slaPreview;
  const refusal = refusalOf(result.error);

  return (
    <section className="card sla-preview" aria-labelledby={headingId} aria-busy={result.fetching}>
      <h2 id={headingId}>
        <FormattedMessage id="newRequest.preview.title" defaultMessage="What to expect" />
      </h2>
      {/* Polite: the reader hears the new type and targets after each choice, not mid-typing. */}
      <div aria-live="polite">
        {!supplier ? (
          <p className="muted">
            <FormattedMessage
              id="newRequest.preview.chooseSupplier"
              defaultMessage="Choose a supplier department to see how it relates to yours and the service level that will apply."
            />
          </p>
        ) : refusal ? (
          <p className="error">{refusalMessage(intl, refusal)}</p>
        ) : !preview ? (
          <p className="muted">
            <FormattedMessage id="newRequest.preview.loading" defaultMessage="Working it out…" />
          </p>
        ) : (
          <>
            <h3 className="preview-label">
              <FormattedMessage
                id="newRequest.preview.relationship"
                defaultMessage="Relationship"
              />
            </h3>
            <p className="relationship">
              <strong>{relationshipLabel(intl, preview.relationshipType)}</strong>
            </p>
            <p className="muted">
              {relationshipExplanation(intl, preview.relationshipType, {
                customer: customerName,
                supplier: supplier.name,
              })}
            </p>
            <h3 className="preview-label">
              <FormattedMessage id="newRequest.preview.targets" defaultMessage="Service level" />
            </h3>
            {preview.firstResponseMinutes == null && preview.resolutionMinutes == null ? (
              <p>
                <FormattedMessage
                  id="newRequest.preview.noSla"
                  defaultMessage="No service level applies"
                />
              </p>
            ) : (
              <ul className="targets">
                {preview.firstResponseMinutes != null && (
                  <li>
                    <Target
                      kind="firstResponse"
                      minutes={preview.firstResponseMinutes}
                      dueAt={preview.firstResponseDueAt}
                    />
                  </li>
                )}
                {preview.resolutionMinutes != null && (
                  <li>
                    <Target
                      kind="resolution"
                      minutes={preview.resolutionMinutes}
                      dueAt={preview.resolutionDueAt}
                    />
                  </li>
                )}
              </ul>
            )}
            <p className="muted small">
              <FormattedMessage
                id="newRequest.preview.workingTime"
                defaultMessage="Working time counts business hours only; the resolution clock pauses while the request waits on you."
              />
            </p>
          </>
        )}
      </div>
    </section>
  );
}
