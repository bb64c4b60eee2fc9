import { isTimeZone, zonedToInstant } from './zoned-time';

describe('a wall-clock time in a zone to an instant', () => {
  it('reads the time in the given zone, either side of a DST change', () => {
    expect(zonedToInstant('2026-12-07T21:00', 'UTC')?.toISOString()).toBe(
      '2026-12-07T21:00:00.000Z',
    );
    expect(zonedToInstant('2026-07-01T09:00', 'Europe/Rome')?.toISOString()).toBe(
      '2026-07-01T07:00:00.000Z',
    );
    expect(zonedToInstant('2026-12-01T09:00', 'Asia/Tehran')?.toISOString()).toBe(
      '2026-12-01T05:30:00.000Z',
    );
  });

  it('moves a time in a spring-forward gap forward by the gap', () => {
    // Europe/London skips 01:00-02:00 on 29 March 2026: 01:30 is 02:30 BST, 01:30 UTC.
    expect(zonedToInstant('2026-03-29T01:30', 'Europe/London')?.toISOString()).toBe(
      '2026-03-29T01:30:00.000Z',
    );
  });

  it('takes the earlier offset for an ambiguous fall-back time', () => {
    // 01:30 happens twice in London on 25 October 2026: first at BST, 00:30 UTC.
    expect(zonedToInstant('2026-10-25T01:30', 'Europe/London')?.toISOString()).toBe(
      '2026-10-25T00:30:00.000Z',
    );
  });

  it('refuses what is not a date-time or a zone', () => {
    expect(zonedToInstant('', 'UTC')).toBeNull();
    expect(zonedToInstant('2026-12-07T21:00', 'Mars/Olympus')).toBeNull();
    expect(isTimeZone('Europe/Rome')).toBe(true);
    expect(isTimeZone('Mars/Olympus')).toBe(false);
  });
});
