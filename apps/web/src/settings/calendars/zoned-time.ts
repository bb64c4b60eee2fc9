const HOUR = 3_600_000;

// A wall-clock time in an IANA zone to an instant, with Intl only (no time zone library):
// the zone's offset at a guess, corrected once (a time in a spring-forward gap moves forward).
function offsetMs(instant: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(new Date(instant));
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  const asUtc = Date.UTC(
    get('year'),
    get('month') - 1,
    get('day'),
    get('hour'),
    get('minute'),
    get('second'),
  );
  return asUtc - Math.floor(instant / 1000) * 1000;
}

// "2026-12-07T22:30" in timeZone to a Date; null when not a valid date-time or zone. As the API
// (java.time / Temporal "compatible"): a time in a spring-forward gap moves forward by the gap,
// an ambiguous fall-back time takes the earlier offset.
export function zonedToInstant(local: string, timeZone: string): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/.exec(local);
  if (!m) return null;
  const wall = Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4], +m[5]);
  try {
    const before = offsetMs(wall - 12 * HOUR, timeZone);
    const after = offsetMs(wall + 12 * HOUR, timeZone);
    const fits = (offset: number) => offsetMs(wall - offset, timeZone) === offset;
    // Both fit: ambiguous, the earlier instant. Neither: a gap, the offset before it.
    if (fits(before)) return new Date(wall - before);
    if (fits(after)) return new Date(wall - after);
    return new Date(wall - before);
  } catch {
    return null;
  }
}

export function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return zone.length > 0;
  } catch {
    return false;
  }
}

export function timeZones(): string[] {
  const intl = Intl as unknown as { supportedValuesOf?: (key: string) => string[] };
  return intl.supportedValuesOf?.('timeZone') ?? ['UTC'];
}
