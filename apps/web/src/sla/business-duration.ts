type Unit = 'day' | 'hour' | 'minute';

// Building an Intl.NumberFormat costs far more than using one, and a queue of 50 rows formats
// hundreds of durations: one formatter per locale and unit.
const formats = new Map<string, Intl.NumberFormat>();
function unitFormat(locale: string, unit: Unit): Intl.NumberFormat {
  const key = `${locale}:${unit}`;
  let format = formats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locale, { style: 'unit', unit, unitDisplay: 'short' });
    formats.set(key, format);
  }
  return format;
}

// Business minutes in words, in the reader's locale: "2 h 10 min", "3 d 4 h" (a working day is
// not 24 hours, so days are shown only for spans of wall-clock time such as "breached 3 d ago").
export function formatMinutes(
  totalMinutes: number,
  locale: string,
  options: { days?: boolean } = {},
): string {
  const minutes = Math.max(0, Math.round(Math.abs(totalMinutes)));
  const unit = (value: number, name: Unit) => unitFormat(locale, name).format(value);
  const days = options.days ? Math.floor(minutes / 1440) : 0;
  const hours = Math.floor((minutes - days * 1440) / 60);
  const rest = minutes % 60;
  const parts: string[] = [];
  if (days > 0) parts.push(unit(days, 'day'));
  if (hours > 0) parts.push(unit(hours, 'hour'));
  // Minutes matter less once days are shown.
  if ((rest > 0 && days === 0) || parts.length === 0) parts.push(unit(rest, 'minute'));
  return parts.join(' ');
}

// Wall-clock minutes between two instants (for "breached 3 h ago").
export function minutesBetween(from: string | Date, to: Date): number {
  return (to.getTime() - new Date(from).getTime()) / 60_000;
}
