import { selectPolicy } from './policy-selection';

const request = {
  supplierId: 'IT',
  serviceId: 'LAPTOP',
  customerId: 'MKT',
  relationshipType: 'HORIZONTAL',
  priority: 'P2',
};
const policy = (
  name: string,
  matchers: Partial<
    Record<'supplierId' | 'serviceId' | 'customerId' | 'relationshipType' | 'priority', string>
  >,
  age = 0,
) => ({
  name,
  supplierId: null,
  serviceId: null,
  customerId: null,
  relationshipType: null,
  priority: null,
  createdAt: new Date(Date.UTC(2026, 0, 1) + age),
  ...matchers,
});

describe('selectPolicy', () => {
  it('takes the most specific match: service, then customer, then relationship type, then priority', () => {
    const policies = [
      policy('any', {}),
      policy('IT', { supplierId: 'IT' }),
      policy('P2', { supplierId: 'IT', priority: 'P2' }),
      policy('horizontal', { supplierId: 'IT', relationshipType: 'HORIZONTAL' }),
      policy('marketing', { supplierId: 'IT', customerId: 'MKT' }),
      policy('laptop', { supplierId: 'IT', serviceId: 'LAPTOP' }),
    ];
    const order = ['laptop', 'marketing', 'horizontal', 'P2', 'IT', 'any'];
    for (let i = 0; i < order.length; i++) {
      const remaining = policies.filter((p) => order.slice(i).includes(p.name));
      expect(selectPolicy(remaining, request)?.name).toBe(order[i]);
    }
  });

  it('prefers customer + priority over relationship type + priority (customer ranks higher)', () => {
    const picked = selectPolicy(
      [
        policy('rel+prio', { relationshipType: 'HORIZONTAL', priority: 'P2' }),
        policy('cust', { customerId: 'MKT' }),
      ],
      request,
    );
    expect(picked?.name).toBe('cust');
  });

  it('ignores policies that do not match, and returns null when none does', () => {
    expect(
      selectPolicy([policy('HR', { supplierId: 'HR' }), policy('P1', { priority: 'P1' })], request),
    ).toBeNull();
  });

  it('breaks ties by taking the newest', () => {
    expect(
      selectPolicy(
        [policy('old', { priority: 'P2' }, 0), policy('new', { priority: 'P2' }, 1000)],
        request,
      )?.name,
    ).toBe('new');
  });
});
