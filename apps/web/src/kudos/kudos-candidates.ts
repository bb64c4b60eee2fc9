import type { IntlShape } from 'react-intl';
import type { SessionUser } from '../auth/session';
import { isolate } from './kudos-words';

export interface Party {
  id: string;
  name: string;
}

// What the request page passes: the request's two departments and its two people.
export interface KudosRequest {
  id: string;
  number: string;
  customer: Party;
  supplier: Party;
  requester: Party;
  assignee: Party | null;
}

export interface Candidate {
  key: string;
  label: string;
  input: { toUserId: string } | { toDepartmentId: string };
}

// Whom the reader may thank for this request: the customer side thanks the assignee or the
// supplier department; the supplier side the requester or the customer department; anyone
// else (operations) any of them. Never oneself.
export function candidatesOf(
  intl: IntlShape,
  request: KudosRequest,
  user: SessionUser,
): Candidate[] {
  const dept = user.department?.id;
  const person = (p: Party | null, role: 'assignee' | 'requester'): Candidate[] =>
    p && p.id !== user.id
      ? [
          {
            key: `u-${p.id}`,
            label:
              role === 'assignee'
                ? intl.formatMessage(
                    { id: 'kudos.request.assignee', defaultMessage: '{name}, who handled it' },
                    { name: isolate(p.name) },
                  )
                : intl.formatMessage(
                    { id: 'kudos.request.requester', defaultMessage: '{name}, who asked' },
                    { name: isolate(p.name) },
                  ),
            input: { toUserId: p.id },
          },
        ]
      : [];
  const department = (d: Party): Candidate[] => [
    {
      key: `d-${d.id}`,
      label: intl.formatMessage(
        { id: 'kudos.request.department', defaultMessage: 'The whole department: {name}' },
        { name: isolate(d.name) },
      ),
      input: { toDepartmentId: d.id },
    },
  ];
  const customerSide = [...person(request.assignee, 'assignee'), ...department(request.supplier)];
  const supplierSide = [...person(request.requester, 'requester'), ...department(request.customer)];
  if (request.customer.id === request.supplier.id)
    return [...person(request.assignee, 'assignee'), ...person(request.requester, 'requester')];
  if (dept === request.customer.id) return customerSide;
  if (dept === request.supplier.id) return supplierSide;
  return [...customerSide, ...supplierSide];
}
