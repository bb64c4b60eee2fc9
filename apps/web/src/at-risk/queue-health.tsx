import { FormattedMessage, useIntl } from 'react-intl';
import type { AtRiskHealthQuery } from '../gql/graphql';

type Health = AtRiskHealthQuery['departmentQueueHealth'];

// The department's queue in four numbers and each agent's share, as text and a table (the bars
// inside it only repeat the numbers beside them).
export function QueueHealth({
  health,
  departmentName,
}: {
  health: Health;
  departmentName: string;
}) {
  const intl = useIntl();
  const most = Math.max(1, ...health.workload.map((w) => w.open));
  const n = (value: number) => intl.formatNumber(value);
  return (
    <section aria-labelledby="at-risk-health" className="card at-risk-health">
      <h2 id="at-risk-health">
        <FormattedMessage
          id="atRisk.health.title"
          defaultMessage="Queue health of {department}"
          values={{ department: <bdi>{departmentName}</bdi> }}
        />
      </h2>
      <dl className="at-risk-counts">
        <div>
          <dt>
            <FormattedMessage id="atRisk.health.open" defaultMessage="Open" />
          </dt>
          <dd>{n(health.open)}</dd>
        </div>
        <div>
          <dt>
            <FormattedMessage id="atRisk.health.unassigned" defaultMessage="Unassigned" />
          </dt>
          <dd>{n(health.unassigned)}</dd>
        </div>
        <div className={health.atRisk > 0 ? 'warn' : undefined}>
          <dt>
            <FormattedMessage id="atRisk.health.atRisk" defaultMessage="At risk" />
          </dt>
          <dd>{n(health.atRisk)}</dd>
        </div>
        <div className={health.breached > 0 ? 'bad' : undefined}>
          <dt>
            <FormattedMessage id="atRisk.health.breached" defaultMessage="Breached" />
          </dt>
          <dd>{n(health.breached)}</dd>
        </div>
      </dl>
      <div className="table-wrap">
        <table>
          <caption>
            <FormattedMessage id="atRisk.workload.table" defaultMessage="Workload by agent" />
          </caption>
          <thead>
            <tr>
              <th scope="col">
                <FormattedMessage id="atRisk.workload.agent" defaultMessage="Agent" />
              </th>
              <th scope="col">
                <FormattedMessage id="atRisk.workload.open" defaultMessage="Open" />
              </th>
              <th scope="col">
                <FormattedMessage id="atRisk.workload.atRisk" defaultMessage="At risk" />
              </th>
              <th scope="col">
                <FormattedMessage id="atRisk.workload.breached" defaultMessage="Breached" />
              </th>
            </tr>
          </thead>
          <tbody>
            {health.workload.length === 0 && (
              <tr>
                <td colSpan={4} className="muted">
                  <FormattedMessage
                    id="atRisk.workload.nobody"
                    defaultMessage="Nobody in this department works requests yet."
                  />
                </td>
              </tr>
            )}
            {health.workload.map((w) => (
              <tr key={w.agent.id}>
                <th scope="row">
                  <bdi>{w.agent.name}</bdi>
                </th>
                <td>
                  <span className="at-risk-bar-cell">
                    <span className="at-risk-number">{n(w.open)}</span>
                    <span className="at-risk-bar-track" aria-hidden="true">
                      <span
                        className="at-risk-bar"
                        style={{ inlineSize: `${(w.open / most) * 100}%` }}
                      />
                    </span>
                  </span>
                </td>
                <td>{n(w.atRisk)}</td>
                <td>{n(w.breached)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
