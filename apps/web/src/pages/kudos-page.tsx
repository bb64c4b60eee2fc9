import { ReactNode, useMemo, useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { useQuery, UseQueryState } from 'urql';
import { refusalOf } from '../api/errors';
import { useMorePages } from '../api/use-more-pages';
import type { KudosPageReceivedQuery, KudosPageReceivedQueryVariables } from '../gql/graphql';
import { useSignedInUser } from '../auth/session';
import { GiveKudosForm } from '../kudos/give-kudos-form';
import { KudosReceivedQuery } from '../kudos/kudos-documents';
import { KudosList } from '../kudos/kudos-list';
import { isolate, kudosRefusalWords } from '../kudos/kudos-words';
import { ShowMore } from '../ui/show-more';
import { useDocumentTitle } from '../ui/use-document-title';
import '../styles/kudos.css';

const CONTEXT = { additionalTypenames: ['Kudos'] };
const FIRST = 20;

// Recognition: kudos the reader and their department received (newest first, a page at a
// time), and a form to thank someone for a request.
export default function KudosPage() {
  const intl = useIntl();
  const user = useSignedInUser();
  useDocumentTitle(intl.formatMessage({ id: 'kudos.title', defaultMessage: 'Kudos' }));
  const [done, setDone] = useState<string | null>(null);
  const mineVariables = useMemo(() => ({ userId: user.id, first: FIRST }), [user.id]);
  const teamVariables = useMemo(
    () => ({ departmentId: user.department?.id ?? '', first: FIRST }),
    [user.department?.id],
  );
  const [mine, reexecuteMine] = useQuery({
    query: KudosReceivedQuery,
    variables: mineVariables,
    context: CONTEXT,
  });
  const [team, reexecuteTeam] = useQuery({
    query: KudosReceivedQuery,
    variables: teamVariables,
    context: CONTEXT,
    pause: !user.department,
  });
  const refetch = () => {
    reexecuteMine({ requestPolicy: 'network-only' });
    if (user.department) reexecuteTeam({ requestPolicy: 'network-only' });
  };
  const refusal = refusalOf(mine.error ?? team.error);
  const mineLabel = intl.formatMessage({
    id: 'kudos.received.mine',
    defaultMessage: 'Kudos for you',
  });
  const teamLabel = user.department
    ? intl.formatMessage(
        { id: 'kudos.received.department', defaultMessage: 'Kudos for {department}' },
        { department: isolate(user.department.name) },
      )
    : '';

  return (
    <div className="kudos-page">
      <div className="page-head">
        <h1>
          <FormattedMessage id="kudos.title" defaultMessage="Kudos" />
        </h1>
      </div>
      <p role="status" className="kd-status" aria-live="polite">
        {done}
      </p>
      {refusal && (
        <div role="alert" className="error">
          <p>{kudosRefusalWords(intl, refusal)}</p>
          <button type="button" onClick={refetch}>
            <FormattedMessage id="kudos.retry" defaultMessage="Try again" />
          </button>
        </div>
      )}
      <div className="kd-layout">
        <section className="card kd-received" aria-labelledby="kd-mine-title">
          <h2 id="kd-mine-title">{mineLabel}</h2>
          <ReceivedKudos
            result={mine}
            variables={mineVariables}
            label={mineLabel}
            none={
              <FormattedMessage
                id="kudos.received.noneMine"
                defaultMessage="No kudos for you yet. Kudos others give you for a request appear here."
              />
            }
          />
        </section>
        {user.department && (
          <section className="card kd-received" aria-labelledby="kd-team-title">
            <h2 id="kd-team-title">
              <FormattedMessage
                id="kudos.received.department"
                defaultMessage="Kudos for {department}"
                values={{ department: <bdi>{user.department.name}</bdi> }}
              />
            </h2>
            <ReceivedKudos
              result={team}
              variables={teamVariables}
              label={teamLabel}
              none={
                <FormattedMessage
                  id="kudos.received.noneDepartment"
                  defaultMessage="No kudos for the department yet."
                />
              }
            />
          </section>
        )}
      </div>
      <GiveKudosForm
        user={user}
        onGiven={(recipient) => {
          setDone(
            intl.formatMessage(
              { id: 'kudos.given', defaultMessage: 'Kudos sent to {recipient}. Thank you!' },
              { recipient: isolate(recipient) },
            ),
          );
          refetch();
        }}
      />
    </div>
  );
}

const pageOf = (data: KudosPageReceivedQuery) => ({
  nodes: data.kudosReceived.edges.map((e) => e.node),
  hasNextPage: data.kudosReceived.pageInfo.hasNextPage,
  endCursor: data.kudosReceived.pageInfo.endCursor ?? null,
});

// One received list: the first page from the page's query, then "Show more kudos".
function ReceivedKudos({
  result,
  variables,
  label,
  none,
}: {
  result: UseQueryState<KudosPageReceivedQuery, KudosPageReceivedQueryVariables>;
  variables: KudosPageReceivedQueryVariables;
  label: string;
  none: ReactNode;
}) {
  const first = useMemo(() => (result.data ? pageOf(result.data) : null), [result.data]);
  const pages = useMorePages(KudosReceivedQuery, variables, first, pageOf);
  if (!result.data) {
    return (
      <p className="muted">
        <FormattedMessage id="kudos.loading" defaultMessage="Loading…" />
      </p>
    );
  }
  if (pages.nodes.length === 0) return <p className="muted">{none}</p>;
  return (
    <>
      <KudosList kudos={pages.nodes} label={label} />
      <ShowMore
        shown={pages.nodes.length}
        total={result.data.kudosReceived.totalCount}
        hasMore={pages.hasNextPage}
        loading={pages.loading}
        failed={!!pages.error}
        onMore={pages.showMore}
      >
        <FormattedMessage id="kudos.showMore" defaultMessage="Show more kudos" />
      </ShowMore>
    </>
  );
}
