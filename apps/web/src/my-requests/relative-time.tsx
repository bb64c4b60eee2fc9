import { FormattedDate, FormattedRelativeTime, useIntl } from 'react-intl';
import { useNow } from '../sla/use-now';

const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['minute', 60],
  ['hour', 24],
  ['day', 7],
];

// "5 minutes ago", "yesterday", else the date; the exact time in the tooltip and datetime.
export function RelativeTime({ iso }: { iso: string }) {
  const intl = useIntl();
  const now = useNow();
  const date = new Date(iso);
  let value = (date.getTime() - now.getTime()) / 60_000;
  let text = null;
  for (const [unit, next] of UNITS) {
    if (Math.abs(value) < next) {
      text = <FormattedRelativeTime value={Math.round(value)} unit={unit} numeric="auto" />;
      break;
    }
    value /= next;
  }
  return (
    <time dateTime={iso} title={intl.formatDate(date, { dateStyle: 'medium', timeStyle: 'short' })}>
      {text ?? <FormattedDate value={date} day="numeric" month="short" year="numeric" />}
    </time>
  );
}
