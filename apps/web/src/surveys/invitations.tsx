import { FormEvent, ReactNode, useEffect, useRef, useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { useMutation } from 'urql';
import { refusalOf, Refusal } from '../api/errors';
import type { SurveysPageTaskFragment } from '../gql/graphql';
import { AnswerSurveyMutation } from './surveys-documents';
import { periodText, surveyRefusalWords } from './survey-words';

type Task = SurveysPageTaskFragment;

// "Your invitations": the suppliers the reader's department is asked to rate in open rounds.
export function Invitations({
  tasks,
  loading,
  onAnswered,
  more,
}: {
  tasks: Task[];
  loading: boolean;
  onAnswered: (task: Task) => void;
  // The list's foot when it has more pages ("Show more invitations").
  more?: ReactNode;
}) {
  const intl = useIntl();
  const [answering, setAnswering] = useState<Task | null>(null);
  const open = tasks.filter((t) => !t.answered).length;
  return (
    <section className="card sv-invitations" aria-labelledby="sv-invitations-title">
      <h2 id="sv-invitations-title">
        <FormattedMessage id="surveys.invitations.title" defaultMessage="Your invitations" />
      </h2>
      {loading && tasks.length === 0 ? (
        <p className="muted" role="status">
          <FormattedMessage id="surveys.invitations.loading" defaultMessage="Loading…" />
        </p>
      ) : tasks.length === 0 ? (
        <p className="muted">
          <FormattedMessage
            id="surveys.invitations.none"
            defaultMessage="No open survey asks your department anything right now."
          />
        </p>
      ) : (
        <>
          <p className="muted">
            <FormattedMessage
              id="surveys.invitations.intro"
              defaultMessage="How well do the departments you used serve you? {count, plural, =0 {You answered everything.} one {# answer left.} other {# answers left.}} Your answers are anonymous."
              values={{ count: open }}
            />
          </p>
          <ul
            className="sv-task-list"
            aria-label={intl.formatMessage({
              id: 'surveys.invitations.title',
              defaultMessage: 'Your invitations',
            })}
          >
            {tasks.map((task) => (
              <li key={`${task.round.id}/${task.supplier.id}`} className="sv-task">
                <div className="sv-task-text">
                  <strong>
                    <bdi>{task.supplier.name}</bdi>
                  </strong>
                  <span className="muted">
                    <bdi>{task.round.title}</bdi>
                    {' · '}
                    <FormattedMessage
                      id="surveys.invitations.closes"
                      defaultMessage="closes {when}"
                      values={{
                        when: intl.formatDate(task.round.closesAt, {
                          dateStyle: 'medium',
                          timeStyle: 'short',
                        }),
                      }}
                    />
                  </span>
                  <span className={task.answered ? 'sv-answered yes' : 'sv-answered no'}>
                    {task.answered ? (
                      <>
                        <span aria-hidden="true">✓ </span>
                        <FormattedMessage
                          id="surveys.invitations.answered"
                          defaultMessage="Answered"
                        />
                      </>
                    ) : (
                      <FormattedMessage
                        id="surveys.invitations.notAnswered"
                        defaultMessage="Not answered yet"
                      />
                    )}
                  </span>
                </div>
                <button
                  type="button"
                  className={task.answered ? 'secondary' : undefined}
                  onClick={() => setAnswering(task)}
                >
                  {task.answered ? (
                    <FormattedMessage id="surveys.answer.change" defaultMessage="Change answer" />
                  ) : (
                    <FormattedMessage id="surveys.answer.open" defaultMessage="Answer survey" />
                  )}
                  <span className="sv-sr-only">
                    {' '}
                    <bdi>{task.supplier.name}</bdi>
                  </span>
                </button>
              </li>
            ))}
          </ul>
          {more}
        </>
      )}
      {answering && (
        <AnswerDialog
          task={answering}
          onDone={(answered) => {
            setAnswering(null);
            if (answered) onAnswered(answering);
          }}
        />
      )}
    </section>
  );
}

function AnswerDialog({ task, onDone }: { task: Task; onDone: (answered: boolean) => void }) {
  const intl = useIntl();
  const dialog = useRef<HTMLDialogElement>(null);
  const [score, setScore] = useState<number | null>(null);
  const [recommend, setRecommend] = useState<number | null>(null);
  const [comment, setComment] = useState('');
  const [missing, setMissing] = useState<{ score?: boolean; recommend?: boolean }>({});
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const [state, answer] = useMutation(AnswerSurveyMutation);
  // Closed through close() either way, so the browser puts focus back on the opening button.
  const answered = useRef(false);
  useEffect(() => {
    dialog.current?.showModal();
  }, []);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setRefusal(null);
    const gaps = { score: score === null, recommend: recommend === null };
    setMissing(gaps);
    if (score === null || recommend === null) return;
    const result = await answer({
      input: {
        roundId: task.round.id,
        supplierId: task.supplier.id,
        score,
        recommend,
        comment: comment.trim() || null,
      },
    });
    const refused = refusalOf(result.error);
    if (refused) setRefusal(refused);
    else {
      answered.current = true;
      dialog.current?.close();
    }
  };

  return (
    <dialog
      ref={dialog}
      className="dialog sv-answer"
      aria-labelledby="sv-answer-title"
      onClose={() => onDone(answered.current)}
    >
      <h2 id="sv-answer-title">
        <FormattedMessage
          id="surveys.answer.title"
          defaultMessage="How well does {supplier} serve your department?"
          values={{ supplier: <bdi>{task.supplier.name}</bdi> }}
        />
      </h2>
      <p className="muted">
        <FormattedMessage
          id="surveys.answer.about"
          defaultMessage="{round}: requests of {period}. Only groups of at least {count} answers are ever shown, without names."
          values={{
            round: <bdi>{task.round.title}</bdi>,
            period: periodText(intl, task.round.periodFrom, task.round.periodTo),
            count: intl.formatNumber(task.round.minAnswers),
          }}
        />
      </p>
      <form onSubmit={submit} noValidate>
        <fieldset
          role="radiogroup"
          className="sv-scale"
          aria-invalid={missing.score ? true : undefined}
          aria-describedby={missing.score ? 'sv-answer-score-error' : undefined}
        >
          <legend>
            <FormattedMessage id="surveys.answer.score" defaultMessage="Score" />
          </legend>
          {[1, 2, 3, 4, 5].map((n) => (
            <label key={n} className={score !== null && n <= score ? 'on' : undefined}>
              <input
                type="radio"
                name="sv-answer-score"
                value={n}
                checked={score === n}
                onChange={() => setScore(n)}
              />
              <span aria-hidden="true" className="sv-star">
                ★
              </span>
              <FormattedMessage
                id="surveys.answer.stars"
                defaultMessage="{n, plural, one {# star} other {# stars}}"
                values={{ n }}
              />
            </label>
          ))}
          {missing.score && (
            <p id="sv-answer-score-error" className="sv-field-error">
              <FormattedMessage id="surveys.answer.scoreMissing" defaultMessage="Choose a score." />
            </p>
          )}
        </fieldset>
        <fieldset
          role="radiogroup"
          className="sv-scale sv-scale-10"
          aria-invalid={missing.recommend ? true : undefined}
          aria-describedby={
            missing.recommend
              ? 'sv-answer-recommend-error sv-answer-recommend-hint'
              : 'sv-answer-recommend-hint'
          }
        >
          <legend>
            <FormattedMessage
              id="surveys.answer.recommend"
              defaultMessage="Would you recommend them to a colleague?"
            />
          </legend>
          <p id="sv-answer-recommend-hint" className="muted sv-hint">
            <FormattedMessage
              id="surveys.answer.recommendHint"
              defaultMessage="0: not at all, 10: certainly"
            />
          </p>
          {Array.from({ length: 11 }, (_, n) => (
            <label key={n}>
              <input
                type="radio"
                name="sv-answer-recommend"
                value={n}
                checked={recommend === n}
                onChange={() => setRecommend(n)}
              />
              {intl.formatNumber(n)}
            </label>
          ))}
          {missing.recommend && (
            <p id="sv-answer-recommend-error" className="sv-field-error">
              <FormattedMessage
                id="surveys.answer.recommendMissing"
                defaultMessage="Choose a number from 0 to 10."
              />
            </p>
          )}
        </fieldset>
        <div className="field">
          <label htmlFor="sv-answer-comment">
            <FormattedMessage id="surveys.answer.comment" defaultMessage="Comment" />
          </label>
          <textarea
            id="sv-answer-comment"
            dir="auto"
            maxLength={2000}
            value={comment}
            onChange={(e) => setComment(e.target.value)}
          />
        </div>
        {refusal && (
          <p role="alert" className="error">
            {surveyRefusalWords(intl, refusal)}
          </p>
        )}
        <div className="actions">
          <button type="submit" disabled={state.fetching} aria-busy={state.fetching}>
            <FormattedMessage id="surveys.answer.submit" defaultMessage="Send answer" />
          </button>
          <button type="button" className="secondary" onClick={() => dialog.current?.close()}>
            <FormattedMessage id="surveys.answer.cancel" defaultMessage="Cancel" />
          </button>
        </div>
      </form>
    </dialog>
  );
}
