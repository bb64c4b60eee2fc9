import { FormEvent, ReactElement, useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { useMutation } from 'urql';
import { refusalOf, Refusal } from '../api/errors';
import { OpenRoundMutation } from './surveys-documents';
import { surveyRefusalWords } from './survey-words';

const pad = (n: number) => String(n).padStart(2, '0');
const localDay = (d: Date) => `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
const localMinute = (d: Date) => `${localDay(d)}T${pad(d.getHours())}:${pad(d.getMinutes())}`;

function defaults() {
  const now = new Date();
  const from = new Date(now);
  from.setDate(from.getDate() - 90);
  const closes = new Date(now);
  closes.setDate(closes.getDate() + 7);
  closes.setHours(17, 0, 0, 0);
  return { periodFrom: localDay(from), periodTo: localDay(now), closesAt: localMinute(closes) };
}

type Field = 'title' | 'periodFrom' | 'periodTo' | 'closesAt';
interface InputProps {
  id: string;
  'aria-invalid'?: boolean;
  'aria-describedby'?: string;
}

// Operations open a pulse survey round: every department that filed requests in the period is
// asked (the API invites them itself) to rate each supplier it used.
export function OpenRoundForm({ onOpened }: { onOpened: (title: string) => void }) {
  const intl = useIntl();
  const [title, setTitle] = useState('');
  const [dates, setDates] = useState(defaults);
  const [invalid, setInvalid] = useState<Partial<Record<Field, string>>>({});
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const [state, open] = useMutation(OpenRoundMutation);

  const validate = (): Partial<Record<Field, string>> => {
    const errors: Partial<Record<Field, string>> = {};
    if (!title.trim())
      errors.title = intl.formatMessage({
        id: 'surveys.open.titleMissing',
        defaultMessage: 'Give the round a title.',
      });
    if (!dates.periodFrom)
      errors.periodFrom = intl.formatMessage({
        id: 'surveys.open.dateMissing',
        defaultMessage: 'Choose a date.',
      });
    if (!dates.periodTo)
      errors.periodTo = intl.formatMessage({
        id: 'surveys.open.dateMissing',
        defaultMessage: 'Choose a date.',
      });
    else if (dates.periodFrom && dates.periodTo < dates.periodFrom)
      errors.periodTo = intl.formatMessage({
        id: 'surveys.open.periodBackwards',
        defaultMessage: 'The period cannot end before it starts.',
      });
    if (!dates.closesAt || new Date(dates.closesAt).getTime() <= Date.now())
      errors.closesAt = intl.formatMessage({
        id: 'surveys.open.closesInPast',
        defaultMessage: 'The round must close in the future.',
      });
    return errors;
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setRefusal(null);
    const errors = validate();
    setInvalid(errors);
    if (Object.keys(errors).length > 0) return;
    const result = await open(
      {
        input: {
          title: title.trim(),
          periodFrom: dates.periodFrom,
          periodTo: dates.periodTo,
          closesAt: new Date(dates.closesAt).toISOString(),
        },
      },
      { additionalTypenames: ['SurveyRound', 'SurveyTask'] },
    );
    const refused = refusalOf(result.error);
    if (refused) {
      setRefusal(refused);
      return;
    }
    onOpened(title.trim());
    setTitle('');
    setDates(defaults());
  };

  const field = (id: Field, label: string, input: (props: InputProps) => ReactElement) => (
    <div className="field">
      <label htmlFor={`sv-open-${id}`}>{label}</label>
      {input({
        id: `sv-open-${id}`,
        'aria-invalid': invalid[id] ? true : undefined,
        'aria-describedby': invalid[id] ? `sv-open-${id}-error` : undefined,
      })}
      {invalid[id] && (
        <p id={`sv-open-${id}-error`} className="sv-field-error">
          {invalid[id]}
        </p>
      )}
    </div>
  );

  return (
    <section className="card sv-open" aria-labelledby="sv-open-heading">
      <h2 id="sv-open-heading">
        <FormattedMessage id="surveys.open.title" defaultMessage="Open a survey round" />
      </h2>
      <p className="muted">
        <FormattedMessage
          id="surveys.open.who"
          defaultMessage="Every department that filed requests in the period is invited to rate each supplier department it used. Answers are anonymous."
        />
      </p>
      <form onSubmit={submit} noValidate>
        {field(
          'title',
          intl.formatMessage({ id: 'surveys.open.roundTitle', defaultMessage: 'Round title' }),
          (props) => (
            <input
              {...props}
              type="text"
              dir="auto"
              maxLength={200}
              value={title}
              placeholder={intl.formatMessage({
                id: 'surveys.open.roundTitleExample',
                defaultMessage: 'e.g. How well do we serve each other? (first quarter)',
              })}
              onChange={(e) => setTitle(e.target.value)}
            />
          ),
        )}
        <div className="sv-open-dates">
          {field(
            'periodFrom',
            intl.formatMessage({ id: 'surveys.open.periodFrom', defaultMessage: 'Period from' }),
            (props) => (
              <input
                {...props}
                type="date"
                value={dates.periodFrom}
                onChange={(e) => setDates({ ...dates, periodFrom: e.target.value })}
              />
            ),
          )}
          {field(
            'periodTo',
            intl.formatMessage({ id: 'surveys.open.periodTo', defaultMessage: 'Period to' }),
            (props) => (
              <input
                {...props}
                type="date"
                value={dates.periodTo}
                onChange={(e) => setDates({ ...dates, periodTo: e.target.value })}
              />
            ),
          )}
          {field(
            'closesAt',
            intl.formatMessage({ id: 'surveys.open.closesAt', defaultMessage: 'Closes at' }),
            (props) => (
              <input
                {...props}
                type="datetime-local"
                value={dates.closesAt}
                onChange={(e) => setDates({ ...dates, closesAt: e.target.value })}
              />
            ),
          )}
        </div>
        {refusal && (
          <p role="alert" className="error">
            {surveyRefusalWords(intl, refusal)}
          </p>
        )}
        <div className="actions">
          <button type="submit" disabled={state.fetching} aria-busy={state.fetching}>
            <FormattedMessage id="surveys.open.submit" defaultMessage="Open round" />
          </button>
        </div>
      </form>
    </section>
  );
}
