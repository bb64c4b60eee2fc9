import { RefObject, useEffect, useId, useRef, useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import type { Priority, QueueOptionsQuery, RequestStatus } from '../gql/graphql';
import { PRIORITIES, priorityLabel, relationshipLabel, statusLabel } from '../ui/labels';
import { ALL_STATUSES, QueueView, ViewChange } from './queue-params';

const SEARCH_DEBOUNCE_MS = 300;

function toggle<T>(list: readonly T[], value: T, on: boolean, order: readonly T[]): T[] {
  const set = new Set(list);
  if (on) set.add(value);
  else set.delete(value);
  return order.filter((v) => set.has(v));
}

function SearchBox({
  value,
  onCommit,
  inputRef,
}: {
  value: string;
  onCommit: (text: string) => void;
  inputRef: RefObject<HTMLInputElement | null>;
}) {
  const intl = useIntl();
  const id = useId();
  const [text, setText] = useState(value);
  const committed = useRef(value);
  const commit = useRef(onCommit);
  commit.current = onCommit;

  // A change from outside (back, forward, Clear filters) shows in the box; our own commits
  // come back as the same words and leave what the reader is still typing alone.
  useEffect(() => {
    if (value !== committed.current) {
      committed.current = value;
      setText(value);
    }
  }, [value]);

  useEffect(() => {
    if (text.trim() === committed.current) return;
    const timer = setTimeout(() => {
      committed.current = text.trim();
      commit.current(text);
    }, SEARCH_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [text]);

  return (
    <form
      role="search"
      className="field queue-search"
      onSubmit={(e) => {
        e.preventDefault();
        committed.current = text.trim();
        onCommit(text);
      }}
    >
      <label htmlFor={id}>
        <FormattedMessage id="queue.filters.search" defaultMessage="Search" />
      </label>
      <input
        id={id}
        ref={inputRef}
        type="search"
        value={text}
        onChange={(e) => setText(e.target.value)}
        placeholder={intl.formatMessage({
          id: 'queue.filters.searchHint',
          defaultMessage: 'Number, title or description',
        })}
      />
    </form>
  );
}

export function QueueFilters({
  view,
  options,
  showSupplier,
  onChange,
  onClear,
  searchRef,
}: {
  view: QueueView;
  options: QueueOptionsQuery | undefined;
  showSupplier: boolean;
  onChange: (change: ViewChange) => void;
  onClear: () => void;
  searchRef: RefObject<HTMLInputElement | null>;
}) {
  const intl = useIntl();
  const ids = { assignee: useId(), service: useId(), customer: useId(), supplier: useId() };
  const byName = <T extends { name: string }>(list: readonly T[]) =>
    [...list].sort((a, b) => a.name.localeCompare(b.name, intl.locale));
  const departments = byName(options?.departments ?? []);
  const services = byName(options?.services ?? []);
  const members = byName(options?.department?.members ?? []);

  return (
    <section
      className="queue-filters card"
      aria-label={intl.formatMessage({ id: 'queue.filters.title', defaultMessage: 'Filters' })}
    >
      <SearchBox value={view.text} onCommit={(text) => onChange({ text })} inputRef={searchRef} />

      <fieldset className="queue-chips">
        <legend>
          <FormattedMessage id="queue.filters.status" defaultMessage="Status" />
        </legend>
        {ALL_STATUSES.map((status: RequestStatus) => (
          <label key={status} className="chip">
            <input
              type="checkbox"
              checked={view.statuses.includes(status)}
              onChange={(e) =>
                onChange({
                  statuses: toggle(view.statuses, status, e.target.checked, ALL_STATUSES),
                })
              }
            />
            {statusLabel(intl, status)}
          </label>
        ))}
        {view.statuses.length === 0 && (
          <span className="muted queue-any">
            <FormattedMessage id="queue.filters.anyStatus" defaultMessage="(any status)" />
          </span>
        )}
      </fieldset>

      <fieldset className="queue-chips">
        <legend>
          <FormattedMessage id="queue.filters.priority" defaultMessage="Priority" />
        </legend>
        {PRIORITIES.map((priority: Priority) => (
          <label key={priority} className="chip">
            <input
              type="checkbox"
              checked={view.priorities.includes(priority)}
              onChange={(e) =>
                onChange({
                  priorities: toggle(view.priorities, priority, e.target.checked, PRIORITIES),
                })
              }
            />
            {priorityLabel(intl, priority)}
          </label>
        ))}
      </fieldset>

      <div className="queue-selects">
        {showSupplier && (
          <div className="field">
            <label htmlFor={ids.supplier}>
              <FormattedMessage id="queue.filters.supplier" defaultMessage="Supplier" />
            </label>
            <select
              id={ids.supplier}
              value={view.supplier}
              // Services and people belong to a supplier: a new supplier drops those choices.
              onChange={(e) => onChange({ supplier: e.target.value, service: '', assignee: '' })}
            >
              <option value="">
                {intl.formatMessage({
                  id: 'queue.filters.anySupplier',
                  defaultMessage: 'All suppliers',
                })}
              </option>
              {departments.map((d) => (
                <option key={d.id} value={d.id}>
                  {d.name} ({d.code})
                </option>
              ))}
            </select>
          </div>
        )}
        <div className="field">
          <label htmlFor={ids.assignee}>
            <FormattedMessage id="queue.filters.assignee" defaultMessage="Assignee" />
          </label>
          <select
            id={ids.assignee}
            value={view.assignee}
            onChange={(e) => onChange({ assignee: e.target.value })}
          >
            <option value="">
              {intl.formatMessage({ id: 'queue.filters.anyone', defaultMessage: 'Anyone' })}
            </option>
            <option value="mine">
              {intl.formatMessage({ id: 'queue.filters.mine', defaultMessage: 'Mine' })}
            </option>
            <option value="unassigned">
              {intl.formatMessage({
                id: 'queue.filters.unassigned',
                defaultMessage: 'Unassigned',
              })}
            </option>
            {/* A link may name someone who is not (or no longer) in the list. */}
            {!['', 'mine', 'unassigned'].includes(view.assignee) &&
              !members.some((m) => m.id === view.assignee) && (
                <option value={view.assignee}>
                  {intl.formatMessage({
                    id: 'queue.filters.otherPerson',
                    defaultMessage: 'Another person',
                  })}
                </option>
              )}
            {members.length > 0 && (
              <optgroup
                label={intl.formatMessage({
                  id: 'queue.filters.people',
                  defaultMessage: 'People',
                })}
              >
                {members.map((m) => (
                  <option key={m.id} value={m.id}>
                    {m.name}
                  </option>
                ))}
              </optgroup>
            )}
          </select>
        </div>
        <div className="field">
          <label htmlFor={ids.service}>
            <FormattedMessage id="queue.filters.service" defaultMessage="Service" />
          </label>
          <select
            id={ids.service}
            value={view.service}
            onChange={(e) => onChange({ service: e.target.value })}
          >
            <option value="">
              {intl.formatMessage({
                id: 'queue.filters.anyService',
                defaultMessage: 'All services',
              })}
            </option>
            {services.map((s) => (
              <option key={s.id} value={s.id}>
                {showSupplier && !view.supplier ? `${s.name} (${s.supplier.code})` : s.name}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={ids.customer}>
            <FormattedMessage id="queue.filters.customer" defaultMessage="Customer" />
          </label>
          <select
            id={ids.customer}
            value={view.customer}
            onChange={(e) => onChange({ customer: e.target.value })}
          >
            <option value="">
              {intl.formatMessage({
                id: 'queue.filters.anyCustomer',
                defaultMessage: 'All departments',
              })}
            </option>
            {departments.map((d) => (
              <option key={d.id} value={d.id}>
                {d.name} ({d.code})
              </option>
            ))}
          </select>
        </div>
        <button type="button" className="secondary" onClick={onClear}>
          <FormattedMessage id="queue.filters.clear" defaultMessage="Clear filters" />
        </button>
      </div>
      {(view.createdFrom || view.createdTo || view.relationship) && (
        <p className="queue-range">
          {(view.createdFrom || view.createdTo) && (
            <FormattedMessage
              id="queue.filters.createdRange"
              defaultMessage="Created from {from} until before {to}"
              values={{
                from: view.createdFrom
                  ? intl.formatDate(view.createdFrom, { dateStyle: 'medium', timeStyle: 'short' })
                  : '…',
                to: view.createdTo
                  ? intl.formatDate(view.createdTo, { dateStyle: 'medium', timeStyle: 'short' })
                  : '…',
              }}
            />
          )}{' '}
          {view.relationship && relationshipLabel(intl, view.relationship)}{' '}
          <button
            type="button"
            className="secondary"
            onClick={() => onChange({ createdFrom: '', createdTo: '', relationship: '' })}
          >
            <FormattedMessage id="queue.filters.anyTime" defaultMessage="Any time" />
          </button>
        </p>
      )}
    </section>
  );
}
