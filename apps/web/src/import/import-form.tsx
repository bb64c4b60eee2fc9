import { FormEvent, ReactNode, useEffect, useId, useRef, useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { settingsRefusalWords } from '../settings/settings-feedback';
import { announceImport } from './import-events';
import {
  ImportKind,
  ImportProgress,
  ImportRefusal,
  ImportResult,
  uploadImport,
} from './upload-import';

type State =
  | { step: 'idle' }
  | { step: 'running'; progress: ImportProgress | null }
  | { step: 'done'; result: ImportResult }
  | { step: 'refused'; refusal: ImportRefusal };

// One import file: its own form (named by its heading, so each has one button "Import"), a
// progress bar while it runs, then a summary (status) or every bad line by number (alert).
export function ImportForm({
  kind,
  heading,
  fileLabel,
  hint,
  accept,
  summary,
}: {
  kind: ImportKind;
  heading: ReactNode;
  fileLabel: string;
  hint: ReactNode;
  accept: string;
  summary: (result: ImportResult) => string;
}) {
  const intl = useIntl();
  const id = useId();
  const [file, setFile] = useState<File | null>(null);
  const [missing, setMissing] = useState(false);
  const [state, setState] = useState<State>({ step: 'idle' });
  const abort = useRef<(() => void) | null>(null);
  // Leaving the page cancels a running import (the server rolls it back).
  useEffect(() => () => abort.current?.(), []);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (state.step === 'running') return;
    if (!file) {
      setMissing(true);
      return;
    }
    setState({ step: 'running', progress: null });
    const upload = uploadImport(kind, file, (progress) => setState({ step: 'running', progress }));
    abort.current = upload.abort;
    const outcome = await upload.done;
    abort.current = null;
    if ('result' in outcome && outcome.result.ok) announceImport(kind);
    setState(
      'result' in outcome
        ? { step: 'done', result: outcome.result }
        : { step: 'refused', refusal: outcome.refusal },
    );
  };

  const running = state.step === 'running';
  return (
    <form
      className="import-form card"
      aria-labelledby={`${id}-heading`}
      onSubmit={submit}
      noValidate
    >
      <h3 id={`${id}-heading`}>{heading}</h3>
      <div className="field">
        <label htmlFor={`${id}-file`}>{fileLabel}</label>
        <input
          id={`${id}-file`}
          type="file"
          accept={accept}
          disabled={running}
          aria-invalid={missing || undefined}
          aria-describedby={`${id}-hint${missing ? ` ${id}-missing` : ''}`}
          onChange={(e) => {
            setFile(e.currentTarget.files?.[0] ?? null);
            setMissing(false);
            if (state.step !== 'running') setState({ step: 'idle' });
          }}
        />
        <p id={`${id}-hint`} className="muted import-hint">
          {hint}
        </p>
        {missing ? (
          <p id={`${id}-missing`} className="field-error">
            <span aria-hidden="true">⚠ </span>
            <FormattedMessage
              id="settings.import.chooseFile"
              defaultMessage="Choose a file first."
            />
          </p>
        ) : null}
      </div>
      <div className="actions">
        <button type="submit" aria-disabled={running || undefined}>
          <FormattedMessage id="settings.import.submit" defaultMessage="Import" />
        </button>
      </div>
      {running ? <ImportProgressBar progress={state.progress} /> : null}
      <p role="status" className="settings-status import-summary">
        {state.step === 'done' && state.result.ok ? (
          <>
            <span aria-hidden="true">✓ </span>
            {summary(state.result)}
          </>
        ) : null}
      </p>
      {state.step === 'done' && !state.result.ok ? <BadLines result={state.result} /> : null}
      {state.step === 'refused' ? (
        <div role="alert" className="error import-alert">
          <span aria-hidden="true">⚠ </span>
          {refusalWords(intl, state.refusal)}
        </div>
      ) : null}
    </form>
  );
}

function ImportProgressBar({ progress }: { progress: ImportProgress | null }) {
  const intl = useIntl();
  const percent = (part: number, whole: number) =>
    intl.formatNumber(whole > 0 ? Math.min(1, part / whole) : 0, {
      style: 'percent',
      maximumFractionDigits: 0,
    });
  let value: number | undefined;
  let max: number;
  let text: string;
  if (!progress || progress.phase === 'sending') {
    const sent = progress?.sent ?? 0;
    const total = progress?.total ?? 0;
    value = total > 0 ? sent : undefined;
    max = Math.max(total, 1);
    text = intl.formatMessage(
      { id: 'settings.import.sending', defaultMessage: 'Sending the file: {percent}' },
      { percent: percent(sent, total) },
    );
  } else {
    value = progress.bytes;
    max = Math.max(progress.totalBytes, 1);
    text = intl.formatMessage(
      {
        id: 'settings.import.importing',
        defaultMessage:
          '{lines, plural, one {# line} other {# lines}} checked and imported: {percent}',
      },
      { lines: progress.lines, percent: percent(progress.bytes, progress.totalBytes) },
    );
  }
  return (
    <div className="import-progress">
      <progress
        value={value}
        max={max}
        aria-label={intl.formatMessage({
          id: 'settings.import.progress',
          defaultMessage: 'Import progress',
        })}
        aria-valuetext={text}
      />
      <span aria-hidden="true">{text}</span>
    </div>
  );
}

function BadLines({ result }: { result: ImportResult }) {
  const intl = useIntl();
  return (
    <div role="alert" className="error import-alert">
      <p>
        <span aria-hidden="true">⚠ </span>
        <FormattedMessage
          id="settings.import.refused"
          defaultMessage="Nothing was changed: {count, plural, one {# bad line} other {# bad lines}}. Fix {count, plural, one {it} other {them}} and import the file again."
          values={{ count: result.errorCount }}
        />
      </p>
      <ul className="import-bad-lines">
        {result.errors.map((e) => (
          <li key={e.line}>
            <FormattedMessage
              id="settings.import.badLine"
              defaultMessage="Line {line}: {message}"
              values={{ line: e.line, message: <bdi dir="ltr">{e.message}</bdi> }}
            />
          </li>
        ))}
      </ul>
      {result.errorCount > result.errors.length ? (
        <p>
          {intl.formatMessage(
            {
              id: 'settings.import.firstOnly',
              defaultMessage: 'These are the first {shown} of {count} bad lines.',
            },
            {
              shown: intl.formatNumber(result.errors.length),
              count: intl.formatNumber(result.errorCount),
            },
          )}
        </p>
      ) : null}
    </div>
  );
}

function refusalWords(intl: ReturnType<typeof useIntl>, refusal: ImportRefusal): string {
  switch (refusal.code) {
    case 'PAYLOAD_TOO_LARGE':
      return intl.formatMessage({
        id: 'settings.import.tooLarge',
        defaultMessage: 'The file is too large to import; nothing was changed.',
      });
    case 'TOO_MANY_REQUESTS':
      return intl.formatMessage({
        id: 'settings.import.busy',
        defaultMessage: 'Another import is running. Try again when it has finished.',
      });
    case 'ABORTED':
      return intl.formatMessage({
        id: 'settings.import.aborted',
        defaultMessage: 'The import was cancelled; nothing was changed.',
      });
    case 'UNAUTHENTICATED':
      return intl.formatMessage({
        id: 'settings.import.signedOut',
        defaultMessage: 'Your session has ended. Sign in again and import the file again.',
      });
    default:
      return settingsRefusalWords(intl, { ...refusal, extensions: {} });
  }
}
