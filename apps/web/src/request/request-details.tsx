import { ReactNode } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { useQuery } from 'urql';
import type { SessionUser } from '../auth/session';
import type { Priority } from '../gql/graphql';
import { PRIORITIES, priorityLabel, relationshipLabel } from '../ui/labels';
import { personName } from '../ui/person-name';
import { SupplierMembersQuery } from './request-documents';
import type { RequestView, Sides } from './request-types';
import { When } from './sla-panel';
import type { RequestActions } from './use-request-actions';

function Fact({
  label,
  children,
  htmlFor,
}: {
  label: ReactNode;
  children: ReactNode;
  htmlFor?: string;
}) {
  return (
    <div>
      <dt>{htmlFor ? <label htmlFor={htmlFor}>{label}</label> : label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

const UNASSIGNED = '';

// Who and what: the departments, the people, the priority; the supplier side changes the
// assignee and the priority right here (each change is sent at once, with the version).
export function RequestDetails({
  request,
  sides,
  user,
  actions,
}: {
  request: RequestView;
  sides: Sides;
  user: SessionUser;
  actions: RequestActions;
}) {
  const intl = useIntl();
  const workable = request.status !== 'CLOSED' && request.status !== 'CANCELLED';
  const editable = sides.supplier && workable;
  const [members] = useQuery({
    query: SupplierMembersQuery,
    variables: { id: request.supplier.id },
    pause: !editable,
  });
  const people = members.data?.department.members ?? [];
  // The current assignee stays an option even before the member list arrives.
  const options =
    request.assignee && !people.some((p) => p.id === request.assignee?.id)
      ? [...people, { ...request.assignee, role: 'AGENT' as const }]
      : people;
  const mine = request.assignee?.id === user.id;

  return (
    <section className="card rq-details" aria-labelledby="rq-details-title">
      <h2 id="rq-details-title">
        <FormattedMessage id="request.details.title" defaultMessage="Details" />
      </h2>
      {editable && sides.supplierMember && !mine && (
        <p>
          <button
            type="button"
            className="secondary"
            disabled={actions.busy}
            onClick={() => void actions.setAssignee(user.id)}
          >
            <FormattedMessage id="request.assignToMe" defaultMessage="Assign to me" />
          </button>
        </p>
      )}
      <dl className="rq-facts">
        <Fact
          label={<FormattedMessage id="request.details.assignee" defaultMessage="Assignee" />}
          htmlFor={editable ? 'rq-assignee' : undefined}
        >
          {editable ? (
            <select
              id="rq-assignee"
              value={request.assignee?.id ?? UNASSIGNED}
              disabled={actions.busy}
              onChange={(e) => void actions.setAssignee(e.target.value || null)}
            >
              <option value={UNASSIGNED}>
                {intl.formatMessage({ id: 'request.unassigned', defaultMessage: 'Unassigned' })}
              </option>
              {options.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.id === user.id
                    ? intl.formatMessage(
                        { id: 'request.assignee.you', defaultMessage: '{name} (you)' },
                        { name: p.name },
                      )
                    : personName(intl, p)}
                </option>
              ))}
            </select>
          ) : request.assignee ? (
            <bdi>{personName(intl, request.assignee)}</bdi>
          ) : (
            <span className="muted">
              <FormattedMessage id="request.unassigned" defaultMessage="Unassigned" />
            </span>
          )}
        </Fact>
        <Fact
          label={<FormattedMessage id="request.details.priority" defaultMessage="Priority" />}
          htmlFor={editable ? 'rq-priority' : undefined}
        >
          {editable ? (
            <select
              id="rq-priority"
              value={request.priority}
              disabled={actions.busy}
              onChange={(e) => void actions.setPriority(e.target.value as Priority)}
            >
              {PRIORITIES.map((p) => (
                <option key={p} value={p}>
                  {priorityLabel(intl, p)}
                </option>
              ))}
            </select>
          ) : (
            <span className={`rq-priority ${request.priority}`}>
              {priorityLabel(intl, request.priority)}
            </span>
          )}
        </Fact>
        <Fact label={<FormattedMessage id="request.details.customer" defaultMessage="Customer" />}>
          <bdi>{request.customer.name}</bdi> <span className="muted">{request.customer.code}</span>
        </Fact>
        <Fact label={<FormattedMessage id="request.details.supplier" defaultMessage="Supplier" />}>
          <bdi>{request.supplier.name}</bdi> <span className="muted">{request.supplier.code}</span>
        </Fact>
        <Fact label={<FormattedMessage id="request.details.service" defaultMessage="Service" />}>
          {request.service ? (
            <bdi>{request.service.name}</bdi>
          ) : (
            <span className="muted">
              <FormattedMessage id="request.details.noService" defaultMessage="None" />
            </span>
          )}
        </Fact>
        <Fact
          label={<FormattedMessage id="request.details.requester" defaultMessage="Requester" />}
        >
          <bdi>{personName(intl, request.requester)}</bdi>
        </Fact>
        <Fact
          label={
            <FormattedMessage id="request.details.relationship" defaultMessage="Relationship" />
          }
        >
          {relationshipLabel(intl, request.relationshipType)}
        </Fact>
        <Fact label={<FormattedMessage id="request.details.created" defaultMessage="Created" />}>
          <When at={request.createdAt} />
        </Fact>
        {request.resolvedAt && (
          <Fact
            label={<FormattedMessage id="request.details.resolved" defaultMessage="Resolved" />}
          >
            <When at={request.resolvedAt} />
          </Fact>
        )}
      </dl>
    </section>
  );
}
