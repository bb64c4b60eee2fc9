import { formatMinutes } from './business-duration';

describe('formatMinutes', () => {
  it('reads hours and minutes of working time', () => {
    expect(formatMinutes(130, 'en')).toBe('2 hr 10 min');
    expect(formatMinutes(45, 'en')).toBe('45 min');
    expect(formatMinutes(120, 'en')).toBe('2 hr');
    expect(formatMinutes(0, 'en')).toBe('0 min');
  });

  it('shows days only when asked (wall-clock spans)', () => {
    expect(formatMinutes(3 * 1440 + 125, 'en', { days: true })).toBe('3 days 2 hr');
    expect(formatMinutes(3 * 1440 + 125, 'en')).toBe('74 hr 5 min');
  });

  it('ignores the sign (callers say "overdue")', () => {
    expect(formatMinutes(-90, 'en')).toBe('1 hr 30 min');
  });

  it('uses the locale digits', () => {
    expect(formatMinutes(130, 'fa')).toMatch(/۲/);
  });
});
