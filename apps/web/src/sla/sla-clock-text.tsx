import { FormattedMessage, useIntl } from 'react-intl';
import { formatMinutes, minutesBetween } from './business-duration';
import { useNow } from './use-now';

export interface ClockView {
  state: 'RUNNING' | 'PAUSED' | 'MET' | 'BREACHED' | 'CANCELLED';
  targetMinutes: number;
  elapsedMinutes: number;
  remainingMinutes: number;
  dueAt?: string | null;
  breachedAt?: string | null;
  // False while a running clock's calendar is outside working hours (when the API says so).
  countingNow?: boolean | null;
}

// Which side of the request the reader is on, for "waiting on you" versus "on the customer".
export type ReaderSide = 'customer' | 'supplier' | 'neither';

// An SLA clock in words of business time, never by colour alone: "due in 2 h 10 min of working
// time", "breached 3 h ago", "paused: waiting on you".
export function SlaClockText({
  clock,
  side,
  waitingOnCustomer,
}: {
  clock: ClockView;
  side: ReaderSide;
  waitingOnCustomer: boolean;
}) {
  const intl = useIntl();
  const now = useNow();
  const working = (m: number) => formatMinutes(m, intl.locale);
  const wall = (m: number) => formatMinutes(m, intl.locale, { days: true });
  switch (clock.state) {
    case 'RUNNING':
      if (clock.remainingMinutes < 0)
        return (
          <FormattedMessage
            id="sla.overdue"
            defaultMessage="overdue by {duration} of working time"
            values={{ duration: working(clock.remainingMinutes) }}
          />
        );
      return (
        <>
          <FormattedMessage
            id="sla.dueIn"
            defaultMessage="due in {duration} of working time"
            values={{ duration: working(clock.remainingMinutes) }}
          />
          {clock.countingNow === false && (
            <>
              {' '}
              <FormattedMessage
                id="sla.notCountingNow"
                defaultMessage="(not counting now: outside working hours)"
              />
            </>
          )}
        </>
      );
    case 'BREACHED':
      return clock.breachedAt ? (
        <FormattedMessage
          id="sla.breachedAgo"
          defaultMessage="breached {duration} ago"
          values={{ duration: wall(minutesBetween(clock.breachedAt, now)) }}
        />
      ) : (
        <FormattedMessage id="sla.breached" defaultMessage="breached" />
      );
    case 'PAUSED':
      if (waitingOnCustomer && side === 'customer')
        return <FormattedMessage id="sla.pausedOnYou" defaultMessage="paused: waiting on you" />;
      if (waitingOnCustomer)
        return (
          <FormattedMessage
            id="sla.pausedOnCustomer"
            defaultMessage="paused: waiting on the customer"
          />
        );
      return <FormattedMessage id="sla.paused" defaultMessage="paused" />;
    case 'MET':
      return (
        <FormattedMessage
          id="sla.met"
          defaultMessage="met in {elapsed} of {target} working time"
          values={{ elapsed: working(clock.elapsedMinutes), target: working(clock.targetMinutes) }}
        />
      );
    case 'CANCELLED':
      return <FormattedMessage id="sla.cancelled" defaultMessage="cancelled" />;
  }
}

// A state marker that does not rely on colour: a symbol plus the class for its colour.
export function slaTone(clock: ClockView): 'ok' | 'warn' | 'bad' | 'idle' {
  if (clock.state === 'BREACHED' || (clock.state === 'RUNNING' && clock.remainingMinutes < 0))
    return 'bad';
  if (clock.state === 'RUNNING' && clock.remainingMinutes <= clock.targetMinutes * 0.2)
    return 'warn';
  if (clock.state === 'RUNNING' || clock.state === 'MET') return 'ok';
  return 'idle';
}
