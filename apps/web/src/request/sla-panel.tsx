import { FormattedDate, FormattedMessage, FormattedTime, useIntl } from 'react-intl';
import { formatMinutes } from '../sla/business-duration';
import { ClockView, ReaderSide, SlaClockText, slaTone } from '../sla/sla-clock-text';
import type { HistoryView, SlaView } from './request-types';

const TONE_SYMBOL = { ok: '●', warn: '▲', bad: '✖', idle: '○' } as const;

export function When({ at, sameDayAs }: { at: string; sameDayAs?: string }) {
  // The end of a span on its start's day needs only the time.
  const sameDay = sameDayAs && new Date(at).toDateString() === new Date(sameDayAs).toDateString();
  return (
    <time dateTime={at}>
      {!sameDay && (
        <>
          <FormattedDate value={at} dateStyle="medium" />{' '}
        </>
      )}
      <FormattedTime value={at} />
    </time>
  );
}

interface Pause {
  from: string;
  to: string | null;
}

// Waits on the customer, from the history: the resolution clock pauses during each of them.
export function pausesOf(history: HistoryView[]): Pause[] {
  const pauses: Pause[] = [];
  for (const h of history) {
    if (h.kind !== 'STATUS_CHANGED') continue;
    if (h.to === 'WAITING_ON_CUSTOMER') pauses.push({ from: h.at, to: null });
    else if (h.from === 'WAITING_ON_CUSTOMER' && pauses.length > 0)
      pauses[pauses.length - 1].to = h.at;
  }
  return pauses;
}

function StateWord({ clock }: { clock: ClockView }) {
  switch (clock.state) {
    case 'RUNNING':
      return <FormattedMessage id="request.sla.state.RUNNING" defaultMessage="Running" />;
    case 'PAUSED':
      return <FormattedMessage id="request.sla.state.PAUSED" defaultMessage="Paused" />;
    case 'MET':
      return <FormattedMessage id="request.sla.state.MET" defaultMessage="Met" />;
    case 'BREACHED':
      return <FormattedMessage id="request.sla.state.BREACHED" defaultMessage="Breached" />;
    case 'CANCELLED':
      return <FormattedMessage id="request.sla.state.CANCELLED" defaultMessage="Cancelled" />;
  }
}

function Clock({
  id,
  title,
  clock,
  side,
  waiting,
  pauses,
}: {
  id: string;
  title: string;
  clock: SlaView['firstResponse'];
  side: ReaderSide;
  waiting: boolean;
  pauses: Pause[];
}) {
  const intl = useIntl();
  const tone = slaTone(clock);
  return (
    <div className="rq-clock" aria-labelledby={id} role="group">
      <h3 id={id}>{title}</h3>
      <p className={`sla ${tone}`}>
        <span aria-hidden="true">{TONE_SYMBOL[tone]}</span>
        <span>
          {/* The words of the other states start with the state itself ("paused: …"). */}
          {clock.state === 'RUNNING' && (
            <>
              <StateWord clock={clock} />
              {' · '}
            </>
          )}
          <SlaClockText clock={clock} side={side} waitingOnCustomer={waiting} />
        </span>
      </p>
      <dl className="rq-facts">
        {clock.dueAt && (
          <div>
            <dt>
              <FormattedMessage id="request.sla.due" defaultMessage="Due" />
            </dt>
            <dd>
              <When at={clock.dueAt} />
            </dd>
          </div>
        )}
        <div>
          <dt>
            <FormattedMessage id="request.sla.target" defaultMessage="Target" />
          </dt>
          <dd>
            <FormattedMessage
              id="request.sla.targetValue"
              defaultMessage="{duration} of working time"
              values={{ duration: formatMinutes(clock.targetMinutes, intl.locale) }}
            />
          </dd>
        </div>
        <div>
          <dt>
            <FormattedMessage id="request.sla.elapsed" defaultMessage="Used" />
          </dt>
          <dd>{formatMinutes(clock.elapsedMinutes, intl.locale)}</dd>
        </div>
        {clock.stoppedAt && (
          <div>
            <dt>
              <FormattedMessage id="request.sla.stopped" defaultMessage="Stopped" />
            </dt>
            <dd>
              <When at={clock.stoppedAt} />
            </dd>
          </div>
        )}
        {pauses.length > 0 && (
          <div>
            <dt>
              <FormattedMessage
                id="request.sla.pauses"
                defaultMessage="{count, plural, one {Pause} other {Pauses}}"
                values={{ count: pauses.length }}
              />
            </dt>
            <dd>
              <ul className="rq-pauses">
                {pauses.map((p) => (
                  <li key={p.from}>
                    {p.to ? (
                      <FormattedMessage
                        id="request.sla.pauseClosed"
                        defaultMessage="waiting on the customer from {from} to {to}"
                        values={{
                          from: <When at={p.from} />,
                          to: <When at={p.to} sameDayAs={p.from} />,
                        }}
                      />
                    ) : (
                      <FormattedMessage
                        id="request.sla.pauseOpen"
                        defaultMessage="waiting on the customer since {from}"
                        values={{ from: <When at={p.from} /> }}
                      />
                    )}
                  </li>
                ))}
              </ul>
            </dd>
          </div>
        )}
      </dl>
    </div>
  );
}

// The two clocks in words of business time, never by colour alone.
export function SlaPanel({
  sla,
  loading,
  side,
  waiting,
  history,
}: {
  sla: SlaView | null | undefined;
  loading: boolean;
  side: ReaderSide;
  waiting: boolean;
  history: HistoryView[];
}) {
  const intl = useIntl();
  const label = intl.formatMessage({ id: 'request.sla.title', defaultMessage: 'Service level' });
  return (
    <section className="card rq-sla" aria-label={label}>
      <h2>{label}</h2>
      {sla ? (
        <>
          <Clock
            id="rq-clock-first"
            title={intl.formatMessage({
              id: 'request.sla.firstResponse',
              defaultMessage: 'First response',
            })}
            clock={sla.firstResponse}
            side={side}
            waiting={false}
            pauses={[]}
          />
          <Clock
            id="rq-clock-resolution"
            title={intl.formatMessage({
              id: 'request.sla.resolution',
              defaultMessage: 'Resolution',
            })}
            clock={sla.resolution}
            side={side}
            waiting={waiting}
            pauses={pausesOf(history)}
          />
          <p className="muted rq-small">
            <FormattedMessage
              id="request.sla.policy"
              defaultMessage="Policy: {name}"
              values={{ name: <bdi>{sla.policy.name}</bdi> }}
            />
          </p>
        </>
      ) : (
        <p className="muted">
          {loading ? (
            <FormattedMessage id="request.sla.loading" defaultMessage="Loading the clocks…" />
          ) : (
            <FormattedMessage
              id="request.sla.none"
              defaultMessage="No service level applies to this request."
            />
          )}
        </p>
      )}
    </section>
  );
}
