import { FormEvent, useMemo, useRef, useState } from 'react';
import { FormattedDate, FormattedMessage, useIntl } from 'react-intl';
import { useSearchParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { refusalOf, Refusal } from '../api/errors';
import type { SessionUser } from '../auth/session';
import {
  GiveKudosMutation,
  KudosDepartmentsQuery,
  KudosMembersQuery,
  KudosPeopleQuery,
  KudosRequestsQuery,
} from './kudos-documents';
import { isolate, kudosRefusalWords } from './kudos-words';

const WHOLE_DEPARTMENT = 'department';

type Field = 'department' | 'person' | 'request' | 'message';

// Give kudos to a person (or a whole department): pick the department, then the person, then
// the request the thanks are for (kudos always thank for a request both can see).
export function GiveKudosForm({
  user,
  onGiven,
}: {
  user: SessionUser;
  onGiven: (recipient: string) => void;
}) {
  const intl = useIntl();
  // /kudos?department=<id>&person=<id>&request=<id> opens the form filled in (a link from elsewhere).
  const [params] = useSearchParams();
  const [departmentId, setDepartmentId] = useState(params.get('department') ?? '');
  const [person, setPerson] = useState(params.get('person') ?? '');
  const [requestId, setRequestId] = useState(params.get('request') ?? '');
  const [message, setMessage] = useState('');
  const [missing, setMissing] = useState<Partial<Record<Field, boolean>>>({});
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const [departments] = useQuery({ query: KudosDepartmentsQuery });
  const [members] = useQuery({
    query: KudosMembersQuery,
    variables: { id: departmentId },
    pause: !departmentId,
  });
  const [requests] = useQuery({
    query: KudosRequestsQuery,
    variables: {
      supplied: { supplierIds: [departmentId] },
      filed: { customerIds: [departmentId] },
    },
    pause: !departmentId,
  });
  const [state, give] = useMutation(GiveKudosMutation);
  const [search, setSearch] = useState('');
  const requestSelect = useRef<HTMLSelectElement>(null);
  const searching = search.trim().length >= 2;
  const [everyone] = useQuery({ query: KudosPeopleQuery, pause: !searching });
  const found = useMemo(() => {
    if (!searching || !everyone.data) return [];
    const words = search.trim().toLocaleLowerCase(intl.locale).split(/\s+/);
    return everyone.data.departments
      .flatMap((d) => d.members.map((m) => ({ person: m, department: d })))
      .filter(({ person }) => person.id !== user.id)
      .filter(({ person }) =>
        words.every((w) => person.name.toLocaleLowerCase(intl.locale).includes(w)),
      )
      .sort((a, b) => a.person.name.localeCompare(b.person.name, intl.locale))
      .slice(0, 8);
  }, [searching, everyone.data, search, user.id, intl.locale]);

  const sortedDepartments = useMemo(
    () =>
      [...(departments.data?.departments ?? [])].sort((a, b) =>
        a.name.localeCompare(b.name, intl.locale),
      ),
    [departments.data, intl.locale],
  );
  const people = useMemo(
    () =>
      (members.data?.department.members ?? [])
        .filter((m) => m.id !== user.id)
        .sort((a, b) => a.name.localeCompare(b.name, intl.locale)),
    [members.data, user.id, intl.locale],
  );
  const requestOptions = useMemo(() => {
    if (!requests.data) return [];
    const all = [...requests.data.supplied.edges, ...requests.data.filed.edges].map((e) => e.node);
    const unique = [...new Map(all.map((r) => [r.id, r])).values()];
    return unique.sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  }, [requests.data]);
  const department = sortedDepartments.find((d) => d.id === departmentId) ?? null;
  const recipientName =
    person === WHOLE_DEPARTMENT ? department?.name : people.find((p) => p.id === person)?.name;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setRefusal(null);
    const gaps = {
      department: !departmentId,
      person: !person,
      request: !requestId,
      message: !message.trim(),
    };
    setMissing(gaps);
    if (Object.values(gaps).some(Boolean)) return;
    const result = await give(
      {
        input: {
          requestId,
          message: message.trim(),
          ...(person === WHOLE_DEPARTMENT
            ? { toDepartmentId: departmentId }
            : { toUserId: person }),
        },
      },
      { additionalTypenames: ['Kudos'] },
    );
    const refused = refusalOf(result.error);
    if (refused) {
      setRefusal(refused);
      return;
    }
    onGiven(recipientName ?? '');
    setMessage('');
    setRequestId('');
  };

  const described = (field: Field) =>
    missing[field] ? { 'aria-invalid': true, 'aria-describedby': `kd-give-${field}-error` } : {};
  const missingText = (field: Field, text: string) =>
    missing[field] && (
      <p id={`kd-give-${field}-error`} className="kd-field-error">
        {text}
      </p>
    );

  return (
    <section className="card kd-give" aria-labelledby="kd-give-title">
      <h2 id="kd-give-title">
        <FormattedMessage id="kudos.give.title" defaultMessage="Thank someone" />
      </h2>
      <p className="muted">
        <FormattedMessage
          id="kudos.give.intro"
          defaultMessage="Kudos thank a person or a department for a request: choose whom, then the request."
        />
      </p>
      <div className="field kd-search">
        <label htmlFor="kd-give-search">
          <FormattedMessage id="kudos.give.search" defaultMessage="Find a person by name" />
        </label>
        <input
          id="kd-give-search"
          type="search"
          dir="auto"
          autoComplete="off"
          value={search}
          aria-describedby="kd-give-search-count"
          onChange={(e) => setSearch(e.target.value)}
        />
        <p id="kd-give-search-count" className="muted kd-small" aria-live="polite">
          {searching && everyone.data
            ? intl.formatMessage(
                {
                  id: 'kudos.give.found',
                  defaultMessage:
                    '{count, plural, =0 {Nobody by that name.} one {# person found: choose to fill in the form.} other {# people found: choose one to fill in the form.}}',
                },
                { count: found.length },
              )
            : ''}
        </p>
        {found.length > 0 && (
          <ul
            className="kd-found"
            aria-label={intl.formatMessage({
              id: 'kudos.give.foundList',
              defaultMessage: 'People found',
            })}
          >
            {found.map(({ person: p, department: d }) => (
              <li key={p.id}>
                <button
                  type="button"
                  className="secondary"
                  aria-pressed={person === p.id}
                  onClick={() => {
                    setDepartmentId(d.id);
                    setPerson(p.id);
                    setRequestId('');
                    setSearch('');
                    setTimeout(() => requestSelect.current?.focus());
                  }}
                >
                  <bdi>{p.name}</bdi>
                  <span className="muted">
                    <bdi>{d.name}</bdi>
                  </span>
                </button>
              </li>
            ))}
          </ul>
        )}
      </div>
      <form onSubmit={submit} noValidate>
        <div className="kd-give-grid">
          <div className="field">
            <label htmlFor="kd-give-department">
              <FormattedMessage id="kudos.give.department" defaultMessage="Department" />
            </label>
            <select
              id="kd-give-department"
              value={departmentId}
              onChange={(e) => {
                setDepartmentId(e.target.value);
                setPerson('');
                setRequestId('');
              }}
              {...described('department')}
            >
              <option value="">
                {intl.formatMessage({
                  id: 'kudos.give.chooseDepartment',
                  defaultMessage: 'Choose a department…',
                })}
              </option>
              {sortedDepartments.map((d) => (
                <option key={d.id} value={d.id}>
                  {d.name} ({d.code})
                </option>
              ))}
            </select>
            {missingText(
              'department',
              intl.formatMessage({
                id: 'kudos.give.departmentMissing',
                defaultMessage: 'Choose a department.',
              }),
            )}
          </div>
          <div className="field">
            <label htmlFor="kd-give-person">
              <FormattedMessage id="kudos.give.person" defaultMessage="Person" />
            </label>
            <select
              id="kd-give-person"
              value={person}
              disabled={!departmentId}
              onChange={(e) => setPerson(e.target.value)}
              {...described('person')}
            >
              <option value="">
                {departmentId && members.fetching
                  ? intl.formatMessage({ id: 'kudos.give.loading', defaultMessage: 'Loading…' })
                  : intl.formatMessage({
                      id: 'kudos.give.choosePerson',
                      defaultMessage: 'Choose a person…',
                    })}
              </option>
              {department && (
                <option value={WHOLE_DEPARTMENT}>
                  {intl.formatMessage(
                    {
                      id: 'kudos.give.wholeDepartment',
                      defaultMessage: 'The whole department: {department}',
                    },
                    { department: isolate(department.name) },
                  )}
                </option>
              )}
              {people.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name}
                </option>
              ))}
            </select>
            {missingText(
              'person',
              intl.formatMessage({
                id: 'kudos.give.personMissing',
                defaultMessage: 'Choose whom to thank.',
              }),
            )}
          </div>
          <div className="field">
            <label htmlFor="kd-give-request">
              <FormattedMessage id="kudos.give.request" defaultMessage="For the request" />
            </label>
            <select
              id="kd-give-request"
              ref={requestSelect}
              value={requestId}
              disabled={!departmentId}
              onChange={(e) => setRequestId(e.target.value)}
              aria-describedby={
                missing.request
                  ? 'kd-give-request-error'
                  : departmentId && requests.data && requestOptions.length === 0
                    ? 'kd-give-no-requests'
                    : undefined
              }
              aria-invalid={missing.request ? true : undefined}
            >
              <option value="">
                {departmentId && requests.fetching
                  ? intl.formatMessage({ id: 'kudos.give.loading', defaultMessage: 'Loading…' })
                  : intl.formatMessage({
                      id: 'kudos.give.chooseRequest',
                      defaultMessage: 'Choose a request…',
                    })}
              </option>
              {requestOptions.map((r) => (
                <option key={r.id} value={r.id}>
                  {r.number} · {r.title}
                </option>
              ))}
            </select>
            {departmentId && requests.data && requestOptions.length === 0 && (
              <p id="kd-give-no-requests" className="muted">
                <FormattedMessage
                  id="kudos.give.noRequests"
                  defaultMessage="You can see no request between you and this department yet."
                />
              </p>
            )}
            {missingText(
              'request',
              intl.formatMessage({
                id: 'kudos.give.requestMissing',
                defaultMessage: 'Choose the request you thank them for.',
              }),
            )}
          </div>
        </div>
        <div className="field">
          <label htmlFor="kd-give-message">
            <FormattedMessage id="kudos.give.message" defaultMessage="Message" />
          </label>
          <textarea
            id="kd-give-message"
            dir="auto"
            maxLength={500}
            value={message}
            onChange={(e) => setMessage(e.target.value)}
            {...described('message')}
          />
          {missingText(
            'message',
            intl.formatMessage({
              id: 'kudos.give.messageMissing',
              defaultMessage: 'Write a few words of thanks.',
            }),
          )}
        </div>
        {refusal && (
          <p role="alert" className="error">
            {kudosRefusalWords(intl, refusal)}
          </p>
        )}
        <div className="actions">
          <button type="submit" disabled={state.fetching} aria-busy={state.fetching}>
            <FormattedMessage id="kudos.give.submit" defaultMessage="Give kudos" />
          </button>
          {requestId && (
            <span className="muted">
              <FormattedMessage
                id="kudos.give.requestDate"
                defaultMessage="Filed {when}"
                values={{
                  when: (
                    <FormattedDate
                      value={requestOptions.find((r) => r.id === requestId)?.createdAt}
                      dateStyle="medium"
                    />
                  ),
                }}
              />
            </span>
          )}
        </div>
      </form>
    </section>
  );
}
