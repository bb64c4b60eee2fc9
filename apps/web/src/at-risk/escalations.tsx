import { FormattedMessage, useIntl } from 'react-intl';
import { Link } from 'react-router';
import type { AtRiskEscalationsQuery } from '../gql/graphql';
import { formatMinutes, minutesBetween } from '../sla/business-duration';
import { useNow } from '../sla/use-now';

type Escalation = AtRiskEscalationsQuery['escalationsReceived'][number];

export function EscalationsReceived({ escalations }: { escalations: readonly Escalation[] }) {
  const intl = useIntl();
  const now = useNow();
  return (
    <section aria-labelledby="at-risk-escalations" className="card">
      <h2 id="at-risk-escalations">
        <FormattedMessage id="atRisk.escalations.title" defaultMessage="Escalations received" />
      </h2>
      {escalations.length === 0 ? (
        <p className="muted">
          <FormattedMessage
            id="atRisk.escalations.none"
            defaultMessage="No escalation has reached this department's lead."
          />
        </p>
      ) : (
        <ul className="at-risk-escalations">
          {escalations.map((e) => (
            <li key={`${e.request.id}:${e.clockKind}:${e.rung}`}>
              <Link to={`/requests/${e.request.number}`}>{e.request.number}</Link>{' '}
              <bdi>{e.request.title}</bdi>
              <div className="muted">
                <FormattedMessage
                  id="atRisk.escalations.item"
                  defaultMessage="{clock, select, FIRST_RESPONSE {First response} other {Resolution}} missed, escalation step {rung, number} of 3, {ago} ago"
                  values={{
                    clock: e.clockKind,
                    rung: e.rung,
                    ago: formatMinutes(minutesBetween(e.occurredAt, now), intl.locale, {
                      days: true,
                    }),
                  }}
                />
              </div>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
