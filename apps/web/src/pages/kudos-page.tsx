import { useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { useQuery } from 'urql';
import { refusalOf } from '../api/errors';
import { useSignedInUser } from '../auth/session';
import { GiveKudosForm } from '../kudos/give-kudos-form';
import { KudosReceivedQuery } from '../kudos/kudos-documents';
import { KudosList } from '../kudos/kudos-list';
import { isolate, kudosRefusalWords } from '../kudos/kudos-words';
import { useDocumentTitle } from '../ui/use-document-title';
import '../styles/kudos.css';

const CONTEXT = { additionalTypenames: ['Kudos'] };
const FIRST = 50;

// Recognition: kudos the reader and their department received (newest first), and a form to
// thank someone for a request.
export default function KudosPage() {
  const intl = useIntl();
  const user = useSignedInUser();
  useDocumentTitle(intl.formatMessage({ id: 'kudos.title', defaultMessage: 'Kudos' }));
  const [done, setDone] = useState<string | null>(null);
  const [mine, reexecuteMine] = useQuery({
    query: KudosReceivedQuery,
    variables: { userId: user.id, first: FIRST },
    context: CONTEXT,
  });
  const [team, reexecuteTeam] = useQuery({
    query: KudosReceivedQuery,
    variables: { departmentId: user.department?.id ?? '', first: FIRST },
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
          {mine.data && mine.data.kudosReceived.length === 0 ? (
            <p className="muted">
              <FormattedMessage
                id="kudos.received.noneMine"
                defaultMessage="No kudos for you yet. Kudos others give you for a request appear here."
              />
            </p>
          ) : mine.data ? (
            <KudosList kudos={mine.data.kudosReceived} label={mineLabel} />
          ) : (
            <p className="muted">
              <FormattedMessage id="kudos.loading" defaultMessage="Loading…" />
            </p>
          )}
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
            {team.data && team.data.kudosReceived.length === 0 ? (
              <p className="muted">
                <FormattedMessage
                  id="kudos.received.noneDepartment"
                  defaultMessage="No kudos for the department yet."
                />
              </p>
            ) : team.data ? (
              <KudosList kudos={team.data.kudosReceived} label={teamLabel} />
            ) : (
              <p className="muted">
                <FormattedMessage id="kudos.loading" defaultMessage="Loading…" />
              </p>
            )}
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
