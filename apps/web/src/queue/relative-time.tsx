import { FormattedRelativeTime, useIntl } from 'react-intl';
import { useNow } from '../sla/use-now';

type Unit = 'second' | 'minute' | 'hour' | 'day' | 'week' | 'month' | 'year';

// The largest unit that still reads naturally ("3 hours ago", "yesterday", "2 weeks ago").
function bestUnit(seconds: number): { value: number; unit: Unit } {
  const abs = Math.abs(seconds);
  const steps: [Unit, number][] = [
    ['year', 365 * 86400],
    ['month', 30 * 86400],
    ['week', 7 * 86400],
    ['day', 86400],
    ['hour', 3600],
    ['minute', 60],
  ];
  for (const [unit, size] of steps)
    if (abs >= size) return { value: Math.round(seconds / size), unit };
  return { value: 0, unit: 'minute' };
}

// A time as "3 hours ago" in the reader's language, with the full date and time on hover and
// in the <time> element for assistive technology.
export function RelativeTime({ at }: { at: string }) {
  const intl = useIntl();
  const now = useNow();
  const { value, unit } = bestUnit((new Date(at).getTime() - now.getTime()) / 1000);
  const full = intl.formatDate(at, { dateStyle: 'medium', timeStyle: 'short' });
  return (
    <time dateTime={at} title={full}>
      <FormattedRelativeTime value={value} unit={unit} numeric="auto" />
    </time>
  );
}
