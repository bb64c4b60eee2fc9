import { useCallback, useEffect, useId, useMemo, useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { useMutation, useQuery } from 'urql';
import { useAfterImport } from '../import/import-events';
import { refusalOf } from '../api/errors';
import { Role, useSignedInUser } from '../auth/session';
import type { PersonRowFragment } from '../gql/graphql';
import {
  CreateResetLinkMutation,
  DeactivatePersonMutation,
  PeopleDepartmentsQuery,
  PeopleQuery,
  ReactivatePersonMutation,
} from '../people/people-documents';
import { personState, refusalText, roleLabel, ROLES, stateLabel } from '../people/people-labels';
import {
  ConfirmDeactivateDialog,
  EditPersonDialog,
  ResetLinkDialog,
} from '../people/person-dialogs';
import '../styles/people.css';

const PAGE_SIZE = 25;
const CONTEXT = { additionalTypenames: ['User'] };

type Open =
  | { kind: 'edit'; person: PersonRowFragment }
  | { kind: 'deactivate'; person: PersonRowFragment }
  | { kind: 'link'; name: string; url: string; expiresAt: string }
  | null;

// Settings → People: administrators find, edit, deactivate and reactivate people and make
// one-time set-password links; operations see the same list without the actions.
export function PeopleSection() {
  const intl = useIntl();
  const me = useSignedInUser();
  const canEdit = me.role === 'ADMIN';
  const ids = { search: useId(), role: useId(), department: useId(), deactivated: useId() };
  const [searchText, setSearchText] = useState('');
  const [search, setSearch] = useState('');
  const [role, setRole] = useState<Role | ''>('');
  const [departmentId, setDepartmentId] = useState('');
  const [includeDeactivated, setIncludeDeactivated] = useState(false);
  // Cursors of the pages before the one shown (keyset paging goes forward only).
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  const [open, setOpen] = useState<Open>(null);
  const [alert, setAlert] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);

  // The search goes out once typing pauses.
  useEffect(() => {
    const timer = setTimeout(() => {
      if (searchText.trim() === search) return;
      setSearch(searchText.trim());
      setCursors([null]);
    }, 250);
    return () => clearTimeout(timer);
  }, [searchText, search]);
  // A new filter starts again at the first page.
  const refilter =
    <T,>(set: (value: T) => void) =>
    (value: T) => {
      set(value);
      setCursors([null]);
    };

  const after = cursors[cursors.length - 1];
  const [{ data, fetching, error }, refetchPeople] = useQuery({
    query: PeopleQuery,
    variables: {
      first: PAGE_SIZE,
      after,
      search: search || null,
      role: role || null,
      departmentId: departmentId || null,
      includeDeactivated,
    },
    context: CONTEXT,
  });
  const [departmentsResult, refetchDepartments] = useQuery({ query: PeopleDepartmentsQuery });
  // An org-chart import adds people and departments.
  const afterOrgChart = useCallback(() => {
    refetchPeople({ requestPolicy: 'network-only' });
    refetchDepartments({ requestPolicy: 'network-only' });
  }, [refetchPeople, refetchDepartments]);
  useAfterImport('org-chart', afterOrgChart);
  const departments = useMemo(
    () =>
      [...(departmentsResult.data?.departments ?? [])]
        .filter((d) => !d.archived)
        .sort((a, b) => a.name.localeCompare(b.name, intl.locale)),
    [departmentsResult.data, intl.locale],
  );

  const [deactivation, deactivate] = useMutation(DeactivatePersonMutation);
  const [, reactivate] = useMutation(ReactivatePersonMutation);
  const [, createLink] = useMutation(CreateResetLinkMutation);
  const [deactivateError, setDeactivateError] = useState<string | null>(null);

  const people = data?.users.edges.map((e) => e.node) ?? [];
  const total = data?.users.totalCount ?? 0;
  const listError = refusalOf(error);

  const say = (message: string) => {
    setAlert(null);
    setDone(message);
  };
  const refuse = (message: string) => {
    setDone(null);
    setAlert(message);
  };

  const confirmDeactivate = async (person: PersonRowFragment) => {
    setDeactivateError(null);
    const result = await deactivate({ id: person.id });
    const refusal = refusalOf(result.error);
    if (refusal) {
      setDeactivateError(refusalText(intl, refusal));
      return;
    }
    setOpen(null);
    say(
      intl.formatMessage(
        { id: 'people.deactivated', defaultMessage: '{name} is deactivated.' },
        { name: person.name },
      ),
    );
  };

  const doReactivate = async (person: PersonRowFragment) => {
    const result = await reactivate({ id: person.id });
    const refusal = refusalOf(result.error);
    if (refusal) return refuse(refusalText(intl, refusal));
    say(
      intl.formatMessage(
        { id: 'people.reactivated', defaultMessage: '{name} can sign in again.' },
        { name: person.name },
      ),
    );
  };

  const makeLink = async (person: PersonRowFragment) => {
    const result = await createLink({ userId: person.id });
    const refusal = refusalOf(result.error);
    const link = result.data?.createPasswordResetLink;
    if (refusal || !link) return refuse(refusal ? refusalText(intl, refusal) : '');
    setAlert(null);
    setOpen({
      kind: 'link',
      name: link.user.name,
      url: new URL(link.path, window.location.origin).href,
      expiresAt: link.expiresAt,
    });
  };

  return (
    <div className="people">
      {!canEdit && (
        <p className="muted">
          <FormattedMessage
            id="people.readOnly"
            defaultMessage="Administrators change people; you can look them up here."
          />
        </p>
      )}
      <div className="settings-toolbar people-filters">
        <div className="field">
          <label htmlFor={ids.search}>
            <FormattedMessage id="people.search" defaultMessage="Search" />
          </label>
          <input
            id={ids.search}
            type="search"
            dir="auto"
            value={searchText}
            placeholder={intl.formatMessage({
              id: 'people.search.placeholder',
              defaultMessage: 'Name or email',
            })}
            onChange={(e) => setSearchText(e.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor={ids.role}>
            <FormattedMessage id="people.filter.role" defaultMessage="Role" />
          </label>
          <select
            id={ids.role}
            value={role}
            onChange={(e) => refilter(setRole)(e.target.value as Role)}
          >
            <option value="">
              {intl.formatMessage({ id: 'people.filter.anyRole', defaultMessage: 'Any role' })}
            </option>
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {roleLabel(intl, r)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={ids.department}>
            <FormattedMessage id="people.filter.department" defaultMessage="Department" />
          </label>
          <select
            id={ids.department}
            value={departmentId}
            onChange={(e) => refilter(setDepartmentId)(e.target.value)}
          >
            <option value="">
              {intl.formatMessage({
                id: 'people.filter.anyDepartment',
                defaultMessage: 'Any department',
              })}
            </option>
            {departments.map((d) => (
              <option key={d.id} value={d.id}>
                {d.name} ({d.code})
              </option>
            ))}
          </select>
        </div>
        <label className="checkbox" htmlFor={ids.deactivated}>
          <input
            id={ids.deactivated}
            type="checkbox"
            checked={includeDeactivated}
            onChange={(e) => refilter(setIncludeDeactivated)(e.target.checked)}
          />
          <FormattedMessage id="people.filter.showDeactivated" defaultMessage="Show deactivated" />
        </label>
      </div>

      {alert && (
        <p role="alert" className="error settings-alert">
          {alert}
        </p>
      )}
      <p role="status" className="settings-status">
        {done}
      </p>
      {listError && (
        <p role="alert" className="error settings-alert">
          {refusalText(intl, listError)}
        </p>
      )}

      <p className="muted people-count" aria-live="polite">
        {data &&
          intl.formatMessage(
            {
              id: 'people.count',
              defaultMessage:
                '{count, plural, =0 {Nobody matches} one {# person} other {# people}}',
            },
            { count: total },
          )}
      </p>
      <div className="table-wrap">
        <table aria-busy={fetching || undefined}>
          <caption className="visually-hidden">
            <FormattedMessage id="settings.people.title" defaultMessage="People" />
          </caption>
          <thead>
            <tr>
              <th scope="col">
                <FormattedMessage id="people.col.name" defaultMessage="Name" />
              </th>
              <th scope="col">
                <FormattedMessage id="people.col.email" defaultMessage="Email" />
              </th>
              <th scope="col">
                <FormattedMessage id="people.col.role" defaultMessage="Role" />
              </th>
              <th scope="col">
                <FormattedMessage id="people.col.department" defaultMessage="Department" />
              </th>
              <th scope="col">
                <FormattedMessage id="people.col.state" defaultMessage="State" />
              </th>
              {canEdit && (
                <th scope="col">
                  <FormattedMessage id="people.col.actions" defaultMessage="Actions" />
                </th>
              )}
            </tr>
          </thead>
          <tbody>
            {people.map((person) => (
              <PersonRow
                key={person.id}
                person={person}
                canEdit={canEdit}
                isMe={person.id === me.id}
                onEdit={() => setOpen({ kind: 'edit', person })}
                onDeactivate={() => {
                  setDeactivateError(null);
                  setOpen({ kind: 'deactivate', person });
                }}
                onReactivate={() => void doReactivate(person)}
                onResetPassword={() => void makeLink(person)}
              />
            ))}
          </tbody>
        </table>
      </div>
      {(cursors.length > 1 || data?.users.pageInfo.hasNextPage) && (
        <nav
          className="actions people-pager"
          aria-label={intl.formatMessage({ id: 'people.pager', defaultMessage: 'People pages' })}
        >
          <button
            type="button"
            className="secondary"
            disabled={cursors.length <= 1}
            onClick={() => setCursors((c) => c.slice(0, -1))}
          >
            <FormattedMessage id="people.previous" defaultMessage="Previous page" />
          </button>
          <span className="muted">
            <FormattedMessage
              id="people.page"
              defaultMessage="Page {page, number}"
              values={{ page: cursors.length }}
            />
          </span>
          <button
            type="button"
            className="secondary"
            disabled={!data?.users.pageInfo.hasNextPage}
            onClick={() => {
              const next = data?.users.pageInfo.endCursor;
              if (next) setCursors((c) => [...c, next]);
            }}
          >
            <FormattedMessage id="people.next" defaultMessage="Next page" />
          </button>
        </nav>
      )}

      {open?.kind === 'edit' && (
        <EditPersonDialog
          person={open.person}
          departments={departments}
          onClose={() => setOpen(null)}
          onSaved={(saved) => {
            setOpen(null);
            say(
              intl.formatMessage(
                { id: 'people.saved', defaultMessage: '{name} is saved.' },
                { name: saved.name },
              ),
            );
          }}
        />
      )}
      {open?.kind === 'deactivate' && (
        <ConfirmDeactivateDialog
          person={open.person}
          busy={deactivation.fetching}
          error={deactivateError}
          onConfirm={() => void confirmDeactivate(open.person)}
          onClose={() => setOpen(null)}
        />
      )}
      {open?.kind === 'link' && (
        <ResetLinkDialog
          name={open.name}
          url={open.url}
          expiresAt={open.expiresAt}
          onClose={() => setOpen(null)}
        />
      )}
    </div>
  );
}

function PersonRow({
  person,
  canEdit,
  isMe,
  onEdit,
  onDeactivate,
  onReactivate,
  onResetPassword,
}: {
  person: PersonRowFragment;
  canEdit: boolean;
  isMe: boolean;
  onEdit: () => void;
  onDeactivate: () => void;
  onReactivate: () => void;
  onResetPassword: () => void;
}) {
  const intl = useIntl();
  const nameId = useId();
  const state = personState(person);
  return (
    <tr className={state === 'DEACTIVATED' ? 'people-deactivated' : undefined}>
      <th scope="row" id={nameId}>
        <bdi>{person.name}</bdi>
        {isMe && (
          <span className="muted">
            {' '}
            <FormattedMessage id="people.you" defaultMessage="(you)" />
          </span>
        )}
      </th>
      <td className="people-email">
        <bdi dir="ltr">{person.email}</bdi>
      </td>
      <td>{roleLabel(intl, person.role)}</td>
      <td>{person.department ? <bdi>{person.department.name}</bdi> : '—'}</td>
      <td>
        <span className={`people-state people-state-${state.toLowerCase()}`}>
          <span aria-hidden="true">
            {state === 'ACTIVE' ? '●' : state === 'INVITED' ? '✉' : '⊘'}
          </span>{' '}
          {stateLabel(intl, state)}
        </span>
      </td>
      {canEdit && (
        <td>
          <div className="actions people-actions">
            <button type="button" className="secondary" aria-describedby={nameId} onClick={onEdit}>
              <FormattedMessage id="people.edit" defaultMessage="Edit" />
            </button>
            {person.active ? (
              <>
                <button
                  type="button"
                  className="secondary"
                  aria-describedby={nameId}
                  onClick={onResetPassword}
                >
                  <FormattedMessage id="people.resetPassword" defaultMessage="Reset password" />
                </button>
                <button
                  type="button"
                  className="danger"
                  aria-describedby={nameId}
                  onClick={onDeactivate}
                >
                  <FormattedMessage id="people.deactivate" defaultMessage="Deactivate" />
                </button>
              </>
            ) : (
              <button
                type="button"
                className="secondary"
                aria-describedby={nameId}
                onClick={onReactivate}
              >
                <FormattedMessage id="people.reactivate" defaultMessage="Reactivate" />
              </button>
            )}
          </div>
        </td>
      )}
    </tr>
  );
}
