import { FormEvent, useId, useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { useClient } from 'urql';
import { refusalOf } from '../../api/errors';
import type { SettingsSlaPoliciesQuery } from '../../gql/graphql';
import { formatMinutes } from '../../sla/business-duration';
import { Priority, PRIORITIES, priorityLabel, relationshipLabel } from '../../ui/labels';
import { describedBy, Feedback, FeedbackLine, FieldError } from '../settings-feedback';
import { ApplicableSlaPolicyQuery } from './sla-policies-documents';

// "Which policy applies?": a sample request, answered with the selection filing would use.
export function WhichPolicy({ data }: { data: SettingsSlaPoliciesQuery }) {
  const intl = useIntl();
  const client = useClient();
  const ids = {
    heading: useId(),
    supplier: useId(),
    customer: useId(),
    service: useId(),
    priority: useId(),
  };
  const [supplierId, setSupplierId] = useState('');
  const [customerId, setCustomerId] = useState('');
  const [serviceId, setServiceId] = useState('');
  const [priority, setPriority] = useState<Priority>('P3');
  const [errors, setErrors] = useState<{ supplier?: string; customer?: string }>({});
  const [feedback, setFeedback] = useState<Feedback>(null);
  const [busy, setBusy] = useState(false);
  const services = data.services.filter((s) => s.supplier.id === supplierId);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const required = intl.formatMessage({
      id: 'settings.slaPolicies.which.required',
      defaultMessage: 'Choose a department.',
    });
    const next = {
      supplier: supplierId ? undefined : required,
      customer: customerId ? undefined : required,
    };
    setErrors(next);
    if (next.supplier || next.customer) return;
    setBusy(true);
    const result = await client
      .query(
        ApplicableSlaPolicyQuery,
        { supplierId, customerId, serviceId: serviceId || null, priority },
        { requestPolicy: 'network-only' },
      )
      .toPromise();
    setBusy(false);
    const refusal = refusalOf(result.error);
    if (refusal || !result.data) {
      if (refusal) setFeedback({ kind: 'refused', refusal });
      return;
    }
    const answer = result.data.applicableSlaPolicy;
    const relationship = relationshipLabel(intl, answer.relationshipType);
    setFeedback({
      kind: 'ok',
      text: answer.policy
        ? intl.formatMessage(
            {
              id: 'settings.slaPolicies.which.answer',
              defaultMessage:
                '{relationship} relationship. Policy “{policy}” applies: first response within {first}, resolution within {resolution} of working time.',
            },
            {
              relationship,
              policy: answer.policy.name,
              first: formatMinutes(answer.firstResponseMinutes ?? 0, intl.locale),
              resolution: formatMinutes(answer.resolutionMinutes ?? 0, intl.locale),
            },
          )
        : intl.formatMessage(
            {
              id: 'settings.slaPolicies.which.none',
              defaultMessage:
                '{relationship} relationship. No policy applies: such a request would have no targets.',
            },
            { relationship },
          ),
    });
  };

  const departments = data.departments.map((d) => (
    <option key={d.id} value={d.id}>
      {d.name} ({d.code})
    </option>
  ));
  const choose = intl.formatMessage({
    id: 'settings.slaPolicies.which.choose',
    defaultMessage: 'Choose…',
  });

  return (
    <form className="card settings-form" aria-labelledby={ids.heading} onSubmit={submit} noValidate>
      <h3 id={ids.heading}>
        <FormattedMessage
          id="settings.slaPolicies.which.title"
          defaultMessage="Which policy applies?"
        />
      </h3>
      <div className="settings-grid">
        <div className="field">
          <label htmlFor={ids.supplier}>
            <FormattedMessage
              id="settings.slaPolicies.which.supplier"
              defaultMessage="Sample supplier"
            />
          </label>
          <select
            id={ids.supplier}
            value={supplierId}
            aria-invalid={errors.supplier ? true : undefined}
            aria-describedby={describedBy(errors.supplier && `${ids.supplier}-error`)}
            onChange={(e) => {
              setSupplierId(e.target.value);
              setServiceId('');
            }}
          >
            <option value="">{choose}</option>
            {departments}
          </select>
          <FieldError id={`${ids.supplier}-error`} message={errors.supplier} />
        </div>
        <div className="field">
          <label htmlFor={ids.customer}>
            <FormattedMessage
              id="settings.slaPolicies.which.customer"
              defaultMessage="Sample customer"
            />
          </label>
          <select
            id={ids.customer}
            value={customerId}
            aria-invalid={errors.customer ? true : undefined}
            aria-describedby={describedBy(errors.customer && `${ids.customer}-error`)}
            onChange={(e) => setCustomerId(e.target.value)}
          >
            <option value="">{choose}</option>
            {departments}
          </select>
          <FieldError id={`${ids.customer}-error`} message={errors.customer} />
        </div>
        <div className="field">
          <label htmlFor={ids.service}>
            <FormattedMessage
              id="settings.slaPolicies.which.service"
              defaultMessage="Sample service"
            />
          </label>
          <select id={ids.service} value={serviceId} onChange={(e) => setServiceId(e.target.value)}>
            <option value="">
              {intl.formatMessage({
                id: 'settings.slaPolicies.which.noService',
                defaultMessage: 'No service',
              })}
            </option>
            {services.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={ids.priority}>
            <FormattedMessage
              id="settings.slaPolicies.which.priority"
              defaultMessage="Sample priority"
            />
          </label>
          <select
            id={ids.priority}
            value={priority}
            onChange={(e) => setPriority(e.target.value as Priority)}
          >
            {PRIORITIES.map((p) => (
              <option key={p} value={p}>
                {priorityLabel(intl, p)}
              </option>
            ))}
          </select>
        </div>
      </div>
      <div className="actions">
        <button type="submit" disabled={busy}>
          <FormattedMessage id="settings.slaPolicies.which.run" defaultMessage="Find the policy" />
        </button>
      </div>
      <FeedbackLine feedback={feedback} />
    </form>
  );
}
