import type { IntlShape } from 'react-intl';
import type { SessionUser } from '../auth/session';
import { candidatesOf, KudosRequest } from './kudos-candidates';

// react-intl is ESM only; the labels need no more than the English defaults filled in.
const intl = {
  formatMessage: (d: { defaultMessage: string }, values: Record<string, string> = {}) =>
    d.defaultMessage.replace(/\{(\w+)\}/g, (_, k: string) => values[k]),
} as unknown as IntlShape;
const request: KudosRequest = {
  id: 'r1',
  number: 'IT-7',
  customer: { id: 'mkt', name: 'Marketing' },
  supplier: { id: 'it', name: 'IT' },
  requester: { id: 'ana', name: 'Ana' },
  assignee: { id: 'tom', name: 'Tom' },
};
const user = (id: string, department: string | null, role: SessionUser['role'] = 'MEMBER') =>
  ({
    id,
    name: id,
    email: `${id}@x.test`,
    role,
    department: department ? { id: department, code: department, name: department } : null,
  }) satisfies SessionUser;
const inputs = (u: SessionUser, r = request) => candidatesOf(intl, r, u).map((c) => c.input);

describe('whom the request page offers to thank', () => {
  it('the customer side: the assignee, then the supplier department', () => {
    expect(inputs(user('ana', 'mkt'))).toEqual([{ toUserId: 'tom' }, { toDepartmentId: 'it' }]);
  });

  it('the supplier side: the requester, then the customer department; never oneself', () => {
    expect(inputs(user('lee', 'it', 'AGENT'))).toEqual([
      { toUserId: 'ana' },
      { toDepartmentId: 'mkt' },
    ]);
    expect(inputs(user('tom', 'it', 'AGENT'))).toEqual([
      { toUserId: 'ana' },
      { toDepartmentId: 'mkt' },
    ]);
    expect(inputs(user('ana', 'mkt', 'MEMBER'), { ...request, assignee: null })).toEqual([
      { toDepartmentId: 'it' },
    ]);
  });

  it('neither side (operations): all four parties', () => {
    expect(inputs(user('olivia', 'co', 'OPS'))).toEqual([
      { toUserId: 'tom' },
      { toDepartmentId: 'it' },
      { toUserId: 'ana' },
      { toDepartmentId: 'mkt' },
    ]);
  });

  it('says who they are', () => {
    expect(candidatesOf(intl, request, user('ana', 'mkt')).map((c) => c.label)).toEqual([
      '\u2068Tom\u2069, who handled it',
      'The whole department: \u2068IT\u2069',
    ]);
  });

  it('a request to one’s own department: only the people', () => {
    const own = { ...request, customer: request.supplier };
    expect(inputs(user('ana', 'it'), own)).toEqual([{ toUserId: 'tom' }]);
  });
});
