import { FormEvent, useEffect, useMemo, useRef, useState } from 'react';
import { FormattedMessage, IntlShape, useIntl } from 'react-intl';
import { Link } from 'react-router';
import { useQuery } from 'urql';
import { refusalOf } from '../api/errors';
import { useSignedInUser } from '../auth/session';
import { Priority, PRIORITIES, priorityLabel } from '../ui/labels';
import { useDocumentTitle } from '../ui/use-document-title';
import { WhatIfOptionsQuery, WhatIfSimulateQuery } from '../what-if/what-if-documents';
import {
  CalendarChoice,
  currentTargets,
  Duration,
  simulationVariables,
  validateWhatIf,
  WhatIfErrorCode,
  WhatIfErrors,
  WhatIfForm,
} from '../what-if/what-if-form';
import { SimulationByPriority, WhatIfResult } from '../what-if/what-if-result';
import '../styles/what-if.css';

function errorText(intl: IntlShape, code: WhatIfErrorCode): string {
  switch (code) {
    case 'supplierRequired':
      return intl.formatMessage({
        id: 'whatIf.error.supplier',
        defaultMessage: 'Choose the supplier department whose history is replayed.',
      });
    case 'durationInvalid':
      return intl.formatMessage({
        id: 'whatIf.error.duration',
        defaultMessage: 'Enter whole hours and 0 to 59 minutes, more than zero in all.',
      });
    case 'resolutionRequired':
      return intl.formatMessage({
        id: 'whatIf.error.resolutionRequired',
        defaultMessage: 'A first-response target needs a resolution target too.',
      });
    case 'noTargets':
      return intl.formatMessage({
        id: 'whatIf.error.noTargets',
        defaultMessage: 'Propose a resolution target for at least one priority.',
      });
    case 'calendarRequired':
      return intl.formatMessage({
        id: 'whatIf.error.calendar',
        defaultMessage: 'Choose the calendar every clock counts in.',
      });
    case 'dateInvalid':
      return intl.formatMessage({ id: 'whatIf.error.date', defaultMessage: 'Enter a date.' });
    case 'toBeforeFrom':
      return intl.formatMessage({
        id: 'whatIf.error.toBeforeFrom',
        defaultMessage: 'To must not be before From.',
      });
  }
}

