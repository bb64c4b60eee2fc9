import {
  currentTargets,
  minutesOf,
  simulationVariables,
  validateWhatIf,
  WhatIfForm,
} from './what-if-form';

const empty = { firstResponse: { hours: '', minutes: '' }, resolution: { hours: '', minutes: '' } };
const form = (over: Partial<WhatIfForm> = {}): WhatIfForm => ({
  supplierId: 'it',
  targets: {
    P1: { firstResponse: { hours: '1', minutes: '' }, resolution: { hours: '4', minutes: '30' } },
    P2: empty,
    P3: empty,
    P4: empty,
  },
  calendar: 'AS_RAN',
  calendarId: '',
  from: '2026-01-01',
  to: '2026-03-31',
  ...over,
});

describe('what-if form', () => {
  it('reads hours and minutes', () => {
    expect(minutesOf({ hours: '4', minutes: '30' })).toBe(270);
    expect(minutesOf({ hours: '', minutes: '' })).toBeNull();
    expect(minutesOf({ hours: '1', minutes: '75' })).toBeNaN();
    expect(minutesOf({ hours: '0', minutes: '0' })).toBeNaN();
    expect(minutesOf({ hours: '1.5', minutes: '' })).toBeNaN();
  });

  it('validates the proposal', () => {
    expect(validateWhatIf(form())).toEqual({});
    expect(validateWhatIf(form({ supplierId: '' })).supplier).toBe('supplierRequired');
    expect(
      validateWhatIf(form({ targets: { P1: empty, P2: empty, P3: empty, P4: empty } })).targets,
    ).toBe('noTargets');
    expect(
      validateWhatIf(
        form({
          targets: {
            P1: {
              firstResponse: { hours: '1', minutes: '' },
              resolution: { hours: '', minutes: '' },
            },
            P2: empty,
            P3: empty,
            P4: empty,
          },
        }),
      )['P1.resolution'],
    ).toBe('resolutionRequired');
    expect(validateWhatIf(form({ calendar: 'ONE' })).calendarId).toBe('calendarRequired');
    expect(validateWhatIf(form({ to: '2025-12-31' })).to).toBe('toBeforeFrom');
  });

  it('builds one simulation per proposed priority, To included', () => {
    const v = simulationVariables(form({ calendar: 'BOTH' }));
    expect(v.with1).toBe(true);
    expect(v.with2).toBe(false);
    expect(v.p1.policy).toEqual({
      firstResponseMinutes: 60,
      resolutionMinutes: 270,
      calendarId: null,
      calendarMode: 'BOTH',
    });
    expect(v.p1.filter).toMatchObject({
      priorities: ['P1'],
      supplierIds: ['it'],
      to: '2026-04-01T00:00:00.000Z',
    });
  });

  it('starts from the supplier’s general policies', () => {
    const targets = currentTargets(
      [
        { priority: null, supplierId: null, firstResponseMinutes: 120, resolutionMinutes: 960 },
        { priority: 'P1', supplierId: 'it', firstResponseMinutes: 15, resolutionMinutes: 90 },
        {
          priority: 'P1',
          supplierId: 'it',
          serviceId: 's',
          firstResponseMinutes: 5,
          resolutionMinutes: 10,
        },
      ],
      'it',
    );
    expect(targets.P1.resolution).toEqual({ hours: '1', minutes: '30' });
    expect(targets.P2.resolution).toEqual({ hours: '16', minutes: '0' });
  });
});
