import { emptyWeek, fromApi, isOvernight, shiftError, toApi } from './week-model';

describe('the week editor model', () => {
  it('splits an overnight shift at midnight and joins it back', () => {
    const week = emptyWeek();
    week.MONDAY = [
      { start: '08:00', end: '12:00' },
      { start: '22:00', end: '06:00' },
    ];
    week.SUNDAY = [{ start: '20:00', end: '02:00' }];
    const api = toApi(week);
    expect(api).toEqual([
      { day: 'MONDAY', start: '08:00', end: '12:00' },
      { day: 'MONDAY', start: '22:00', end: '24:00' },
      { day: 'TUESDAY', start: '00:00', end: '06:00' },
      { day: 'SUNDAY', start: '20:00', end: '24:00' },
      { day: 'MONDAY', start: '00:00', end: '02:00' },
    ]);
    const back = fromApi(api);
    expect(back.MONDAY).toEqual(week.MONDAY);
    expect(back.SUNDAY).toEqual(week.SUNDAY);
    expect(back.TUESDAY).toEqual([]);
    expect(isOvernight({ start: '22:00', end: '06:00' })).toBe(true);
    expect(isOvernight({ start: '09:00', end: '17:00' })).toBe(false);
  });

  it('keeps a shift until midnight and a whole day', () => {
    const week = emptyWeek();
    week.FRIDAY = [{ start: '18:00', end: '00:00' }];
    week.SATURDAY = [{ start: '00:00', end: '00:00' }];
    expect(toApi(week)).toEqual([
      { day: 'FRIDAY', start: '18:00', end: '24:00' },
      { day: 'SATURDAY', start: '00:00', end: '24:00' },
    ]);
    expect(fromApi(toApi(week))).toEqual(week);
  });

  it('says what is wrong with a shift', () => {
    expect(shiftError({ start: '9', end: '17:00' })).toBe('start');
    expect(shiftError({ start: '09:00', end: '' })).toBe('end');
    expect(shiftError({ start: '09:00', end: '09:00' })).toBe('empty');
    expect(shiftError({ start: '09:00', end: '17:00' })).toBeNull();
  });
});
