import { FormEvent, useId, useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { useMutation } from 'urql';
import { refusalOf } from '../../api/errors';
import type { SettingsServicesQuery } from '../../gql/graphql';
import { Priority, PRIORITIES, priorityLabel } from '../../ui/labels';
import { describedBy, Feedback, FeedbackLine, FieldError } from '../settings-feedback';
import { CreateServiceMutation, UpdateServiceMutation } from './services-documents';

export type Service = SettingsServicesQuery['services'][number];
type Supplier = SettingsServicesQuery['departments'][number];

// A catalogue entry: new (supplier, name, description, default priority) or edited (also active).
export function ServiceForm({
  service,
  suppliers,
  onSaved,
  onCancel,
}: {
  service: Service | null;
  suppliers: Supplier[];
  onSaved: () => void;
  onCancel: () => void;
}) {
  const intl = useIntl();
  const ids = {
    heading: useId(),
    supplier: useId(),
    name: useId(),
    description: useId(),
    priority: useId(),
  };
  const [supplierId, setSupplierId] = useState(service?.supplier.id ?? '');
  const [name, setName] = useState(service?.name ?? '');
  const [description, setDescription] = useState(service?.description ?? '');
  const [priority, setPriority] = useState<Priority>(
    (service?.defaultPriority as Priority) ?? 'P3',
  );
  const [active, setActive] = useState(service?.active ?? true);
  const [errors, setErrors] = useState<{ supplier?: string; name?: string }>({});
  const [feedback, setFeedback] = useState<Feedback>(null);
  const [created, create] = useMutation(CreateServiceMutation);
  const [updated, update] = useMutation(UpdateServiceMutation);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const next = {
      supplier: supplierId
        ? undefined
        : intl.formatMessage({
            id: 'settings.services.supplierRequired',
            defaultMessage: 'Choose the supplier department.',
          }),
      name: name.trim()
        ? undefined
        : intl.formatMessage({
            id: 'settings.services.nameRequired',
            defaultMessage: 'Enter a name.',
          }),
    };
    setErrors(next);
    if (next.supplier || next.name) return;
    const result = service
      ? await update({
          input: {
            id: service.id,
            expectedVersion: service.version,
            name: name.trim(),
            description,
            defaultPriority: priority,
            active,
          },
        })
      : await create({
          input: { supplierId, name: name.trim(), description, defaultPriority: priority },
        });
    const refusal = refusalOf(result.error);
    if (refusal) {
      setFeedback({ kind: 'refused', refusal });
      return;
    }
    setFeedback({
      kind: 'ok',
      text: intl.formatMessage(
        { id: 'settings.services.saved', defaultMessage: 'Service {name} saved.' },
        { name: name.trim() },
      ),
    });
    if (!service) {
      setName('');
      setDescription('');
    }
    onSaved();
  };

  return (
    <form className="card settings-form" aria-labelledby={ids.heading} onSubmit={submit} noValidate>
      <h3 id={ids.heading}>
        {service ? (
          <FormattedMessage
            id="settings.services.editing"
            defaultMessage="Service {name}"
            values={{ name: <bdi>{service.name}</bdi> }}
          />
        ) : (
          <FormattedMessage id="settings.services.new" defaultMessage="New service" />
        )}
      </h3>
      <div className="settings-grid">
        <div className="field">
          <label htmlFor={ids.supplier}>
            <FormattedMessage
              id="settings.services.supplier"
              defaultMessage="Supplier department"
            />
          </label>
          <select
            id={ids.supplier}
            value={supplierId}
            disabled={service !== null}
            aria-invalid={errors.supplier ? true : undefined}
            aria-describedby={describedBy(errors.supplier && `${ids.supplier}-error`)}
            onChange={(e) => setSupplierId(e.target.value)}
          >
            <option value="">
              {intl.formatMessage({
                id: 'settings.services.chooseSupplier',
                defaultMessage: 'Choose…',
              })}
            </option>
            {suppliers.map((d) => (
              <option key={d.id} value={d.id}>
                {d.name} ({d.code})
              </option>
            ))}
          </select>
          <FieldError id={`${ids.supplier}-error`} message={errors.supplier} />
        </div>
        <div className="field">
          <label htmlFor={ids.name}>
            <FormattedMessage id="settings.services.name" defaultMessage="Service name" />
          </label>
          <input
            id={ids.name}
            dir="auto"
            value={name}
            maxLength={200}
            aria-invalid={errors.name ? true : undefined}
            aria-describedby={describedBy(errors.name && `${ids.name}-error`)}
            onChange={(e) => setName(e.target.value)}
          />
          <FieldError id={`${ids.name}-error`} message={errors.name} />
        </div>
        <div className="field">
          <label htmlFor={ids.priority}>
            <FormattedMessage
              id="settings.services.defaultPriority"
              defaultMessage="Default priority"
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
      <div className="field">
        <label htmlFor={ids.description}>
          <FormattedMessage
            id="settings.services.description"
            defaultMessage="Service description"
          />
        </label>
        <textarea
          id={ids.description}
          dir="auto"
          rows={3}
          value={description}
          onChange={(e) => setDescription(e.target.value)}
        />
      </div>
      {service ? (
        <label className="checkbox">
          <input type="checkbox" checked={active} onChange={(e) => setActive(e.target.checked)} />
          <FormattedMessage id="settings.services.activeField" defaultMessage="Offered (active)" />
        </label>
      ) : null}
      <div className="actions">
        <button type="submit" disabled={created.fetching || updated.fetching}>
          {service ? (
            <FormattedMessage id="settings.services.save" defaultMessage="Save service" />
          ) : (
            <FormattedMessage id="settings.services.create" defaultMessage="Create service" />
          )}
        </button>
        <button type="button" className="secondary" onClick={onCancel}>
          <FormattedMessage id="settings.services.close" defaultMessage="Close" />
        </button>
      </div>
      <FeedbackLine feedback={feedback} />
    </form>
  );
}
