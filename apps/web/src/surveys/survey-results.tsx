import { Fragment, useEffect, useRef } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { useQuery } from 'urql';
import { refusalOf } from '../api/errors';
import type { SurveysPageScoresFragment } from '../gql/graphql';
import { SurveyResultsQuery } from './surveys-documents';
import { periodText, surveyRefusalWords } from './survey-words';
import type { RoundView } from './rounds-table';

const COLUMNS = 5;

// Results of a closed round: per supplier, overall and per customer department. Groups below
// the round's minAnswers are suppressed by the API, and said to be so here.
export function SurveyResults({
  round,
  focus,
  ownDepartment,
}: {
  round: RoundView;
  // Move focus to the heading (the reader asked for these results, or just closed the round).
  focus: boolean;
  // A team lead's view: only their own department's results.
  ownDepartment: string | null;
}) {
  const intl = useIntl();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (focus) heading.current?.focus();
  }, [focus]);
  const [result] = useQuery({ query: SurveyResultsQuery, variables: { roundId: round.id } });
  const refusal = refusalOf(result.error);
  const rows = result.data?.surveyResults ?? [];
  const tableName = intl.formatMessage({
    id: 'surveys.results.table',
    defaultMessage: 'Survey results',
  });
  const hidden = intl.formatMessage(
    {
      id: 'surveys.results.hidden',
      defaultMessage: 'hidden: fewer than {count} answers',
    },
    { count: intl.formatNumber(round.minAnswers) },
  );

  const cells = (scores: SurveysPageScoresFragment) => {
    if (scores.suppressed)
      return (
        <td colSpan={COLUMNS} className="sv-hidden-group">
          {hidden}
        </td>
      );
    const n = (value: number | null | undefined, digits = 1) =>
      value === null || value === undefined
        ? '—'
        : intl.formatNumber(value, { maximumFractionDigits: digits });
    return (
      <>
        <td className="num">{n(scores.answers, 0)}</td>
        <td className="num">
          <FormattedMessage
            id="surveys.results.outOf5"
            defaultMessage="{score} of 5"
            values={{ score: n(scores.averageScore) }}
          />
        </td>
        <td>
          {scores.distribution && (
            <span className="sv-distribution">
              {scores.distribution.map((count, i) => (
                <span key={i}>
                  <FormattedMessage
                    id="surveys.results.distributionItem"
                    defaultMessage="{stars}★: {count}"
                    values={{
                      stars: intl.formatNumber(i + 1),
                      count: intl.formatNumber(count),
                    }}
                  />
                </span>
              ))}
            </span>
          )}
        </td>
        <td className="num">
          <FormattedMessage
            id="surveys.results.outOf10"
            defaultMessage="{score} of 10"
            values={{ score: n(scores.averageRecommend) }}
          />
        </td>
        <td className="num">{n(scores.netPromoterScore, 0)}</td>
      </>
    );
  };

  return (
    <section className="card sv-results" aria-labelledby="sv-results-title">
      <h2 id="sv-results-title" ref={heading} tabIndex={-1}>
        <FormattedMessage
          id="surveys.results.title"
          defaultMessage="Results: {title}"
          values={{ title: <bdi>{round.title}</bdi> }}
        />
      </h2>
      <p className="muted">
        <FormattedMessage
          id="surveys.results.about"
          defaultMessage="Requests of {period}. Answers are anonymous: a group with fewer than {count} answers is hidden, and so is a group that would let hidden answers be worked out."
          values={{
            period: periodText(intl, round.periodFrom, round.periodTo),
            count: intl.formatNumber(round.minAnswers),
          }}
        />
      </p>
      {refusal && (
        <p role="alert" className="error">
          {surveyRefusalWords(intl, refusal)}
        </p>
      )}
      {result.fetching && !result.data && (
        <p className="muted" role="status">
          <FormattedMessage id="surveys.results.loading" defaultMessage="Loading the results…" />
        </p>
      )}
      {result.data && rows.length === 0 && (
        <p className="muted">
          {ownDepartment ? (
            <FormattedMessage
              id="surveys.results.noneAboutYou"
              defaultMessage="Nobody answered about {department} in this round."
              values={{ department: <bdi>{ownDepartment}</bdi> }}
            />
          ) : (
            <FormattedMessage
              id="surveys.results.none"
              defaultMessage="Nobody answered this round."
            />
          )}
        </p>
      )}
      {rows.length > 0 && (
        <>
          <div className="table-wrap">
            <table aria-label={tableName}>
              <thead>
                <tr>
                  <th scope="col">
                    <FormattedMessage
                      id="surveys.results.supplier"
                      defaultMessage="Supplier, and by customer"
                    />
                  </th>
                  <th scope="col" className="num">
                    <FormattedMessage id="surveys.results.answers" defaultMessage="Answers" />
                  </th>
                  <th scope="col" className="num">
                    <FormattedMessage
                      id="surveys.results.averageScore"
                      defaultMessage="Average score"
                    />
                  </th>
                  <th scope="col">
                    <FormattedMessage id="surveys.results.distribution" defaultMessage="Scores" />
                  </th>
                  <th scope="col" className="num">
                    <FormattedMessage
                      id="surveys.results.recommend"
                      defaultMessage="Would recommend"
                    />
                  </th>
                  <th scope="col" className="num">
                    <abbr
                      title={intl.formatMessage({
                        id: 'surveys.results.npsLong',
                        defaultMessage: 'Net promoter score, from −100 to 100',
                      })}
                    >
                      <FormattedMessage id="surveys.results.nps" defaultMessage="NPS" />
                    </abbr>
                  </th>
                </tr>
              </thead>
              <tbody>
                {rows.map((row) => (
                  <Fragment key={row.supplier.id}>
                    <tr className="sv-supplier-row">
                      <th scope="row">
                        <bdi>{row.supplier.name}</bdi>{' '}
                        <span className="muted">
                          <FormattedMessage id="surveys.results.overall" defaultMessage="(all)" />
                        </span>
                      </th>
                      {cells(row.overall)}
                    </tr>
                    {row.byCustomer.map((c) => (
                      <tr key={c.customer.id} className="sv-customer-row">
                        <th scope="row">
                          <FormattedMessage
                            id="surveys.results.fromCustomer"
                            defaultMessage="from {customer}"
                            values={{ customer: <bdi>{c.customer.name}</bdi> }}
                          />
                        </th>
                        {cells(c.scores)}
                      </tr>
                    ))}
                  </Fragment>
                ))}
              </tbody>
            </table>
          </div>
          {rows.some((r) => r.overall.comments.length > 0) && (
            <div className="sv-comments">
              <h3>
                <FormattedMessage id="surveys.results.comments" defaultMessage="Comments" />
              </h3>
              {rows
                .filter((r) => r.overall.comments.length > 0)
                .map((r) => (
                  <details key={r.supplier.id}>
                    <summary>
                      <FormattedMessage
                        id="surveys.results.commentsAbout"
                        defaultMessage="About {supplier} ({count, plural, one {# comment} other {# comments}})"
                        values={{
                          supplier: <bdi>{r.supplier.name}</bdi>,
                          count: r.overall.comments.length,
                        }}
                      />
                    </summary>
                    <ul>
                      {r.overall.comments.map((text, i) => (
                        <li key={i}>
                          <span dir="auto">{text}</span>
                        </li>
                      ))}
                    </ul>
                  </details>
                ))}
            </div>
          )}
        </>
      )}
    </section>
  );
}
