import { useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { useQuery } from 'urql';
import { useSignedInUser } from '../auth/session';
import { formatMinutes } from '../sla/business-duration';
import { priorityLabel, relationshipLabel } from '../ui/labels';
import { ShortButton } from './settings-feedback';
import { modeLabel, PolicyForm } from './sla-policies/policy-form';
import { SettingsSlaPoliciesQuery } from './sla-policies/sla-policies-documents';
import { WhichPolicy } from './sla-policies/which-policy';

const CONTEXT = { additionalTypenames: ['SlaPolicy', 'Service', 'BusinessCalendar'] };
const NEW = 'new';

// SLA policies: the table, a form to create or edit one, and "Which policy applies?".
export function SlaPoliciesSection() {
  const intl = useIntl();
  const user = useSignedInUser();
  const canEdit = user.role === 'ADMIN' || user.role === 'OPS';
  const [openId, setOpenId] = useState<string | null>(null);
  const [{ data, error }, refetch] = useQuery({
    query: SettingsSlaPoliciesQuery,
    context: CONTEXT,
  });
  const policies = data?.slaPolicies ?? [];
  const dept = new Map((data?.departments ?? []).map((d) => [d.id, d]));
  const service = new Map((data?.services ?? []).map((s) => [s.id, s]));
  const calendar = new Map((data?.businessCalendars ?? []).map((c) => [c.id, c]));
  const any = intl.formatMessage({ id: 'settings.slaPolicies.any', defaultMessage: 'Any' });
  const open = openId && openId !== NEW ? policies.find((p) => p.id === openId) : undefined;
  const deptName = (id: string | null | undefined) => {
    const d = id ? dept.get(id) : undefined;
    return d ? `${d.name} (${d.code})` : any;
  };

  return (
    <div className="settings-sla-policies">
      {error && !data ? (
        <p role="alert" className="error">
          <FormattedMessage
            id="settings.slaPolicies.loadFailed"
            defaultMessage="The policies could not be loaded."
          />
        </p>
      ) : null}
      <div className="table-wrap">
        <table>
          <caption>
            {intl.formatMessage({
              id: 'settings.slaPolicies.table',
              defaultMessage: 'SLA policies',
            })}
          </caption>
          <thead>
            <tr>
              <th scope="col">
                <FormattedMessage id="settings.slaPolicies.col.name" defaultMessage="Name" />
              </th>
              <th scope="col">
                <FormattedMessage
                  id="settings.slaPolicies.col.supplier"
                  defaultMessage="Supplier"
                />
              </th>
              <th scope="col">
                <FormattedMessage id="settings.slaPolicies.col.matches" defaultMessage="Matches" />
              </th>
              <th scope="col">
                <FormattedMessage id="settings.slaPolicies.col.targets" defaultMessage="Targets" />
              </th>
              <th scope="col">
                <FormattedMessage id="settings.slaPolicies.col.warn" defaultMessage="Warning" />
              </th>
              <th scope="col">
                <FormattedMessage
                  id="settings.slaPolicies.col.calendar"
                  defaultMessage="Counts in"
                />
              </th>
              <th scope="col">
                <FormattedMessage id="settings.slaPolicies.col.state" defaultMessage="State" />
              </th>
              {canEdit ? (
                <th scope="col">
                  <FormattedMessage
                    id="settings.slaPolicies.col.actions"
                    defaultMessage="Actions"
                  />
                </th>
              ) : null}
            </tr>
          </thead>
          <tbody>
            {policies.length === 0 ? (
              <tr>
                <td colSpan={canEdit ? 8 : 7} className="muted">
                  <FormattedMessage
                    id="settings.slaPolicies.none"
                    defaultMessage="No policies yet."
                  />
                </td>
              </tr>
            ) : null}
            {policies.map((p) => {
              const s = p.serviceId ? service.get(p.serviceId) : undefined;
              const cal = p.calendarId ? calendar.get(p.calendarId) : undefined;
              return (
                <tr key={p.id} className={p.id === openId ? 'selected' : undefined}>
                  <td>
                    <bdi>{p.name}</bdi>
                  </td>
                  <td>
                    <bdi>{deptName(p.supplierId)}</bdi>
                  </td>
                  <td>
                    <FormattedMessage
                      id="settings.slaPolicies.matchers"
                      defaultMessage="service: {service}; customer: {customer}; relationship: {relationship}; priority: {priority}"
                      values={{
                        service: <bdi>{s?.name ?? any}</bdi>,
                        customer: <bdi>{deptName(p.customerId)}</bdi>,
                        relationship: p.relationshipType
                          ? relationshipLabel(intl, p.relationshipType)
                          : any,
                        priority: p.priority ? priorityLabel(intl, p.priority) : any,
                      }}
                    />
                  </td>
                  <td>
                    <FormattedMessage
                      id="settings.slaPolicies.targets"
                      defaultMessage="first response {first}, resolution {resolution} of working time"
                      values={{
                        first: formatMinutes(p.firstResponseMinutes, intl.locale),
                        resolution: formatMinutes(p.resolutionMinutes, intl.locale),
                      }}
                    />
                  </td>
                  <td>
                    <FormattedMessage
                      id="settings.slaPolicies.warnValue"
                      defaultMessage="at {percent, number, percent} used"
                      values={{ percent: p.warnAtPercent / 100 }}
                    />
                  </td>
                  <td>{cal ? <bdi>{cal.name}</bdi> : modeLabel(intl, p.calendarMode)}</td>
                  <td>
                    {p.active ? (
                      <FormattedMessage
                        id="settings.slaPolicies.isActive"
                        defaultMessage="Active"
                      />
                    ) : (
                      <FormattedMessage
                        id="settings.slaPolicies.isInactive"
                        defaultMessage="Inactive"
                      />
                    )}
                  </td>
                  {canEdit ? (
                    <td>
                      <ShortButton
                        word={intl.formatMessage({
                          id: 'settings.slaPolicies.editWord',
                          defaultMessage: 'Edit',
                        })}
                        name={intl.formatMessage(
                          { id: 'settings.slaPolicies.edit', defaultMessage: 'Edit {name}' },
                          { name: p.name },
                        )}
                        onClick={() => setOpenId(p.id)}
                      />
                    </td>
                  ) : null}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {canEdit ? (
        <div className="actions">
          <button type="button" onClick={() => setOpenId(NEW)}>
            <FormattedMessage id="settings.slaPolicies.newButton" defaultMessage="New policy" />
          </button>
        </div>
      ) : null}
      {data && canEdit && (openId === NEW || open) ? (
        <PolicyForm
          key={open ? open.id : NEW}
          policy={open ?? null}
          data={data}
          onSaved={() => refetch({ requestPolicy: 'network-only' })}
          onCancel={() => setOpenId(null)}
        />
      ) : null}
      {data ? <WhichPolicy data={data} /> : null}
    </div>
  );
}
