import { ReactNode, useEffect, useRef, useState } from 'react';
import { FormattedDate, FormattedMessage, useIntl } from 'react-intl';
import { Link } from 'react-router';
import { useMutation } from 'urql';
import { refusalOf, Refusal } from '../api/errors';
import type { SurveysPageRoundFragment } from '../gql/graphql';
import { CloseRoundMutation } from './surveys-documents';
import { periodText, surveyRefusalWords } from './survey-words';

export type RoundView = SurveysPageRoundFragment;

// The rounds the reader may see, newest first, a page at a time (`more` is the list's foot);
// operations close open rounds (after a confirmation), and closed rounds link to their results.
export function RoundsTable({
  rounds,
  canClose,
  canSeeResults,
  selectedId,
  onClosed,
  onShowResults,
  more,
}: {
  more?: ReactNode;
  rounds: RoundView[];
  canClose: boolean;
  canSeeResults: boolean;
  selectedId: string | null;
  onClosed: (round: RoundView) => void;
  onShowResults: () => void;
}) {
  const intl = useIntl();
  const [closing, setClosing] = useState<RoundView | null>(null);
  const name = intl.formatMessage({ id: 'surveys.rounds.table', defaultMessage: 'Survey rounds' });
  return (
    <section className="sv-rounds" aria-labelledby="sv-rounds-title">
      <h2 id="sv-rounds-title">{name}</h2>
      {rounds.length === 0 ? (
        <p className="muted">
          <FormattedMessage id="surveys.rounds.none" defaultMessage="No survey rounds yet." />
        </p>
      ) : (
        <div className="table-wrap">
          <table aria-label={name}>
            <thead>
              <tr>
                <th scope="col">
                  <FormattedMessage id="surveys.rounds.title" defaultMessage="Round" />
                </th>
                <th scope="col">
                  <FormattedMessage
                    id="surveys.rounds.period"
                    defaultMessage="Period asked about"
                  />
                </th>
                <th scope="col">
                  <FormattedMessage id="surveys.rounds.opened" defaultMessage="Opened" />
                </th>
                <th scope="col">
                  <FormattedMessage id="surveys.rounds.state" defaultMessage="State" />
                </th>
                <th scope="col">
                  <FormattedMessage id="surveys.rounds.actions" defaultMessage="Actions" />
                </th>
              </tr>
            </thead>
            <tbody>
              {rounds.map((round) => (
                <tr key={round.id} className={round.id === selectedId ? 'selected' : undefined}>
                  <th scope="row">
                    <bdi>{round.title}</bdi>
                  </th>
                  <td>{periodText(intl, round.periodFrom, round.periodTo)}</td>
                  <td>
                    <FormattedDate value={round.openedAt} dateStyle="medium" />
                  </td>
                  <td>
                    {round.open ? (
                      <span className="sv-state open">
                        <FormattedMessage
                          id="surveys.rounds.openUntil"
                          defaultMessage="Open until {when}"
                          values={{
                            when: intl.formatDate(round.closesAt, {
                              dateStyle: 'medium',
                              timeStyle: 'short',
                            }),
                          }}
                        />
                      </span>
                    ) : (
                      <span className="sv-state closed">
                        <FormattedMessage
                          id="surveys.rounds.closedOn"
                          defaultMessage="Closed {when}"
                          values={{
                            when: intl.formatDate(round.closedAt ?? round.closesAt, {
                              dateStyle: 'medium',
                              timeStyle: 'short',
                            }),
                          }}
                        />
                      </span>
                    )}
                  </td>
                  <td>
                    <div className="actions">
                      {round.open && canClose && (
                        <button type="button" className="danger" onClick={() => setClosing(round)}>
                          <FormattedMessage
                            id="surveys.rounds.close"
                            defaultMessage="Close round"
                          />
                          <span className="sv-sr-only">
                            {' '}
                            <bdi>{round.title}</bdi>
                          </span>
                        </button>
                      )}
                      {!round.open && canSeeResults && (
                        <Link
                          to={`?round=${round.id}`}
                          onClick={onShowResults}
                          aria-current={round.id === selectedId ? 'true' : undefined}
                        >
                          <FormattedMessage
                            id="surveys.rounds.showResults"
                            defaultMessage="Show results"
                          />
                          <span className="sv-sr-only">
                            {' '}
                            <bdi>{round.title}</bdi>
                          </span>
                        </Link>
                      )}
                    </div>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {more}
      {closing && (
        <CloseRoundDialog
          round={closing}
          onDone={(closed) => {
            setClosing(null);
            if (closed) onClosed(closed);
          }}
        />
      )}
    </section>
  );
}

function CloseRoundDialog({
  round,
  onDone,
}: {
  round: RoundView;
  onDone: (closed: RoundView | null) => void;
}) {
  const intl = useIntl();
  const dialog = useRef<HTMLDialogElement>(null);
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const [state, close] = useMutation(CloseRoundMutation);
  const closed = useRef<RoundView | null>(null);
  useEffect(() => {
    dialog.current?.showModal();
  }, []);
  const confirm = async () => {
    setRefusal(null);
    const result = await close({ id: round.id }, { additionalTypenames: ['SurveyTask'] });
    const refused = refusalOf(result.error);
    if (refused) setRefusal(refused);
    else {
      closed.current = result.data?.closeSurveyRound ?? round;
      dialog.current?.close();
    }
  };
  return (
    <dialog
      ref={dialog}
      className="dialog"
      aria-labelledby="sv-close-title"
      aria-describedby="sv-close-text"
      onClose={() => onDone(closed.current)}
    >
      <h2 id="sv-close-title">
        <FormattedMessage
          id="surveys.close.title"
          defaultMessage="Close the round {title}?"
          values={{ title: <bdi>{round.title}</bdi> }}
        />
      </h2>
      <p id="sv-close-text">
        <FormattedMessage
          id="surveys.close.text"
          defaultMessage="No more answers will be accepted, and the results become visible to operations and to each supplier's team lead. This cannot be undone."
        />
      </p>
      {refusal && (
        <p role="alert" className="error">
          {surveyRefusalWords(intl, refusal)}
        </p>
      )}
      <div className="actions">
        <button
          type="button"
          onClick={confirm}
          disabled={state.fetching}
          aria-busy={state.fetching}
        >
          <FormattedMessage id="surveys.rounds.close" defaultMessage="Close round" />
        </button>
        <button type="button" className="secondary" onClick={() => dialog.current?.close()}>
          <FormattedMessage id="surveys.close.keepOpen" defaultMessage="Keep it open" />
        </button>
      </div>
    </dialog>
  );
}
