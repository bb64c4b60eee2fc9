import { parseImportLine } from './import-line';

const API_EXAMPLE = JSON.stringify({
  ref: 'OLD-17',
  supplier: 'IT',
  customer: 'HR',
  requester: 'ana@example.org',
  service: 'Laptop',
  priority: 'P2',
  title: 'New laptop',
  events: [
    { at: '2026-03-02T08:15:00Z', type: 'CREATED' },
    { at: '2026-03-02T09:40:00Z', type: 'COMMENT', by: 'SUPPLIER' },
    { at: '2026-03-03T10:00:00Z', type: 'STATUS', to: 'WAITING_ON_CUSTOMER' },
    { at: '2026-03-04T12:00:00Z', type: 'STATUS', to: 'IN_PROGRESS' },
    { at: '2026-03-05T16:30:00Z', type: 'STATUS', to: 'RESOLVED' },
    { at: '2026-03-06T09:00:00Z', type: 'RATING', score: 4, comment: 'fast' },
  ],
});

describe('parseImportLine', () => {
  it('reads the example line of API.md', () => {
    const result = parseImportLine(API_EXAMPLE, 1);
    expect('value' in result && result.value).toMatchObject({
      ref: 'OLD-17',
      supplier: 'IT',
      priority: 'P2',
      service: 'Laptop',
    });
    expect('value' in result && result.value.events.map((e) => e.type)).toEqual([
      'CREATED',
      'COMMENT',
      'STATUS',
      'STATUS',
      'STATUS',
      'RATING',
    ]);
  });

  it.each([
    ['{not json', /JSON/],
    ['[1]', /object/],
    [JSON.stringify({ ...JSON.parse(API_EXAMPLE), priority: 'P9' }), /priority/],
    [JSON.stringify({ ...JSON.parse(API_EXAMPLE), events: [] }), /events/],
    [
      JSON.stringify({
        ...JSON.parse(API_EXAMPLE),
        events: [{ at: '2026-03-02T08:15:00Z', type: 'STATUS', to: 'RESOLVED' }],
      }),
      /first event/,
    ],
    [
      JSON.stringify({
        ...JSON.parse(API_EXAMPLE),
        events: [{ at: 'yesterday', type: 'CREATED' }],
      }),
      /ISO-8601/,
    ],
    [
      JSON.stringify({
        ...JSON.parse(API_EXAMPLE),
        events: [
          { at: '2026-03-02T08:15:00Z', type: 'CREATED' },
          { at: '2026-03-01T08:15:00Z', type: 'STATUS', to: 'IN_PROGRESS' },
        ],
      }),
      /earlier/,
    ],
    [
      JSON.stringify({
        ...JSON.parse(API_EXAMPLE),
        events: [
          { at: '2026-03-02T08:15:00Z', type: 'CREATED' },
          { at: '2026-03-02T09:15:00Z', type: 'STATUS', to: 'CLOSED' },
        ],
      }),
      /cannot move from NEW to CLOSED/,
    ],
    [JSON.stringify({ ...JSON.parse(API_EXAMPLE), title: '' }), /title/],
  ])('refuses %s', (raw, message) => {
    const result = parseImportLine(raw, 3);
    expect('error' in result && result.error).toMatch(message);
  });
});
