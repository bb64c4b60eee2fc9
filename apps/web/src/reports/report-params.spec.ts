import {
  csvHref,
  hasReportFilters,
  queueHref,
  readReportView,
  startOfDay,
  toGrouping,
  toReportFilter,
  writeReportView,
} from './report-params';

const params = (search: string) => new URLSearchParams(search);

describe('the reports view in the URL', () => {
  it('with no params: everything, by supplier, months', () => {
    const view = readReportView(params(''));
    expect(view).toMatchObject({ group: 'SUPPLIER', period: 'MONTH', from: '', to: '' });
    expect(hasReportFilters(view)).toBe(false);
    expect(toReportFilter(view, 'Europe/London')).toEqual({});
    expect(writeReportView(view).toString()).toBe('');
  });

  it('round-trips every filter, the grouping and the period; drops what it cannot read', () => {
    const search =
      'from=2026-11-01&to=2026-11-30&supplier=it&customer=hr&service=s1&priority=P1&relationship=VERTICAL&group=PERIOD&period=WEEK';
    const view = readReportView(params(search));
    expect(writeReportView(view).toString()).toBe(search);
    expect(readReportView(params('from=nope&priority=P9&group=X&period=YEAR'))).toMatchObject({
      from: '',
      priority: '',
      group: 'SUPPLIER',
      period: 'MONTH',
    });
  });

  it('dates are the organisation’s local days, To included', () => {
    const view = readReportView(params('from=2026-03-01&to=2026-03-31&supplier=it'));
    // London: GMT in early March, BST (UTC+1) from 29 March.
    expect(toReportFilter(view, 'Europe/London')).toEqual({
      from: '2026-03-01T00:00:00.000Z',
      to: '2026-03-31T23:00:00.000Z',
      supplierIds: ['it'],
    });
    expect(startOfDay('2026-07-01', 'Asia/Tehran')).toBe('2026-06-30T20:30:00.000Z');
    expect(startOfDay('2026-01-01', 'UTC')).toBe('2026-01-01T00:00:00.000Z');
    expect(startOfDay('2026-11-01', 'America/New_York')).toBe('2026-11-01T04:00:00.000Z');
  });

  it('asks the API for a period length only when grouped by period', () => {
    expect(toGrouping(readReportView(params('period=WEEK')))).toEqual({
      groupBy: ['SUPPLIER'],
      period: null,
    });
    expect(toGrouping(readReportView(params('group=PERIOD&period=DAY')))).toEqual({
      groupBy: ['PERIOD'],
      period: 'DAY',
    });
  });

  it('downloads carry exactly the filters on screen', () => {
    const view = readReportView(params('from=2026-11-01&to=2026-11-30&supplier=it&priority=P2'));
    const filter = toReportFilter(view, 'UTC');
    expect(csvHref('sla', filter, view)).toBe(
      '/reports/sla.csv?from=2026-11-01T00%3A00%3A00.000Z&to=2026-12-01T00%3A00%3A00.000Z&supplierIds=it&priorities=P2&groupBy=SUPPLIER',
    );
    expect(csvHref('trend', filter, view)).toContain('period=MONTH');
    expect(csvHref('requests', {}, view)).toBe('/reports/requests.csv');
    expect(queueHref('hr', 'it', filter, view)).toBe(
      '/queue?status=&customer=hr&supplier=it&from=2026-11-01T00%3A00%3A00.000Z&to=2026-12-01T00%3A00%3A00.000Z&priority=P2',
    );
  });
});
