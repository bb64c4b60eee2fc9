import { useId } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import type { Priority } from '../gql/graphql';
import { PRIORITIES, priorityLabel } from '../ui/labels';
import { FieldError } from './field-error';

export interface CatalogueService {
  id: string;
  name: string;
  description: string;
  defaultPriority: Priority;
}

export interface CatalogueSupplier {
  id: string;
  code: string;
  name: string;
  services: CatalogueService[];
}

// Step 1 of the wizard: who is asked (Supplier department), for what (Service) and how urgently
// (Priority). Option texts are the names themselves, so people and tests find them as written.
export function CatalogueFields({
  own,
  others,
  supplier,
  service,
  priority,
  errors,
  onSupplier,
  onService,
  onPriority,
  refs,
}: {
  own: CatalogueSupplier | null;
  others: CatalogueSupplier[];
  supplier: CatalogueSupplier | null;
  service: CatalogueService | null;
  priority: Priority;
  errors: { supplier?: string; service?: string };
  onSupplier: (id: string) => void;
  onService: (id: string) => void;
  onPriority: (priority: Priority) => void;
  // Where the form finds the selects to focus the first one to fix.
  refs: Partial<Record<'supplier' | 'service', HTMLElement | null>>;
}) {
  const intl = useIntl();
  const ids = { supplier: useId(), service: useId(), priority: useId(), hint: useId() };
  const serviceErrorId = `${ids.service}-error`;
  const supplierErrorId = `${ids.supplier}-error`;
  const services = supplier?.services ?? [];

  return (
    <fieldset className="wizard-step">
      <legend>
        <span className="step-number" aria-hidden="true">
          {intl.formatNumber(1)}
        </span>
        <FormattedMessage id="newRequest.step.catalogue" defaultMessage="Who can help, with what" />
      </legend>

      <div className="field">
        <label htmlFor={ids.supplier}>
          <FormattedMessage id="newRequest.supplier" defaultMessage="Supplier department" />
        </label>
        <select
          id={ids.supplier}
          ref={(el) => void (refs.supplier = el)}
          name="supplier"
          value={supplier?.id ?? ''}
          onChange={(e) => onSupplier(e.target.value)}
          aria-invalid={errors.supplier ? true : undefined}
          aria-describedby={errors.supplier ? supplierErrorId : undefined}
        >
          <option value="">
            {intl.formatMessage({
              id: 'newRequest.supplier.placeholder',
              defaultMessage: 'Choose a department…',
            })}
          </option>
          {own && (
            <optgroup
              label={intl.formatMessage({
                id: 'newRequest.supplier.own',
                defaultMessage: 'Your department',
              })}
            >
              <option value={own.id}>{own.name}</option>
            </optgroup>
          )}
          <optgroup
            label={intl.formatMessage({
              id: 'newRequest.supplier.others',
              defaultMessage: 'Departments offering services',
            })}
          >
            {others.map((d) => (
              <option key={d.id} value={d.id}>
                {d.name}
              </option>
            ))}
          </optgroup>
        </select>
        <FieldError id={supplierErrorId} message={errors.supplier} />
      </div>

      <div className="field">
        <label htmlFor={ids.service}>
          <FormattedMessage id="newRequest.service" defaultMessage="Service" />
        </label>
        <select
          id={ids.service}
          ref={(el) => void (refs.service = el)}
          name="service"
          value={service?.id ?? ''}
          disabled={!supplier}
          onChange={(e) => onService(e.target.value)}
          aria-invalid={errors.service ? true : undefined}
          aria-describedby={
            [errors.service ? serviceErrorId : '', service ? ids.hint : ''].join(' ').trim() ||
            undefined
          }
        >
          {services.length === 0 ? (
            <option value="">
              {supplier
                ? intl.formatMessage({
                    id: 'newRequest.service.none',
                    defaultMessage: 'No catalogue service: describe what you need',
                  })
                : intl.formatMessage({
                    id: 'newRequest.service.chooseSupplierFirst',
                    defaultMessage: 'Choose a department first',
                  })}
            </option>
          ) : (
            <option value="">
              {intl.formatMessage({
                id: 'newRequest.service.placeholder',
                defaultMessage: 'Choose a service…',
              })}
            </option>
          )}
          {services.map((s) => (
            <option key={s.id} value={s.id}>
              {s.name}
            </option>
          ))}
        </select>
        {service && (
          <p id={ids.hint} className="muted hint">
            {service.description ? (
              <bdi>{service.description}</bdi>
            ) : (
              intl.formatMessage({
                id: 'newRequest.service.noDescription',
                defaultMessage: 'No description.',
              })
            )}
          </p>
        )}
        <FieldError id={serviceErrorId} message={errors.service} />
      </div>

      <div className="field">
        <label htmlFor={ids.priority}>
          <FormattedMessage id="newRequest.priority" defaultMessage="Priority" />
        </label>
        <select
          id={ids.priority}
          name="priority"
          value={priority}
          onChange={(e) => onPriority(e.target.value as Priority)}
          aria-describedby={`${ids.priority}-hint`}
        >
          {PRIORITIES.map((p) => (
            <option key={p} value={p}>
              {priorityLabel(intl, p)}
            </option>
          ))}
        </select>
        <p id={`${ids.priority}-hint`} className="muted hint">
          {service ? (
            <FormattedMessage
              id="newRequest.priority.fromService"
              defaultMessage="Set from the service's usual priority ({priority}); change it if this is more or less urgent."
              values={{ priority: priorityLabel(intl, service.defaultPriority) }}
            />
          ) : (
            <FormattedMessage
              id="newRequest.priority.hint"
              defaultMessage="P1 is the most urgent; it also sets the service level."
            />
          )}
        </p>
      </div>
    </fieldset>
  );
}
