import { FormattedMessage, useIntl } from 'react-intl';
import type { AtRiskSurveyResultsQuery, AtRiskSurveyRoundsQuery } from '../gql/graphql';

type Round = AtRiskSurveyRoundsQuery['surveyRounds']['edges'][number]['node'];
type Result = AtRiskSurveyResultsQuery['surveyResults'][number];
type Scores = Pick<Result['overall'], 'suppressed' | 'averageScore' | 'netPromoterScore'>;

// The latest closed pulse-survey round about the department; groups with too few answers are
// hidden by the API (and said so here), never shown as zeros.
export function PulseResults({
  round,
  result,
  loading,
}: {
  round: Round | null;
  result: Result | null;
  loading: boolean;
}) {
  const intl = useIntl();
  const score = (s: Scores) =>
    s.suppressed || s.averageScore == null
      ? null
      : intl.formatNumber(s.averageScore, { maximumFractionDigits: 1 });
  const nps = (s: Scores) =>
    s.suppressed || s.netPromoterScore == null
      ? null
      : intl.formatNumber(s.netPromoterScore, {
          maximumFractionDigits: 0,
          signDisplay: 'exceptZero',
        });
  const hidden = (
    <span className="muted">
      <FormattedMessage
        id="atRisk.pulse.hidden"
        defaultMessage="hidden: fewer than {min, number} answers"
        values={{ min: round?.minAnswers ?? 3 }}
      />
    </span>
  );
  return (
    <section aria-labelledby="at-risk-pulse" className="card">
      <h2 id="at-risk-pulse">
        <FormattedMessage id="atRisk.pulse.title" defaultMessage="Pulse survey results" />
      </h2>
      {!round ? (
        <p className="muted">
          <FormattedMessage
            id="atRisk.pulse.noRound"
            defaultMessage="No pulse-survey round about this department has closed yet."
          />
        </p>
      ) : (
        <>
          <p>
            <bdi>{round.title}</bdi>{' '}
            <span className="muted">
              <FormattedMessage
                id="atRisk.pulse.period"
                defaultMessage="(about {from} to {to})"
                values={{
                  from: intl.formatDate(`${round.periodFrom}T12:00:00Z`, {
                    dateStyle: 'medium',
                    timeZone: 'UTC',
                  }),
                  to: intl.formatDate(`${round.periodTo}T12:00:00Z`, {
                    dateStyle: 'medium',
                    timeZone: 'UTC',
                  }),
                }}
              />
            </span>
          </p>
          {loading ? (
            <p className="muted" role="status">
              <FormattedMessage id="atRisk.pulse.loading" defaultMessage="Loading the results…" />
            </p>
          ) : !result ? (
            <p className="muted">
              <FormattedMessage
                id="atRisk.pulse.noAnswers"
                defaultMessage="Nobody rated this department in that round."
              />
            </p>
          ) : (
            <div className="table-wrap">
              <table>
                <caption>
                  <FormattedMessage
                    id="atRisk.pulse.table"
                    defaultMessage="Pulse survey by customer"
                  />
                </caption>
                <thead>
                  <tr>
                    <th scope="col">
                      <FormattedMessage
                        id="atRisk.pulse.customer"
                        defaultMessage="Customer department"
                      />
                    </th>
                    <th scope="col">
                      <FormattedMessage id="atRisk.pulse.answers" defaultMessage="Answers" />
                    </th>
                    <th scope="col">
                      <FormattedMessage
                        id="atRisk.pulse.score"
                        defaultMessage="Average score (1–5)"
                      />
                    </th>
                    <th scope="col">
                      <FormattedMessage id="atRisk.pulse.nps" defaultMessage="Net promoter score" />
                    </th>
                  </tr>
                </thead>
                <tbody>
                  <tr className="at-risk-overall">
                    <th scope="row">
                      <FormattedMessage id="atRisk.pulse.overall" defaultMessage="All customers" />
                    </th>
                    {result.overall.suppressed ? (
                      <td colSpan={3}>{hidden}</td>
                    ) : (
                      <>
                        <td>{intl.formatNumber(result.overall.answers ?? 0)}</td>
                        <td>{score(result.overall) ?? '–'}</td>
                        <td>{nps(result.overall) ?? '–'}</td>
                      </>
                    )}
                  </tr>
                  {result.byCustomer.map((c) => (
                    <tr key={c.customer.id}>
                      <th scope="row">
                        <bdi>{c.customer.name}</bdi>
                      </th>
                      {c.scores.suppressed ? (
                        <td colSpan={3}>{hidden}</td>
                      ) : (
                        <>
                          <td>{intl.formatNumber(c.scores.answers ?? 0)}</td>
                          <td>{score(c.scores) ?? '–'}</td>
                          <td>{nps(c.scores) ?? '–'}</td>
                        </>
                      )}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </>
      )}
    </section>
  );
}
