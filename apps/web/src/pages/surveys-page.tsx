import { useEffect, useMemo, useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { useSearchParams } from 'react-router';
import { useQuery, useSubscription } from 'urql';
import { refusalOf } from '../api/errors';
import { useMorePages } from '../api/use-more-pages';
import type { SurveysPageMineQuery, SurveysPageRoundsQuery } from '../gql/graphql';
import { useSignedInUser } from '../auth/session';
import { NotificationAddedSubscription } from '../notifications/notification-documents';
import { Invitations } from '../surveys/invitations';
import { OpenRoundForm } from '../surveys/open-round-form';
import { RoundsTable } from '../surveys/rounds-table';
import { SurveyResults } from '../surveys/survey-results';
import { MySurveysQuery, SurveyRoundsQuery } from '../surveys/surveys-documents';
import { isolate, surveyRefusalWords } from '../surveys/survey-words';
import { ShowMore } from '../ui/show-more';
import { useDocumentTitle } from '../ui/use-document-title';
import '../styles/surveys.css';

// Empty lists carry no typename for the cache: name what the page's mutations change.
const CONTEXT = { additionalTypenames: ['SurveyRound', 'SurveyTask'] };
const PAGE = { first: 20 };
const roundsPage = (data: SurveysPageRoundsQuery) => ({
  nodes: data.surveyRounds.edges.map((e) => e.node),
  hasNextPage: data.surveyRounds.pageInfo.hasNextPage,
  endCursor: data.surveyRounds.pageInfo.endCursor ?? null,
});
const minePage = (data: SurveysPageMineQuery) => ({
  nodes: data.mySurveys.edges.map((e) => e.node),
  hasNextPage: data.mySurveys.pageInfo.hasNextPage,
  endCursor: data.mySurveys.pageInfo.endCursor ?? null,
});

// Pulse surveys: operations open and close rounds and read every result; team leads read
// their own department's; everyone answers their department's invitations.
export default function SurveysPage() {
  const intl = useIntl();
  const user = useSignedInUser();
  useDocumentTitle(intl.formatMessage({ id: 'surveys.title', defaultMessage: 'Surveys' }));
  const operations = user.role === 'OPS' || user.role === 'ADMIN';
  const seesResults = operations || user.role === 'LEAD';
  const [params, setParams] = useSearchParams();
  const selectedId = params.get('round');
  const [done, setDone] = useState<string | null>(null);
  const [focusResults, setFocusResults] = useState(false);

  const [rounds, reexecuteRounds] = useQuery({
    query: SurveyRoundsQuery,
    variables: PAGE,
    context: CONTEXT,
    pause: !seesResults,
  });
  const [mine, reexecuteMine] = useQuery({
    query: MySurveysQuery,
    variables: PAGE,
    context: CONTEXT,
    pause: !user.department,
  });
  const firstRounds = useMemo(() => (rounds.data ? roundsPage(rounds.data) : null), [rounds.data]);
  const firstMine = useMemo(() => (mine.data ? minePage(mine.data) : null), [mine.data]);
  const roundPages = useMorePages(SurveyRoundsQuery, PAGE, firstRounds, roundsPage);
  const minePages = useMorePages(MySurveysQuery, PAGE, firstMine, minePage);
  const refetch = () => {
    if (seesResults) reexecuteRounds({ requestPolicy: 'network-only' });
    if (user.department) reexecuteMine({ requestPolicy: 'network-only' });
  };
  // A round opened meanwhile reaches the reader as a notification: then read the lists again.
  // (The shell holds the same subscription, so this opens nothing new.)
  const [live] = useSubscription({ query: NotificationAddedSubscription });
  const invited = live.data?.notificationAdded.kind === 'SURVEY_INVITATION';
  const liveId = live.data?.notificationAdded.id;
  useEffect(() => {
    if (!invited) return;
    if (seesResults) reexecuteRounds({ requestPolicy: 'network-only' });
    if (user.department) reexecuteMine({ requestPolicy: 'network-only' });
  }, [liveId, invited, seesResults, user.department, reexecuteRounds, reexecuteMine]);
  const roundList = roundPages.nodes;
  const selected = roundList.find((r) => r.id === selectedId && !r.open) ?? null;
  const loadRefusal = refusalOf(rounds.error ?? mine.error);
  const invitations = user.department ? (
    <Invitations
      tasks={minePages.nodes}
      loading={mine.fetching}
      more={
        <ShowMore
          shown={minePages.nodes.length}
          total={mine.data?.mySurveys.totalCount ?? null}
          hasMore={minePages.hasNextPage}
          loading={minePages.loading}
          failed={!!minePages.error}
          onMore={minePages.showMore}
        >
          <FormattedMessage
            id="surveys.invitations.showMore"
            defaultMessage="Show more invitations"
          />
        </ShowMore>
      }
      onAnswered={(task) => {
        setDone(
          intl.formatMessage(
            {
              id: 'surveys.answer.saved',
              defaultMessage: 'Thank you: your answer about {supplier} is saved.',
            },
            { supplier: isolate(task.supplier.name) },
          ),
        );
        reexecuteMine({ requestPolicy: 'network-only' });
      }}
    />
  ) : null;

  return (
    <div className="surveys-page">
      <div className="page-head">
        <h1>
          <FormattedMessage id="surveys.title" defaultMessage="Surveys" />
        </h1>
      </div>
      <p role="status" className="sv-status" aria-live="polite">
        {done}
      </p>
      {loadRefusal && (
        <div role="alert" className="error">
          <p>{surveyRefusalWords(intl, loadRefusal)}</p>
          <button type="button" onClick={refetch}>
            <FormattedMessage id="surveys.retry" defaultMessage="Try again" />
          </button>
        </div>
      )}
      {!operations && invitations}
      {operations && (
        <OpenRoundForm
          onOpened={(title) => {
            setDone(
              intl.formatMessage(
                {
                  id: 'surveys.open.done',
                  defaultMessage: 'Round {title} opened: the departments it asks are notified.',
                },
                { title: isolate(title) },
              ),
            );
            refetch();
          }}
        />
      )}
      {seesResults && (
        <>
          {rounds.fetching && !rounds.data ? (
            <p className="muted" role="status">
              <FormattedMessage id="surveys.rounds.loading" defaultMessage="Loading the rounds…" />
            </p>
          ) : (
            <RoundsTable
              rounds={roundList}
              more={
                <ShowMore
                  shown={roundList.length}
                  total={rounds.data?.surveyRounds.totalCount ?? null}
                  hasMore={roundPages.hasNextPage}
                  loading={roundPages.loading}
                  failed={!!roundPages.error}
                  onMore={roundPages.showMore}
                >
                  <FormattedMessage
                    id="surveys.rounds.showMore"
                    defaultMessage="Show more rounds"
                  />
                </ShowMore>
              }
              canClose={operations}
              canSeeResults={seesResults}
              selectedId={selected?.id ?? null}
              onShowResults={() => setFocusResults(true)}
              onClosed={(round) => {
                setDone(
                  intl.formatMessage(
                    {
                      id: 'surveys.close.done',
                      defaultMessage: 'Round {title} closed. Its results are below.',
                    },
                    { title: isolate(round.title) },
                  ),
                );
                refetch();
                setFocusResults(true);
                setParams({ round: round.id });
              }}
            />
          )}
          {selected && (
            <SurveyResults
              key={selected.id}
              round={selected}
              focus={focusResults}
              ownDepartment={operations ? null : (user.department?.name ?? null)}
            />
          )}
          {!selected && roundList.some((r) => !r.open) && (
            <p className="muted">
              <FormattedMessage
                id="surveys.results.pick"
                defaultMessage="Choose Show results on a closed round to read its results."
              />
            </p>
          )}
        </>
      )}
      {operations && invitations}
      {!user.department && !seesResults && (
        <p className="notice">
          <FormattedMessage
            id="surveys.noDepartment"
            defaultMessage="You belong to no department, so no survey asks you anything."
          />
        </p>
      )}
    </div>
  );
}
