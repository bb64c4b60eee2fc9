import { FormEvent, useEffect, useRef, useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { useMutation, useQuery } from 'urql';
import { refusalOf, Refusal } from '../api/errors';
import type { SessionUser } from '../auth/session';
import { GiveKudosMutation, RequestKudosQuery } from './kudos-documents';
import { KudosList } from './kudos-list';
import { Candidate, candidatesOf, KudosRequest } from './kudos-candidates';
import { isolate, kudosRefusalWords } from './kudos-words';
import '../styles/kudos.css';

// The request page's kudos: those given for it, and a button Give kudos opening a small form.
export function RequestKudos({ request, user }: { request: KudosRequest; user: SessionUser }) {
  const intl = useIntl();
  const [given] = useQuery({
    query: RequestKudosQuery,
    variables: { id: request.id },
    context: KUDOS_CONTEXT,
  });
  const [opened, setOpened] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const candidates = candidatesOf(intl, request, user);
  const kudos = given.data?.request.kudos ?? [];
  const label = intl.formatMessage({ id: 'kudos.request.title', defaultMessage: 'Kudos' });
  return (
    <section className="card kd-request" aria-labelledby="kd-request-title">
      <h2 id="kd-request-title">{label}</h2>
      {kudos.length > 0 ? (
        <KudosList
          kudos={[...kudos].reverse()}
          label={intl.formatMessage({
            id: 'kudos.request.list',
            defaultMessage: 'Kudos for this request',
          })}
          showRecipient
        />
      ) : (
        <p className="muted">
          <FormattedMessage
            id="kudos.request.none"
            defaultMessage="Nobody has thanked anyone for this request yet."
          />
        </p>
      )}
      <p role="status" className="kd-status" aria-live="polite">
        {done}
      </p>
      {candidates.length > 0 && (
        <button
          type="button"
          className="secondary"
          onClick={() => {
            setDone(null);
            setOpened(true);
          }}
        >
          <span aria-hidden="true">❤ </span>
          <FormattedMessage id="kudos.request.give" defaultMessage="Give kudos" />
        </button>
      )}
      {opened && (
        <KudosDialog
          request={request}
          candidates={candidates}
          onDone={(recipient) => {
            setOpened(false);
            if (recipient)
              setDone(
                intl.formatMessage(
                  { id: 'kudos.given', defaultMessage: 'Kudos sent to {recipient}. Thank you!' },
                  { recipient: isolate(recipient) },
                ),
              );
          }}
        />
      )}
    </section>
  );
}

const KUDOS_CONTEXT = { additionalTypenames: ['Kudos'] };

function KudosDialog({
  request,
  candidates,
  onDone,
}: {
  request: KudosRequest;
  candidates: Candidate[];
  onDone: (recipient: string | null) => void;
}) {
  const intl = useIntl();
  const dialog = useRef<HTMLDialogElement>(null);
  const [to, setTo] = useState(candidates[0]?.key ?? '');
  const [message, setMessage] = useState('');
  const [empty, setEmpty] = useState(false);
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const [state, give] = useMutation(GiveKudosMutation);
  // Closed through close() either way, so the browser puts focus back on Give kudos.
  const sentTo = useRef<string | null>(null);
  useEffect(() => {
    dialog.current?.showModal();
  }, []);
  const candidate = candidates.find((c) => c.key === to);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setRefusal(null);
    setEmpty(!message.trim());
    if (!candidate || !message.trim()) return;
    const result = await give(
      { input: { requestId: request.id, message: message.trim(), ...candidate.input } },
      KUDOS_CONTEXT,
    );
    const refused = refusalOf(result.error);
    if (refused) setRefusal(refused);
    else {
      sentTo.current =
        result.data?.giveKudos.toUser?.name ??
        result.data?.giveKudos.toDepartment?.name ??
        candidate.label;
      dialog.current?.close();
    }
  };
  return (
    <dialog
      ref={dialog}
      className="dialog kd-dialog"
      aria-labelledby="kd-dialog-title"
      onClose={() => onDone(sentTo.current)}
    >
      <h2 id="kd-dialog-title">
        <FormattedMessage
          id="kudos.request.dialogTitle"
          defaultMessage="Give kudos for {number}"
          values={{ number: <bdi>{request.number}</bdi> }}
        />
      </h2>
      <form onSubmit={submit} noValidate>
        <fieldset className="kd-to" role="radiogroup">
          <legend>
            <FormattedMessage id="kudos.request.to" defaultMessage="Thank" />
          </legend>
          {candidates.map((c) => (
            <label key={c.key} className="checkbox">
              <input
                type="radio"
                name="kd-dialog-to"
                value={c.key}
                checked={to === c.key}
                onChange={() => setTo(c.key)}
              />
              {c.label}
            </label>
          ))}
        </fieldset>
        <div className="field">
          <label htmlFor="kd-dialog-message">
            <FormattedMessage id="kudos.give.message" defaultMessage="Message" />
          </label>
          <textarea
            id="kd-dialog-message"
            dir="auto"
            maxLength={500}
            value={message}
            aria-invalid={empty ? true : undefined}
            aria-describedby={empty ? 'kd-dialog-message-error' : undefined}
            onChange={(e) => setMessage(e.target.value)}
          />
          {empty && (
            <p id="kd-dialog-message-error" className="kd-field-error">
              <FormattedMessage
                id="kudos.give.messageMissing"
                defaultMessage="Write a few words of thanks."
              />
            </p>
          )}
        </div>
        {refusal && (
          <p role="alert" className="error">
            {kudosRefusalWords(intl, refusal)}
          </p>
        )}
        <div className="actions">
          <button type="submit" disabled={state.fetching} aria-busy={state.fetching}>
            <FormattedMessage id="kudos.request.send" defaultMessage="Send kudos" />
          </button>
          <button type="button" className="secondary" onClick={() => dialog.current?.close()}>
            <FormattedMessage id="kudos.request.cancel" defaultMessage="Cancel" />
          </button>
        </div>
      </form>
    </dialog>
  );
}
