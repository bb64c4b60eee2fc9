import { isIanaTimeZone } from './time-zone';

describe('isIanaTimeZone', () => {
  it.each(['Europe/London', 'America/Argentina/Buenos_Aires', 'Asia/Kolkata', 'UTC', 'Etc/GMT+5'])(
    'accepts %s',
    (zone) => expect(isIanaTimeZone(zone)).toBe(true),
  );

  it.each([
    'Mars/Olympus',
    '+03:00',
    'GMT+3',
    '',
    'Europe/London; DROP TABLE',
    'x'.repeat(100),
    42,
    null,
  ])('refuses %p', (zone) => expect(isIanaTimeZone(zone)).toBe(false));
});
