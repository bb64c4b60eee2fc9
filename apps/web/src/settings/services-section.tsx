import { useId, useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { useQuery } from 'urql';
import { useSignedInUser } from '../auth/session';
import { Priority, priorityLabel } from '../ui/labels';
import { ServiceForm } from './services/service-form';
import { SettingsServicesQuery } from './services/services-documents';

const CONTEXT = { additionalTypenames: ['Service'] };
const NEW = 'new';

// The catalogue of every supplier, active and withdrawn; admins (and a supplier's lead, on
// their own) add and change entries, others read.
export function ServicesSection() {
  const intl = useIntl();
  const user = useSignedInUser();
  const canEdit = user.role === 'ADMIN';
  const filterId = useId();
  const [supplierFilter, setSupplierFilter] = useState('');
  const [openId, setOpenId] = useState<string | null>(null);
  const [{ data, error }, refetch] = useQuery({ query: SettingsServicesQuery, context: CONTEXT });
  const services = (data?.services ?? [])
    .filter((s) => !supplierFilter || s.supplier.id === supplierFilter)
    .sort(
      (a, b) =>
        a.supplier.name.localeCompare(b.supplier.name, intl.locale) ||
        a.name.localeCompare(b.name, intl.locale),
    );
  const suppliers = [...(data?.departments ?? [])].sort((a, b) =>
    a.name.localeCompare(b.name, intl.locale),
  );
  const open = openId && openId !== NEW ? data?.services.find((s) => s.id === openId) : undefined;

  return (
    <div className="settings-services">
      {error && !data ? (
        <p role="alert" className="error">
          <FormattedMessage
            id="settings.services.loadFailed"
            defaultMessage="The services could not be loaded."
          />
        </p>
      ) : null}
      <div className="settings-toolbar">
        <div className="field">
          <label htmlFor={filterId}>
            <FormattedMessage id="settings.services.filter" defaultMessage="Show the services of" />
          </label>
          <select
            id={filterId}
            value={supplierFilter}
            onChange={(e) => setSupplierFilter(e.target.value)}
          >
            <option value="">
              {intl.formatMessage({
                id: 'settings.services.allSuppliers',
                defaultMessage: 'Every supplier',
              })}
            </option>
            {suppliers.map((d) => (
              <option key={d.id} value={d.id}>
                {d.name} ({d.code})
              </option>
            ))}
          </select>
        </div>
        {canEdit ? (
          <button type="button" onClick={() => setOpenId(NEW)}>
            <FormattedMessage id="settings.services.newButton" defaultMessage="New service" />
          </button>
        ) : (
          <p className="muted">
            <FormattedMessage
              id="settings.services.readOnly"
              defaultMessage="A supplier's team lead or an administrator changes its catalogue."
            />
          </p>
        )}
      </div>
      {data && canEdit && (openId === NEW || open) ? (
        <ServiceForm
          key={open ? open.id : NEW}
          service={open ?? null}
          suppliers={suppliers}
          onSaved={() => refetch({ requestPolicy: 'network-only' })}
          onCancel={() => setOpenId(null)}
        />
      ) : null}
      <div className="table-wrap">
        <table>
          <caption>
            {intl.formatMessage({ id: 'settings.services.table', defaultMessage: 'Services' })}
          </caption>
          <thead>
            <tr>
              <th scope="col">
                <FormattedMessage id="settings.services.col.supplier" defaultMessage="Supplier" />
              </th>
              <th scope="col">
                <FormattedMessage id="settings.services.col.name" defaultMessage="Service" />
              </th>
              <th scope="col">
                <FormattedMessage
                  id="settings.services.col.description"
                  defaultMessage="Description"
                />
              </th>
              <th scope="col">
                <FormattedMessage
                  id="settings.services.col.priority"
                  defaultMessage="Default priority"
                />
              </th>
              <th scope="col">
                <FormattedMessage id="settings.services.col.state" defaultMessage="State" />
              </th>
              {canEdit ? (
                <th scope="col">
                  <FormattedMessage id="settings.services.col.actions" defaultMessage="Actions" />
                </th>
              ) : null}
            </tr>
          </thead>
          <tbody>
            {services.length === 0 ? (
              <tr>
                <td colSpan={canEdit ? 6 : 5} className="muted">
                  <FormattedMessage id="settings.services.none" defaultMessage="No services." />
                </td>
              </tr>
            ) : null}
            {services.map((s) => (
              <tr key={s.id}>
                <td>
                  <bdi>{s.supplier.name}</bdi>
                </td>
                <td>
                  <bdi>{s.name}</bdi>
                </td>
                <td>
                  <bdi>{s.description}</bdi>
                </td>
                <td>{priorityLabel(intl, s.defaultPriority as Priority)}</td>
                <td>
                  {s.active ? (
                    <FormattedMessage id="settings.services.active" defaultMessage="Active" />
                  ) : (
                    <FormattedMessage
                      id="settings.services.inactive"
                      defaultMessage="Inactive (withdrawn)"
                    />
                  )}
                </td>
                {canEdit ? (
                  <td>
                    <button type="button" className="secondary" onClick={() => setOpenId(s.id)}>
                      {intl.formatMessage(
                        { id: 'settings.services.edit', defaultMessage: 'Edit {name}' },
                        { name: s.name },
                      )}
                    </button>
                  </td>
                ) : null}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
