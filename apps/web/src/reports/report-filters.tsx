import { Ref, useId } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import type { ReportsOptionsQuery } from '../gql/graphql';
import { priorityLabel, relationshipLabel } from '../ui/labels';
import { groupName, periodName } from './report-format';
import { GROUPS, PERIODS, PRIORITY_VALUES, RELATIONSHIPS, ReportView } from './report-params';

type Options = ReportsOptionsQuery | undefined;

// Every filter of ReportFilter, the grouping and the period: each change goes to the URL.
export function ReportFilters({
  view,
  options,
  leadDepartment,
  onChange,
  onClear,
  stickyRef,
}: {
  view: ReportView;
  options: Options;
  // A team lead reports on their own department's traffic: the supplier filter offers it alone.
  leadDepartment: { id: string; code: string; name: string } | null;
  onChange: (change: Partial<ReportView>) => void;
  onClear: () => void;
  // The filters' element, measured while sticky (the sections' covered top).
  stickyRef?: Ref<HTMLElement>;
}) {
  const intl = useIntl();
  const id = useId();
  const departments = [...(options?.departments ?? [])].sort((a, b) =>
    a.code.localeCompare(b.code),
  );
  const suppliers = leadDepartment ? [leadDepartment] : departments;
  const services = [...(options?.services ?? [])].sort(
    (a, b) => a.supplier.code.localeCompare(b.supplier.code) || a.name.localeCompare(b.name),
  );
  const select = (
    key: 'supplier' | 'customer' | 'service' | 'priority' | 'relationship' | 'group' | 'period',
    label: string,
    choices: { value: string; label: string }[],
    any?: string,
  ) => (
    <div className="field">
      <label htmlFor={`${id}-${key}`}>{label}</label>
      <select
        id={`${id}-${key}`}
        value={view[key]}
        onChange={(e) => onChange({ [key]: e.target.value } as Partial<ReportView>)}
      >
        {any !== undefined && <option value="">{any}</option>}
        {/* A link naming a choice not (yet) offered keeps it selected, with its id. */}
        {view[key] && !choices.some((c) => c.value === view[key]) && (
          <option value={view[key]}>{view[key]}</option>
        )}
        {choices.map((c) => (
          <option key={c.value} value={c.value}>
            {c.label}
          </option>
        ))}
      </select>
    </div>
  );
  return (
    <section
      ref={stickyRef}
      className="reports-filters card"
      aria-label={intl.formatMessage({ id: 'reports.filters', defaultMessage: 'Report filters' })}
    >
      <div className="reports-filter-row">
        <div className="field">
          <label htmlFor={`${id}-from`}>
            <FormattedMessage id="reports.filters.from" defaultMessage="From" />
          </label>
          <input
            id={`${id}-from`}
            type="date"
            value={view.from}
            max={view.to || undefined}
            onChange={(e) => onChange({ from: e.target.value })}
          />
        </div>
        <div className="field">
          <label htmlFor={`${id}-to`}>
            <FormattedMessage id="reports.filters.to" defaultMessage="To" />
          </label>
          <input
            id={`${id}-to`}
            type="date"
            value={view.to}
            min={view.from || undefined}
            onChange={(e) => onChange({ to: e.target.value })}
          />
        </div>
        {select(
          'supplier',
          intl.formatMessage({ id: 'reports.filters.supplier', defaultMessage: 'Supplier' }),
          suppliers.map((d) => ({ value: d.id, label: `${d.name} (${d.code})` })),
          intl.formatMessage({
            id: 'reports.filters.anySupplier',
            defaultMessage: 'All suppliers',
          }),
        )}
        {select(
          'customer',
          intl.formatMessage({ id: 'reports.filters.customer', defaultMessage: 'Customer' }),
          departments.map((d) => ({ value: d.id, label: `${d.name} (${d.code})` })),
          intl.formatMessage({
            id: 'reports.filters.anyCustomer',
            defaultMessage: 'All customers',
          }),
        )}
        {select(
          'service',
          intl.formatMessage({ id: 'reports.filters.service', defaultMessage: 'Service' }),
          services.map((s) => ({ value: s.id, label: `${s.name} (${s.supplier.code})` })),
          intl.formatMessage({ id: 'reports.filters.anyService', defaultMessage: 'All services' }),
        )}
        {select(
          'priority',
          intl.formatMessage({ id: 'reports.filters.priority', defaultMessage: 'Priority' }),
          PRIORITY_VALUES.map((p) => ({ value: p, label: priorityLabel(intl, p) })),
          intl.formatMessage({
            id: 'reports.filters.anyPriority',
            defaultMessage: 'All priorities',
          }),
        )}
        {select(
          'relationship',
          intl.formatMessage({
            id: 'reports.filters.relationship',
            defaultMessage: 'Relationship type',
          }),
          RELATIONSHIPS.map((r) => ({ value: r, label: relationshipLabel(intl, r) })),
          intl.formatMessage({
            id: 'reports.filters.anyRelationship',
            defaultMessage: 'All types',
          }),
        )}
      </div>
      <div className="reports-filter-row">
        {select(
          'group',
          intl.formatMessage({ id: 'reports.filters.groupBy', defaultMessage: 'Group by' }),
          GROUPS.map((g) => ({ value: g, label: groupName(intl, g) })),
        )}
        {select(
          'period',
          intl.formatMessage({ id: 'reports.filters.period', defaultMessage: 'Period' }),
          PERIODS.map((p) => ({ value: p, label: periodName(intl, p) })),
        )}
        <button type="button" className="secondary reports-clear" onClick={onClear}>
          <FormattedMessage id="reports.filters.clear" defaultMessage="Clear filters" />
        </button>
      </div>
    </section>
  );
}
