import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { Link, useSearchParams } from 'react-router';
import { useQuery } from 'urql';
import { refusalOf } from '../api/errors';
import { SessionUser, useSignedInUser } from '../auth/session';
import {
  AtRiskClocksQuery,
  AtRiskEscalationsQuery,
  AtRiskHealthQuery,
  AtRiskSuppliersQuery,
  AtRiskSurveyResultsQuery,
  AtRiskSurveyRoundsQuery,
  AtRiskTrendQuery,
} from '../at-risk/at-risk-documents';
import { AtRiskTable } from '../at-risk/at-risk-table';
import { DepartmentTrend } from '../at-risk/department-trend';
import { EscalationsReceived } from '../at-risk/escalations';
import { PulseResults } from '../at-risk/pulse-results';
import { QueueHealth } from '../at-risk/queue-health';
import { useRequestEvents } from '../live/live-events';
import { useDocumentTitle } from '../ui/use-document-title';
import '../styles/at-risk.css';

// The windows of "due within", in wall-clock minutes from now.
const WINDOWS = [60, 240, 1440, 4320, 10080] as const;
const DEFAULT_WINDOW = 1440;
const REFRESH_MS = 120_000;

function windowLabel(intl: ReturnType<typeof useIntl>, minutes: number): string {
  switch (minutes) {
    case 60:
      return intl.formatMessage({ id: 'atRisk.within.1h', defaultMessage: '1 hour' });
    case 240:
      return intl.formatMessage({ id: 'atRisk.within.4h', defaultMessage: '4 hours' });
    case 1440:
      return intl.formatMessage({ id: 'atRisk.within.1d', defaultMessage: '1 day' });
    case 4320:
      return intl.formatMessage({ id: 'atRisk.within.3d', defaultMessage: '3 days' });
    default:
      return intl.formatMessage({ id: 'atRisk.within.1w', defaultMessage: '1 week' });
  }
}

// The team lead's home: their department's queue health, the clocks about to break (and broken)
// with reassignment from the row, the escalations they received, the SLA and satisfaction trend
// and the latest pulse survey. Operations and admins choose the supplier department.
export default function AtRiskPage() {
  const intl = useIntl();
  const user = useSignedInUser();
  useDocumentTitle(intl.formatMessage({ id: 'atRisk.title', defaultMessage: 'At risk' }));
  const choosesSupplier = user.role === 'OPS' || user.role === 'ADMIN';
  if (!choosesSupplier && !(user.role === 'LEAD' && user.department))
    return (
      <div className="page at-risk-page">
        <h1>
          <FormattedMessage id="atRisk.title" defaultMessage="At risk" />
        </h1>
        <p className="notice">
          <FormattedMessage
            id="atRisk.notForYou"
            defaultMessage="At risk is for team leads and operations. Your department's requests are in the Queue."
          />{' '}
          <Link to="/queue">
            <FormattedMessage id="atRisk.toQueue" defaultMessage="Go to the Queue" />
          </Link>
        </p>
      </div>
    );
  return <AtRisk user={user} choosesSupplier={choosesSupplier} />;
}

function AtRisk({ user, choosesSupplier }: { user: SessionUser; choosesSupplier: boolean }) {
  const intl = useIntl();
  const [params, setParams] = useSearchParams();
  const withinParam = Number(params.get('within'));
  const within = (WINDOWS as readonly number[]).includes(withinParam)
    ? withinParam
    : DEFAULT_WINDOW;
  const departmentId = choosesSupplier ? params.get('supplier') || null : user.department!.id;
  const setParam = (name: string, value: string | null) => {
    const next = new URLSearchParams(params);
    if (value) next.set(name, value);
    else next.delete(name);
    setParams(next, { replace: true });
  };

  const [suppliers] = useQuery({ query: AtRiskSuppliersQuery, pause: !choosesSupplier });

  return (
    <div className="page at-risk-page">
      <div className="page-head">
        <h1>
          <FormattedMessage id="atRisk.title" defaultMessage="At risk" />
        </h1>
        <Link to="/reports/what-if">
          <FormattedMessage id="atRisk.toWhatIf" defaultMessage="Simulate a policy" />
        </Link>
      </div>
      <div className="at-risk-controls">
        {choosesSupplier && (
          <div className="field">
            <label htmlFor="at-risk-supplier">
              <FormattedMessage id="atRisk.supplier" defaultMessage="Supplier department" />
            </label>
            <select
              id="at-risk-supplier"
              value={departmentId ?? ''}
              onChange={(e) => setParam('supplier', e.target.value || null)}
            >
              <option value="">
                {intl.formatMessage({
                  id: 'atRisk.supplier.choose',
                  defaultMessage: 'Choose a department',
                })}
              </option>
              {suppliers.data?.departments.map((d) => (
                <option key={d.id} value={d.id}>
                  {d.name} ({d.code})
                </option>
              ))}
            </select>
          </div>
        )}
        <div className="field">
          <label htmlFor="at-risk-within">
            <FormattedMessage id="atRisk.within" defaultMessage="Within" />
          </label>
          <select
            id="at-risk-within"
            value={within}
            onChange={(e) => setParam('within', e.target.value)}
          >
            {WINDOWS.map((m) => (
              <option key={m} value={m}>
                {windowLabel(intl, m)}
              </option>
            ))}
          </select>
        </div>
      </div>
      {departmentId ? (
        <Department key={departmentId} departmentId={departmentId} within={within} />
      ) : (
        <p className="muted">
          <FormattedMessage
            id="atRisk.chooseSupplier"
            defaultMessage="Choose a supplier department to see its clocks at risk."
          />
        </p>
      )}
    </div>
  );
}