const localDate = (d: Date) =>
  `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;

function initialForm(supplierId: string): WhatIfForm {
  const today = new Date();
  const from = new Date(today.getFullYear(), today.getMonth() - 5, 1);
  return {
    supplierId,
    targets: currentTargets([], supplierId),
    calendar: 'AS_RAN',
    calendarId: '',
    from: localDate(from),
    to: localDate(today),
  };
}

// What-if: replay the supplier's history under proposed targets and calendar, beside what it had.
export default function WhatIfPage() {
  const intl = useIntl();
  const user = useSignedInUser();
  useDocumentTitle(
    intl.formatMessage({ id: 'whatIf.heading', defaultMessage: 'Simulate a policy' }),
  );
  const choosesSupplier = user.role === 'OPS' || user.role === 'ADMIN';
  const ownId = user.department?.id ?? '';
  const [form, setForm] = useState<WhatIfForm>(() => initialForm(choosesSupplier ? '' : ownId));
  const [errors, setErrors] = useState<WhatIfErrors>({});
  const [submitted, setSubmitted] = useState<ReturnType<typeof simulationVariables> | null>(null);
  const [touchedTargets, setTouchedTargets] = useState(false);
  const summaryRef = useRef<HTMLDivElement>(null);

  const [options] = useQuery({
    query: WhatIfOptionsQuery,
    variables: {
      supplierId: form.supplierId || null,
      withDepartments: choosesSupplier,
      withPolicies: !!form.supplierId,
    },
  });
  // The proposal starts from the targets the supplier has now, until the reader edits them.
  useEffect(() => {
    const policies = options.data?.slaPolicies;
    if (!policies || touchedTargets || !form.supplierId) return;
    setForm((f) => ({ ...f, targets: currentTargets(policies, f.supplierId) }));
  }, [options.data, touchedTargets, form.supplierId]);

  const [simulation] = useQuery({
    query: WhatIfSimulateQuery,
    variables: submitted ?? simulationVariables(initialForm('none')),
    pause: !submitted,
    requestPolicy: 'network-only',
  });
  const results = useMemo<SimulationByPriority | null>(() => {
    const d = simulation.data;
    if (!d || !submitted) return null;
    const out: SimulationByPriority = {};
    if (d.p1) out.P1 = d.p1;
    if (d.p2) out.P2 = d.p2;
    if (d.p3) out.P3 = d.p3;
    if (d.p4) out.P4 = d.p4;
    return out;
  }, [simulation.data, submitted]);
  const refusal = refusalOf(simulation.error);

  const setTarget = (p: Priority, clock: 'firstResponse' | 'resolution', d: Partial<Duration>) => {
    setTouchedTargets(true);
    setForm((f) => ({
      ...f,
      targets: {
        ...f.targets,
        [p]: { ...f.targets[p], [clock]: { ...f.targets[p][clock], ...d } },
      },
    }));
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const found = validateWhatIf(form);
    setErrors(found);
    if (Object.keys(found).length > 0) {
      requestAnimationFrame(() => summaryRef.current?.focus());
      return;
    }
    setSubmitted(simulationVariables(form));
  };

  const fieldError = (key: string) => {
    const code = errors[key];
    return code ? (
      <span id={`what-if-error-${key}`} className="what-if-field-error">
        {errorText(intl, code)}
      </span>
    ) : null;
  };
  const invalid = (key: string) =>
    errors[key] ? { 'aria-invalid': true, 'aria-describedby': `what-if-error-${key}` } : {};

  const calendarChoices: { value: CalendarChoice; label: string }[] = [
    {
      value: 'AS_RAN',
      label: intl.formatMessage({
        id: 'whatIf.calendar.asRan',
        defaultMessage: 'As the clocks ran',
      }),
    },
    {
      value: 'SUPPLIER',
      label: intl.formatMessage({
        id: 'whatIf.calendar.supplier',
        defaultMessage: "The supplier's calendar",
      }),
    },
    {
      value: 'CUSTOMER',
      label: intl.formatMessage({
        id: 'whatIf.calendar.customer',
        defaultMessage: "The customer's calendar",
      }),
    },
    {
      value: 'BOTH',
      label: intl.formatMessage({
        id: 'whatIf.calendar.both',
        defaultMessage: 'Both: only the working time they share',
      }),
    },
    {
      value: 'ONE',
      label: intl.formatMessage({
        id: 'whatIf.calendar.one',
        defaultMessage: 'One calendar for every clock',
      }),
    },
  ];

  const ownName = user.department?.name;
  const errorKeys = Object.keys(errors);
  const durationInput = (
    p: Priority,
    clock: 'firstResponse' | 'resolution',
    part: keyof Duration,
  ) => {
    const clockName =
      clock === 'firstResponse'
        ? intl.formatMessage({
            id: 'whatIf.targets.firstResponse',
            defaultMessage: 'First response',
          })
        : intl.formatMessage({ id: 'whatIf.targets.resolution', defaultMessage: 'Resolution' });
    const label =
      part === 'hours'
        ? intl.formatMessage(
            { id: 'whatIf.targets.hoursOf', defaultMessage: '{priority}, {clock}: hours' },
            { priority: priorityLabel(intl, p), clock: clockName },
          )
        : intl.formatMessage(
            { id: 'whatIf.targets.minutesOf', defaultMessage: '{priority}, {clock}: minutes' },
            { priority: priorityLabel(intl, p), clock: clockName },
          );
    return (
      <span className="what-if-unit">
        <input
          type="number"
          inputMode="numeric"
          min={0}
          max={part === 'minutes' ? 59 : undefined}
          step={1}
          aria-label={label}
          value={form.targets[p][clock][part]}
          onChange={(e) => setTarget(p, clock, { [part]: e.target.value })}
          {...invalid(`${p}.${clock}`)}
        />
        <span aria-hidden="true">
          {part === 'hours' ? (
            <FormattedMessage id="whatIf.targets.h" defaultMessage="h" />
          ) : (
            <FormattedMessage id="whatIf.targets.min" defaultMessage="min" />
          )}
        </span>
      </span>
    );
  };

  return (
    <div className="page what-if-page">
      <div className="page-head">
        <h1>
          <FormattedMessage id="whatIf.heading" defaultMessage="Simulate a policy" />
        </h1>
        <Link to="/reports">
          <FormattedMessage id="whatIf.toReports" defaultMessage="Back to Reports" />
        </Link>
      </div>
      <p className="muted">
        <FormattedMessage
          id="whatIf.intro"
          defaultMessage="Replays the stored history of a supplier under proposed targets and calendar, and shows the compliance it actually had beside the compliance it would have had."
        />
      </p>
      <form className="card what-if-form" onSubmit={submit} noValidate>
        {errorKeys.length > 0 && (
          <div role="alert" className="error" tabIndex={-1} ref={summaryRef}>
            <FormattedMessage
              id="whatIf.error.summary"
              defaultMessage="The proposal cannot be simulated yet:"
            />
            <ul>
              {[...new Set(errorKeys.map((k) => errors[k]!))].map((code) => (
                <li key={code}>{errorText(intl, code)}</li>
              ))}
            </ul>
          </div>
        )}
        {choosesSupplier ? (
          <div className="field">
            <label htmlFor="what-if-supplier">
              <FormattedMessage id="whatIf.supplier" defaultMessage="Supplier department" />
            </label>
            <select
              id="what-if-supplier"
              value={form.supplierId}
              onChange={(e) => {
                setTouchedTargets(false);
                setForm((f) => ({ ...f, supplierId: e.target.value }));
              }}
              {...invalid('supplier')}
            >
              <option value="">
                {intl.formatMessage({
                  id: 'whatIf.supplier.choose',
                  defaultMessage: 'Choose a department',
                })}
              </option>
              {options.data?.departments?.map((d) => (
                <option key={d.id} value={d.id}>
                  {d.name} ({d.code})
                </option>
              ))}
            </select>
            {fieldError('supplier')}
          </div>
        ) : (
          <p>
            <FormattedMessage
              id="whatIf.ownDepartment"
              defaultMessage="Supplier department: {name}"
              values={{ name: <bdi>{ownName}</bdi> }}
            />
          </p>
        )}

        <fieldset
          className="what-if-targets"
          {...(errors.targets ? { 'aria-describedby': 'what-if-error-targets' } : {})}
        >
          <legend>
            <FormattedMessage
              id="whatIf.targets"
              defaultMessage="Proposed targets (working time)"
            />
          </legend>
          <p className="muted">
            <FormattedMessage
              id="whatIf.targets.hint"
              defaultMessage="Leave a priority's resolution empty to leave it out; an empty first response is not simulated."
            />
          </p>
          <table className="what-if-targets-table">
            <thead>
              <tr>
                <th scope="col">
                  <FormattedMessage id="whatIf.targets.priority" defaultMessage="Priority" />
                </th>
                <th scope="col">
                  <FormattedMessage
                    id="whatIf.targets.firstResponse"
                    defaultMessage="First response"
                  />
                </th>
                <th scope="col">
                  <FormattedMessage id="whatIf.targets.resolution" defaultMessage="Resolution" />
                </th>
              </tr>
            </thead>
            <tbody>
              {PRIORITIES.map((p) => (
                <tr key={p}>
                  <th scope="row">{priorityLabel(intl, p)}</th>
                  <td>
                    <span className="what-if-duration">
                      {durationInput(p, 'firstResponse', 'hours')}
                      {durationInput(p, 'firstResponse', 'minutes')}
                    </span>
                    {fieldError(`${p}.firstResponse`)}
                  </td>
                  <td>
                    <span className="what-if-duration">
                      {durationInput(p, 'resolution', 'hours')}
                      {durationInput(p, 'resolution', 'minutes')}
                    </span>
                    {fieldError(`${p}.resolution`)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {fieldError('targets')}
        </fieldset>

        <fieldset className="what-if-calendar">
          <legend>
            <FormattedMessage id="whatIf.calendarMode" defaultMessage="Calendar" />
          </legend>
          {calendarChoices.map((c) => (
            <label key={c.value} className="checkbox">
              <input
                type="radio"
                name="what-if-calendar"
                value={c.value}
                checked={form.calendar === c.value}
                onChange={() => setForm((f) => ({ ...f, calendar: c.value }))}
              />
              {c.label}
            </label>
          ))}
          <div className="field what-if-calendar-choice">
            <label htmlFor="what-if-calendar-id">
              <FormattedMessage id="whatIf.calendarId" defaultMessage="Business calendar" />
            </label>
            <select
              id="what-if-calendar-id"
              value={form.calendarId}
              disabled={form.calendar !== 'ONE'}
              onChange={(e) => setForm((f) => ({ ...f, calendarId: e.target.value }))}
              {...invalid('calendarId')}
            >
              <option value="">
                {intl.formatMessage({
                  id: 'whatIf.calendarId.choose',
                  defaultMessage: 'Choose a calendar',
                })}
              </option>
              {options.data?.businessCalendars.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name} ({c.timeZone})
                </option>
              ))}
            </select>
            {fieldError('calendarId')}
          </div>
        </fieldset>

        <div className="what-if-period">
          <div className="field">
            <label htmlFor="what-if-from">
              <FormattedMessage id="whatIf.from" defaultMessage="From" />
            </label>
            <input
              id="what-if-from"
              type="date"
              value={form.from}
              onChange={(e) => setForm((f) => ({ ...f, from: e.target.value }))}
              {...invalid('from')}
            />
            {fieldError('from')}
          </div>
          <div className="field">
            <label htmlFor="what-if-to">
              <FormattedMessage id="whatIf.to" defaultMessage="To" />
            </label>
            <input
              id="what-if-to"
              type="date"
              value={form.to}
              onChange={(e) => setForm((f) => ({ ...f, to: e.target.value }))}
              {...invalid('to')}
            />
            {fieldError('to')}
          </div>
        </div>
        <div className="actions">
          <button type="submit" disabled={simulation.fetching}>
            <FormattedMessage id="whatIf.simulate" defaultMessage="Simulate" />
          </button>
          {simulation.fetching && (
            <span role="status" className="muted">
              <FormattedMessage id="whatIf.running" defaultMessage="Replaying the history…" />
            </span>
          )}
        </div>
      </form>
      {refusal && (
        <p role="alert" className="error">
          {refusal.code === 'FORBIDDEN'
            ? intl.formatMessage({
                id: 'whatIf.error.forbidden',
                defaultMessage: "You may simulate only your own department's policies.",
              })
            : refusal.code === 'BAD_USER_INPUT'
              ? intl.formatMessage({
                  id: 'whatIf.error.badInput',
                  defaultMessage:
                    'Intradesk could not simulate this proposal. Check the targets and the calendar.',
                })
              : intl.formatMessage({
                  id: 'whatIf.error.failed',
                  defaultMessage: 'The simulation could not run. Retry in a moment.',
                })}
        </p>
      )}
      {results && !simulation.fetching && <WhatIfResult results={results} />}
    </div>
  );
}
