import {
  clearedParams,
  hasFilters,
  OPEN_STATUSES,
  readView,
  toRequestFilter,
  toRequestOrder,
  writeView,
} from './queue-params';

const agent = { id: 'u1', queueDepartmentId: 'it' };
const ops = { id: 'o1', queueDepartmentId: null };
const params = (search: string) => new URLSearchParams(search);

describe('the queue view in the URL', () => {
  it('with no params: the open statuses of the caller department, newest first', () => {
    const view = readView(params(''));
    expect(view.statuses).toEqual(OPEN_STATUSES);
    expect(view.defaultStatuses).toBe(true);
    expect(hasFilters(view)).toBe(false);
    expect(toRequestFilter(view, agent)).toEqual({
      supplierIds: ['it'],
      statuses: OPEN_STATUSES,
    });
    expect(toRequestOrder(view)).toEqual({ field: 'CREATED_AT', direction: 'DESC' });
  });

  it('operations see every supplier unless they pick one', () => {
    expect(toRequestFilter(readView(params('')), ops).supplierIds).toBeUndefined();
    expect(toRequestFilter(readView(params('supplier=hr')), ops).supplierIds).toEqual(['hr']);
    // An agent's queue is always their department's, whatever the link says.
    expect(toRequestFilter(readView(params('supplier=hr')), agent).supplierIds).toEqual(['it']);
  });

  it('an empty status means any status; unknown values are dropped, order is canonical', () => {
    expect(toRequestFilter(readView(params('status=')), agent).statuses).toBeUndefined();
    expect(readView(params('status=RESOLVED,bogus,NEW')).statuses).toEqual(['NEW', 'RESOLVED']);
    expect(readView(params('priority=P3,P1,P9')).priorities).toEqual(['P1', 'P3']);
  });

  it('assignee: Mine is the caller, Unassigned the flag, else a person', () => {
    expect(toRequestFilter(readView(params('assignee=mine')), agent).assigneeIds).toEqual(['u1']);
    expect(toRequestFilter(readView(params('assignee=unassigned')), agent)).toMatchObject({
      unassigned: true,
    });
    expect(toRequestFilter(readView(params('assignee=u7')), agent).assigneeIds).toEqual(['u7']);
  });

  it('round-trips a change and leaves defaults out of the URL', () => {
    const start = params('');
    const changed = writeView(start, {
      statuses: ['NEW', 'RESOLVED'],
      priorities: ['P1'],
      assignee: 'mine',
      text: '  laptop ',
      sort: 'priority',
    });
    expect(changed.toString()).toBe(
      'status=NEW%2CRESOLVED&priority=P1&assignee=mine&q=laptop&sort=priority',
    );
    const view = readView(changed);
    expect(view).toMatchObject({ text: 'laptop', sort: 'priority', dir: 'asc' });
    expect(toRequestOrder(view)).toEqual({ field: 'PRIORITY', direction: 'ASC' });
    // Back to the open statuses: the param goes away again.
    expect(writeView(changed, { statuses: [...OPEN_STATUSES] }).has('status')).toBe(false);
  });

  it('any change but the page goes back to the first page; clearing keeps the sort', () => {
    const paged = writeView(params('sort=number'), { after: 'abc' });
    expect(paged.get('after')).toBe('abc');
    expect(writeView(paged, { priorities: ['P2'] }).has('after')).toBe(false);
    const cleared = clearedParams(params('q=x&assignee=mine&sort=number&dir=asc&after=abc'));
    expect(cleared.toString()).toBe('sort=number&dir=asc');
  });

  it("takes the reports' links: a creation range and a relationship type, any status", () => {
    const view = readView(
      params(
        'status=&customer=hr&supplier=it&from=2026-11-01T00:00:00.000Z&to=2026-12-01T00:00:00.000Z&relationship=VERTICAL',
      ),
    );
    expect(hasFilters(view)).toBe(true);
    expect(toRequestFilter(view, ops)).toEqual({
      supplierIds: ['it'],
      customerIds: ['hr'],
      createdFrom: '2026-11-01T00:00:00.000Z',
      createdTo: '2026-12-01T00:00:00.000Z',
      relationshipTypes: ['VERTICAL'],
    });
    expect(readView(params('from=nonsense')).createdFrom).toBe('');
    const cleared = writeView(params('from=2026-11-01T00:00:00.000Z&to=x'), {
      createdFrom: '',
      createdTo: '',
    });
    expect(cleared.toString()).toBe('');
  });
});