function sixMonthsAgo(): string {
  const now = new Date();
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 5, 1)).toISOString();
}

function Department({ departmentId, within }: { departmentId: string; within: number }) {
  const intl = useIntl();
  const [clocks, refetchClocks] = useQuery({
    query: AtRiskClocksQuery,
    variables: { supplierId: departmentId, withinMinutes: within },
  });
  const [health, refetchHealth] = useQuery({
    query: AtRiskHealthQuery,
    variables: { departmentId, withinMinutes: within },
  });
  const [escalations, refetchEscalations] = useQuery({
    query: AtRiskEscalationsQuery,
    variables: { departmentId },
  });
  const trendFilter = useMemo(
    () => ({ supplierIds: [departmentId], from: sixMonthsAgo() }),
    [departmentId],
  );
  const [trend] = useQuery({ query: AtRiskTrendQuery, variables: { filter: trendFilter } });
  const [rounds] = useQuery({ query: AtRiskSurveyRoundsQuery });
  const latestClosed = useMemo(
    () =>
      (rounds.data?.surveyRounds.edges ?? [])
        .map((e) => e.node)
        .filter((r) => !r.open)
        .sort((a, b) => (b.closedAt ?? b.closesAt).localeCompare(a.closedAt ?? a.closesAt))[0] ??
      null,
    [rounds.data],
  );
  const [results] = useQuery({
    query: AtRiskSurveyResultsQuery,
    variables: { roundId: latestClosed?.id ?? '' },
    pause: !latestClosed,
  });

  // When the clocks arrived: the countdowns run on from there until the next refetch.
  const fetchedAt = useRef(Date.now());
  const [fetchedStamp, setFetchedStamp] = useState(Date.now());
  useEffect(() => {
    if (clocks.data && !clocks.stale) {
      fetchedAt.current = Date.now();
      setFetchedStamp(fetchedAt.current);
    }
  }, [clocks.data, clocks.stale]);

  const refresh = useCallback(() => {
    refetchClocks({ requestPolicy: 'network-only' });
    refetchHealth({ requestPolicy: 'network-only' });
    refetchEscalations({ requestPolicy: 'network-only' });
  }, [refetchClocks, refetchHealth, refetchEscalations]);

  // Another agent's change to one of this department's requests: refetch what is on screen.
  const code = health.data?.department.code;
  // A burst of changes (a bulk import, the demo's traffic) refetches once.
  const pendingRefresh = useRef<ReturnType<typeof setTimeout> | null>(null);
  useRequestEvents((event) => {
    if (code && !event.request.number.startsWith(`${code}-`)) return;
    if (pendingRefresh.current) return;
    pendingRefresh.current = setTimeout(() => {
      pendingRefresh.current = null;
      refresh();
    }, 500);
  });
  useEffect(
    () => () => {
      if (pendingRefresh.current) clearTimeout(pendingRefresh.current);
    },
    [],
  );
  useEffect(() => {
    const timer = setInterval(refresh, REFRESH_MS);
    return () => clearInterval(timer);
  }, [refresh]);

  const [announcement, setAnnouncement] = useState('');
  const people = useMemo(
    () =>
      (health.data?.department.members ?? [])
        .filter((m) => m.role === 'AGENT' || m.role === 'LEAD')
        .map((m) => ({ id: m.id, name: m.name }))
        .sort((a, b) => a.name.localeCompare(b.name, intl.locale)),
    [health.data, intl.locale],
  );

  const refusal = refusalOf(clocks.error ?? health.error);
  const result = results.data?.surveyResults.find((r) => r.supplier.id === departmentId) ?? null;

  return (
    <>
      <p className="at-risk-sr-only" role="status" aria-live="polite">
        {announcement}
      </p>
      {refusal && (
        <p role="alert" className="error">
          {refusal.code === 'FORBIDDEN'
            ? intl.formatMessage({
                id: 'atRisk.error.forbidden',
                defaultMessage:
                  "Only the department's lead, operations and admins watch its queue.",
              })
            : refusal.code === 'NOT_FOUND'
              ? intl.formatMessage({
                  id: 'atRisk.error.notFound',
                  defaultMessage: 'There is no such department.',
                })
              : intl.formatMessage({
                  id: 'atRisk.error.load',
                  defaultMessage: 'The clocks could not be loaded. Retry in a moment.',
                })}{' '}
          <button type="button" className="secondary" onClick={refresh}>
            <FormattedMessage id="atRisk.retry" defaultMessage="Retry" />
          </button>
        </p>
      )}
      {health.data && (
        <QueueHealth
          health={health.data.departmentQueueHealth}
          departmentName={health.data.department.name}
        />
      )}
      <section aria-labelledby="at-risk-clocks" className="at-risk-clocks">
        <h2 id="at-risk-clocks">
          <FormattedMessage
            id="atRisk.clocks.title"
            defaultMessage="Clocks due within {window}, breached first"
            values={{ window: windowLabel(intl, within) }}
          />
        </h2>
        {clocks.data ? (
          <AtRiskTable
            rows={clocks.data.atRiskRequests}
            fetchedAt={fetchedStamp}
            people={people}
            canReassign
            onChanged={refresh}
            say={setAnnouncement}
          />
        ) : (
          !refusal && (
            <p className="muted" role="status">
              <FormattedMessage id="atRisk.loading" defaultMessage="Loading the clocks…" />
            </p>
          )
        )}
      </section>
      <div className="at-risk-grid">
        <EscalationsReceived escalations={escalations.data?.escalationsReceived ?? []} />
        <PulseResults round={latestClosed} result={result} loading={results.fetching} />
      </div>
      {trend.data && <DepartmentTrend points={trend.data.reportTrend} />}
    </>
  );
}
