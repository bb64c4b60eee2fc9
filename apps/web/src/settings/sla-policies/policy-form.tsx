import { FormEvent, useId, useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { useMutation } from 'urql';
import { refusalOf } from '../../api/errors';
import type { SettingsSlaPoliciesQuery } from '../../gql/graphql';
import { formatMinutes } from '../../sla/business-duration';
import { PRIORITIES, priorityLabel, RelationshipType, relationshipLabel } from '../../ui/labels';
import { describedBy, Feedback, FeedbackLine, FieldError } from '../settings-feedback';
import { CreateSlaPolicyMutation, UpdateSlaPolicyMutation } from './sla-policies-documents';

type Data = SettingsSlaPoliciesQuery;
export type Policy = Data['slaPolicies'][number];
export const RELATIONSHIPS: RelationshipType[] = [
  'VERTICAL',
  'HORIZONTAL',
  'DIAGONAL',
  'SAME_DEPARTMENT',
];
export const MODES = ['SUPPLIER', 'CUSTOMER', 'BOTH'] as const;
type Mode = (typeof MODES)[number];

export function modeLabel(intl: ReturnType<typeof useIntl>, mode: string): string {
  switch (mode) {
    case 'CUSTOMER':
      return intl.formatMessage({
        id: 'settings.slaPolicies.mode.CUSTOMER',
        defaultMessage: "Customer's calendar",
      });
    case 'BOTH':
      return intl.formatMessage({
        id: 'settings.slaPolicies.mode.BOTH',
        defaultMessage: 'Both calendars (time common to both)',
      });
    default:
      return intl.formatMessage({
        id: 'settings.slaPolicies.mode.SUPPLIER',
        defaultMessage: "Supplier's calendar",
      });
  }
}

// Hours and minutes to business minutes; null when not a time.
function toMinutes(hours: string, minutes: string): number | null {
  const h = hours.trim() === '' ? 0 : Number(hours);
  const m = minutes.trim() === '' ? 0 : Number(minutes);
  if (!Number.isInteger(h) || !Number.isInteger(m) || h < 0 || m < 0 || m > 59) return null;
  return h * 60 + m;
}

function Duration({
  label,
  hours,
  minutes,
  error,
  disabled,
  onHours,
  onMinutes,
}: {
  label: string;
  hours: string;
  minutes: string;
  error?: string;
  disabled?: boolean;
  onHours: (v: string) => void;
  onMinutes: (v: string) => void;
}) {
  const intl = useIntl();
  const id = useId();
  const total = toMinutes(hours, minutes);
  return (
    <fieldset
      className="policy-duration"
      aria-describedby={describedBy(`${id}-words`, error && `${id}-error`)}
    >
      <legend>{label}</legend>
      <label className="inline-label">
        <input
          type="number"
          min={0}
          className="narrow"
          value={hours}
          disabled={disabled}
          aria-invalid={error ? true : undefined}
          onChange={(e) => onHours(e.target.value)}
        />{' '}
        <FormattedMessage id="settings.slaPolicies.hours" defaultMessage="hours" />
      </label>
      <label className="inline-label">
        <input
          type="number"
          min={0}
          max={59}
          className="narrow"
          value={minutes}
          disabled={disabled}
          aria-invalid={error ? true : undefined}
          onChange={(e) => onMinutes(e.target.value)}
        />{' '}
        <FormattedMessage id="settings.slaPolicies.minutes" defaultMessage="minutes" />
      </label>
      <p id={`${id}-words`} className="muted hint">
        {total !== null && total > 0
          ? intl.formatMessage(
              {
                id: 'settings.slaPolicies.ofWorkingTime',
                defaultMessage: '{duration} of working time',
              },
              { duration: formatMinutes(total, intl.locale) },
            )
          : ''}
      </p>
      <FieldError id={`${id}-error`} message={error} />
    </fieldset>
  );
}

const split = (total: number) => ({ h: String(Math.floor(total / 60)), m: String(total % 60) });

// Create a policy (every matcher, targets, warning, calendar), or edit one: the API changes
// only targets, warning threshold and active on an existing policy.
export function PolicyForm({
  policy,
  data,
  onSaved,
  onCancel,
}: {
  policy: Policy | null;
  data: Data;
  onSaved: () => void;
  onCancel: () => void;
}) {
  const intl = useIntl();
  const ids = {
    heading: useId(),
    name: useId(),
    supplier: useId(),
    customer: useId(),
    service: useId(),
    priority: useId(),
    relationship: useId(),
    warn: useId(),
    mode: useId(),
    calendar: useId(),
  };
  const editing = policy !== null;
  const fr = split(policy?.firstResponseMinutes ?? 60);
  const rs = split(policy?.resolutionMinutes ?? 480);
  const [name, setName] = useState(policy?.name ?? '');
  const [supplierId, setSupplierId] = useState(policy?.supplierId ?? '');
  const [customerId, setCustomerId] = useState(policy?.customerId ?? '');
  const [serviceId, setServiceId] = useState(policy?.serviceId ?? '');
  const [priority, setPriority] = useState<string>(policy?.priority ?? '');
  const [relationship, setRelationship] = useState<string>(policy?.relationshipType ?? '');
  const [frH, setFrH] = useState(fr.h);
  const [frM, setFrM] = useState(fr.m);
  const [rsH, setRsH] = useState(rs.h);
  const [rsM, setRsM] = useState(rs.m);
  const [warn, setWarn] = useState(String(policy?.warnAtPercent ?? 80));
  const [mode, setMode] = useState<Mode>((policy?.calendarMode as Mode) ?? 'SUPPLIER');
  const [calendarId, setCalendarId] = useState(policy?.calendarId ?? '');
  const [active, setActive] = useState(policy?.active ?? true);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [feedback, setFeedback] = useState<Feedback>(null);
  const [created, create] = useMutation(CreateSlaPolicyMutation);
  const [updated, update] = useMutation(UpdateSlaPolicyMutation);
  const services = data.services.filter((s) => !supplierId || s.supplier.id === supplierId);
  const any = intl.formatMessage({ id: 'settings.slaPolicies.any', defaultMessage: 'Any' });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const next: Record<string, string> = {};
    const first = toMinutes(frH, frM);
    const resolution = toMinutes(rsH, rsM);
    const bad = intl.formatMessage({
      id: 'settings.slaPolicies.targetInvalid',
      defaultMessage: 'Give a time of at least one minute (minutes 0 to 59).',
    });
    if (first === null || first < 1) next.first = bad;
    if (resolution === null || resolution < 1) next.resolution = bad;
    const percent = Number(warn);
    if (!Number.isInteger(percent) || percent < 1 || percent > 99)
      next.warn = intl.formatMessage({
        id: 'settings.slaPolicies.warnRange',
        defaultMessage: 'A whole percentage from 1 to 99.',
      });
    setErrors(next);
    if (Object.keys(next).length > 0) return;
    const result = editing
      ? await update({
          input: {
            id: policy.id,
            name: name.trim() || undefined,
            active,
            firstResponseMinutes: first,
            resolutionMinutes: resolution,
            warnAtPercent: percent,
          },
        })
      : await create({
          input: {
            name: name.trim() || null,
            supplierId: supplierId || null,
            customerId: customerId || null,
            serviceId: serviceId || null,
            priority: (priority || null) as never,
            relationshipType: (relationship || null) as never,
            firstResponseMinutes: first!,
            resolutionMinutes: resolution!,
            warnAtPercent: percent,
            calendarMode: mode as never,
            calendarId: calendarId || null,
          },
        });
    const refusal = refusalOf(result.error);
    if (refusal) {
      setFeedback({ kind: 'refused', refusal });
      return;
    }
    setFeedback({
      kind: 'ok',
      text: intl.formatMessage({
        id: 'settings.slaPolicies.saved',
        defaultMessage: 'Policy saved.',
      }),
    });
    onSaved();
  };

  const select = (
    id: string,
    label: string,
    value: string,
    onChange: (v: string) => void,
    options: { value: string; label: string }[],
  ) => (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} disabled={editing} onChange={(e) => onChange(e.target.value)}>
        <option value="">{any}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
  const departments = data.departments.map((d) => ({
    value: d.id,
    label: `${d.name} (${d.code})`,
  }));

  return (
    <form className="card settings-form" aria-labelledby={ids.heading} onSubmit={submit} noValidate>
      <h3 id={ids.heading}>
        {editing ? (
          <FormattedMessage
            id="settings.slaPolicies.editing"
            defaultMessage="Policy {name}"
            values={{ name: <bdi>{policy.name}</bdi> }}
          />
        ) : (
          <FormattedMessage id="settings.slaPolicies.new" defaultMessage="New policy" />
        )}
      </h3>
      {editing ? (
        <p className="muted hint">
          <FormattedMessage
            id="settings.slaPolicies.editHintName"
            defaultMessage="What a policy matches stays as created; its name, targets, warning and state can change (running clocks follow the targets)."
          />
        </p>
      ) : null}
      <div className="settings-grid">
        <div className="field">
          <label htmlFor={ids.name}>
            <FormattedMessage id="settings.slaPolicies.name" defaultMessage="Policy name" />
          </label>
          <input
            id={ids.name}
            dir="auto"
            value={name}
            maxLength={120}
            onChange={(e) => setName(e.target.value)}
          />
        </div>
        {select(
          ids.supplier,
          intl.formatMessage({ id: 'settings.slaPolicies.supplier', defaultMessage: 'Supplier' }),
          supplierId,
          (v) => {
            setSupplierId(v);
            setServiceId('');
          },
          departments,
        )}
        {select(
          ids.service,
          intl.formatMessage({ id: 'settings.slaPolicies.service', defaultMessage: 'Service' }),
          serviceId,
          setServiceId,
          services.map((s) => ({ value: s.id, label: s.name })),
        )}
        {select(
          ids.customer,
          intl.formatMessage({ id: 'settings.slaPolicies.customer', defaultMessage: 'Customer' }),
          customerId,
          setCustomerId,
          departments,
        )}
        {select(
          ids.relationship,
          intl.formatMessage({
            id: 'settings.slaPolicies.relationship',
            defaultMessage: 'Relationship type',
          }),
          relationship,
          setRelationship,
          RELATIONSHIPS.map((r) => ({ value: r, label: relationshipLabel(intl, r) })),
        )}
        {select(
          ids.priority,
          intl.formatMessage({ id: 'settings.slaPolicies.priority', defaultMessage: 'Priority' }),
          priority,
          setPriority,
          PRIORITIES.map((p) => ({ value: p, label: priorityLabel(intl, p) })),
        )}
      </div>
      <div className="settings-grid">
        <Duration
          label={intl.formatMessage({
            id: 'settings.slaPolicies.firstResponse',
            defaultMessage: 'First response target',
          })}
          hours={frH}
          minutes={frM}
          error={errors.first}
          onHours={setFrH}
          onMinutes={setFrM}
        />
        <Duration
          label={intl.formatMessage({
            id: 'settings.slaPolicies.resolution',
            defaultMessage: 'Resolution target',
          })}
          hours={rsH}
          minutes={rsM}
          error={errors.resolution}
          onHours={setRsH}
          onMinutes={setRsM}
        />
        <div className="field">
          <label htmlFor={ids.warn}>
            <FormattedMessage
              id="settings.slaPolicies.warnAt"
              defaultMessage="Warn at (% of the target used)"
            />
          </label>
          <input
            id={ids.warn}
            type="number"
            min={1}
            max={99}
            className="narrow"
            value={warn}
            aria-invalid={errors.warn ? true : undefined}
            aria-describedby={describedBy(errors.warn && `${ids.warn}-error`)}
            onChange={(e) => setWarn(e.target.value)}
          />
          <FieldError id={`${ids.warn}-error`} message={errors.warn} />
        </div>
      </div>
      <div className="settings-grid">
        <div className="field">
          <label htmlFor={ids.mode}>
            <FormattedMessage id="settings.slaPolicies.mode" defaultMessage="Counts in" />
          </label>
          <select
            id={ids.mode}
            value={mode}
            disabled={editing || calendarId !== ''}
            onChange={(e) => setMode(e.target.value as Mode)}
          >
            {MODES.map((m) => (
              <option key={m} value={m}>
                {modeLabel(intl, m)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={ids.calendar}>
            <FormattedMessage
              id="settings.slaPolicies.calendar"
              defaultMessage="Or a calendar of its own"
            />
          </label>
          <select
            id={ids.calendar}
            value={calendarId}
            disabled={editing}
            onChange={(e) => setCalendarId(e.target.value)}
          >
            <option value="">
              {intl.formatMessage({
                id: 'settings.slaPolicies.noCalendar',
                defaultMessage: 'None: the departments’ calendars',
              })}
            </option>
            {data.businessCalendars.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </select>
        </div>
        {editing ? (
          <div className="field">
            <label className="checkbox">
              <input
                type="checkbox"
                checked={active}
                onChange={(e) => setActive(e.target.checked)}
              />
              <FormattedMessage id="settings.slaPolicies.active" defaultMessage="Active" />
            </label>
          </div>
        ) : null}
      </div>
      <div className="actions">
        <button type="submit" disabled={created.fetching || updated.fetching}>
          {editing ? (
            <FormattedMessage id="settings.slaPolicies.save" defaultMessage="Save policy" />
          ) : (
            <FormattedMessage id="settings.slaPolicies.create" defaultMessage="Create policy" />
          )}
        </button>
        <button type="button" className="secondary" onClick={onCancel}>
          <FormattedMessage id="settings.slaPolicies.close" defaultMessage="Close" />
        </button>
      </div>
      <FeedbackLine feedback={feedback} />
    </form>
  );
}
