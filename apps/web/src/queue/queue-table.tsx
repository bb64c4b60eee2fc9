import { ReactNode } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import type { ReaderSide } from '../sla/sla-clock-text';
import { NATURAL_DIR, SortDir, SortKey } from './queue-params';
import { QueueRequest, QueueRow } from './queue-row';

function SortHeader({
  column,
  sort,
  dir,
  onSort,
  children,
}: {
  column: SortKey;
  sort: SortKey;
  dir: SortDir;
  onSort: (column: SortKey, dir: SortDir) => void;
  children: ReactNode;
}) {
  const active = column === sort;
  const next: SortDir = active ? (dir === 'asc' ? 'desc' : 'asc') : NATURAL_DIR[column];
  return (
    <th
      scope="col"
      aria-sort={active ? (dir === 'asc' ? 'ascending' : 'descending') : 'none'}
      className={active ? 'sorted' : undefined}
    >
      <button type="button" className="sort" onClick={() => onSort(column, next)}>
        {children}
        <span aria-hidden="true" className="sort-arrow">
          {active ? (dir === 'asc' ? '▲' : '▼') : '↕'}
        </span>
      </button>
    </th>
  );
}

export interface QueueTableProps {
  requests: QueueRequest[];
  sort: SortKey;
  dir: SortDir;
  onSort: (column: SortKey, dir: SortDir) => void;
  selectedIndex: number;
  onSelect: (index: number) => void;
  changed: ReadonlySet<string>;
  side: ReaderSide;
  meId: string;
  canAssign: boolean;
  assigningId: string | null;
  onAssignToMe: (request: QueueRequest) => void;
  busy: boolean;
  caption: string;
  state: 'loading' | 'error' | 'empty' | 'rows';
  // Whether the reader's filters are on (the empty state suggests widening them).
  filtered: boolean;
}

const COLUMNS = 11;

export function QueueTable(props: QueueTableProps) {
  const intl = useIntl();
  const { sort, dir, onSort } = props;
  const header = { sort, dir, onSort };
  return (
    <div className="table-wrap queue-table-wrap">
      <table className="queue-table" aria-busy={props.busy || undefined}>
        <caption className="queue-sr-only">{props.caption}</caption>
        <thead>
          <tr>
            <SortHeader column="number" {...header}>
              <FormattedMessage id="queue.col.number" defaultMessage="Number" />
            </SortHeader>
            <th scope="col">
              <FormattedMessage id="queue.col.title" defaultMessage="Title" />
            </th>
            <th scope="col">
              <FormattedMessage id="queue.col.customer" defaultMessage="Customer" />
            </th>
            <th scope="col">
              <FormattedMessage id="queue.col.service" defaultMessage="Service" />
            </th>
            <SortHeader column="priority" {...header}>
              <FormattedMessage id="queue.col.priority" defaultMessage="Priority" />
            </SortHeader>
            <th scope="col">
              <FormattedMessage id="queue.col.status" defaultMessage="Status" />
            </th>
            <th scope="col">
              <FormattedMessage id="queue.col.assignee" defaultMessage="Assignee" />
            </th>
            <th scope="col">
              <FormattedMessage id="queue.col.sla" defaultMessage="Service level" />
            </th>
            <SortHeader column="created" {...header}>
              <FormattedMessage id="queue.col.created" defaultMessage="Created" />
            </SortHeader>
            <th scope="col">
              <FormattedMessage id="queue.col.updated" defaultMessage="Updated" />
            </th>
            <th scope="col">
              <span className="queue-sr-only">
                {intl.formatMessage({ id: 'queue.col.actions', defaultMessage: 'Actions' })}
              </span>
            </th>
          </tr>
        </thead>
        <tbody>
          {props.state === 'loading' && (
            <tr className="queue-state">
              <td colSpan={COLUMNS}>
                <FormattedMessage id="queue.loading" defaultMessage="Loading the queue…" />
              </td>
            </tr>
          )}
          {props.state === 'empty' && (
            <tr className="queue-state">
              <td colSpan={COLUMNS}>
                <p className="queue-empty">
                  <FormattedMessage
                    id="queue.empty"
                    defaultMessage="No requests match these filters"
                  />
                </p>
                {props.filtered && (
                  <p className="muted">
                    <FormattedMessage
                      id="queue.emptyHint"
                      defaultMessage="Widen the filters above, or clear them to see the whole queue."
                    />
                  </p>
                )}
              </td>
            </tr>
          )}
          {props.requests.map((request, index) => (
            <QueueRow
              key={request.id}
              request={request}
              selected={index === props.selectedIndex}
              changed={props.changed.has(request.id)}
              side={props.side}
              canAssignToMe={props.canAssign && request.assignee?.id !== props.meId}
              assigning={props.assigningId === request.id}
              onAssignToMe={() => props.onAssignToMe(request)}
              onFocusRow={() => props.onSelect(index)}
            />
          ))}
        </tbody>
      </table>
    </div>
  );
}
