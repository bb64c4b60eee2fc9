import { FormattedDate, FormattedMessage } from 'react-intl';
import { Link } from 'react-router';
import type { KudosPageItemFragment } from '../gql/graphql';

// Kudos, newest first (as the API gives them): the message, who gave it, the request, when.
export function KudosList({
  kudos,
  label,
  showRecipient = false,
}: {
  kudos: KudosPageItemFragment[];
  label: string;
  showRecipient?: boolean;
}) {
  return (
    <ul className="kd-list" aria-label={label}>
      {kudos.map((k) => (
        <li key={k.id} className="kd-item">
          <p className="kd-message" dir="auto">
            <span aria-hidden="true" className="kd-mark">
              ❤
            </span>{' '}
            {k.message}
          </p>
          <p className="kd-meta muted">
            {showRecipient ? (
              <FormattedMessage
                id="kudos.item.fromTo"
                defaultMessage="{from} thanked {to}"
                values={{
                  from: <bdi>{k.from?.name ?? '?'}</bdi>,
                  to: <bdi>{k.toUser?.name ?? k.toDepartment?.name ?? '?'}</bdi>,
                }}
              />
            ) : k.from?.department ? (
              <FormattedMessage
                id="kudos.item.fromIn"
                defaultMessage="From {from} ({department})"
                values={{
                  from: <bdi>{k.from.name}</bdi>,
                  department: <bdi>{k.from.department.name}</bdi>,
                }}
              />
            ) : (
              <FormattedMessage
                id="kudos.item.from"
                defaultMessage="From {from}"
                values={{ from: <bdi>{k.from?.name ?? '?'}</bdi> }}
              />
            )}
            {k.request && (
              <>
                {' · '}
                <FormattedMessage
                  id="kudos.item.forRequest"
                  defaultMessage="for {request}"
                  values={{
                    request: (
                      <Link to={`/requests/${k.request.number}`}>
                        <bdi>{k.request.number}</bdi> <bdi>{k.request.title}</bdi>
                      </Link>
                    ),
                  }}
                />
              </>
            )}
            {' · '}
            <FormattedDate value={k.createdAt} dateStyle="medium" timeStyle="short" />
          </p>
        </li>
      ))}
    </ul>
  );
}
