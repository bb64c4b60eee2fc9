import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { useSearchParams } from 'react-router';
import { useQuery } from 'urql';
import { SessionUser, useSignedInUser } from '../auth/session';
import { preloadCharts } from '../charts/chart';
import { CoveredTop, useStickyHeight } from '../reports/covered-top';
import { MatrixSection } from '../reports/matrix-section';
import { RankingSection } from '../reports/ranking-section';
import { ReportFilters } from '../reports/report-filters';
import {
  csvHref,
  hasReportFilters,
  readReportView,
  ReportView,
  toReportFilter,
  writeReportView,
} from '../reports/report-params';
import { ReportsOptionsQuery } from '../reports/reports-documents';
import { SatisfactionSection } from '../reports/satisfaction-section';
import { SlaSection } from '../reports/sla-section';
import { TrendSection } from '../reports/trend-section';
import { useDocumentTitle } from '../ui/use-document-title';
import '../styles/reports.css';

// The charts' code starts downloading with this page's, beside the reports' queries.
void preloadCharts();

// Reports for team leads (their department's traffic: what it supplied or filed) and
// operations (everything): SLA, satisfaction, trend, pair ranking and the department matrix,
// with every filter, the grouping and the period in the URL.
export default function ReportsPage() {
  const intl = useIntl();
  const user = useSignedInUser();
  useDocumentTitle(intl.formatMessage({ id: 'reports.title', defaultMessage: 'Reports' }));
  const seesAll = user.role === 'OPS' || user.role === 'ADMIN';
  const leads = user.role === 'LEAD' && !!user.department;
  if (!seesAll && !leads)
    return (
      <div className="reports-page">
        <h1>
          <FormattedMessage id="reports.title" defaultMessage="Reports" />
        </h1>
        <p className="notice">
          <FormattedMessage
            id="reports.notForYou"
            defaultMessage="Reports are for team leads, operations and administrators."
          />
        </p>
      </div>
    );
  return <Reports user={user} seesAll={seesAll} />;
}

function Reports({ user, seesAll }: { user: SessionUser; seesAll: boolean }) {
  const [params, setParams] = useSearchParams();
  const key = params.toString();
  const view = useMemo(() => readReportView(new URLSearchParams(key)), [key]);
  const [options] = useQuery({
    query: ReportsOptionsQuery,
    variables: { supplierId: view.supplier || null },
  });
  // Dates are the organisation's (its root department's time zone), as the reports' periods.
  const departments = options.data?.departments;
  const timeZone = departments?.find((d) => !d.parent)?.timeZone ?? null;
  const pause = !!(view.from || view.to) && !timeZone;
  const filter = useMemo(() => toReportFilter(view, timeZone ?? 'UTC'), [view, timeZone]);
  const lead = seesAll ? null : (user.department ?? null);
  const leadDepartment = useMemo(
    () => (lead ? (departments?.find((d) => d.id === lead.id) ?? null) : null),
    [lead, departments],
  );

  // The router applies a navigation as a transition: changes made before it lands (From, then
  // To at once) build on the latest written view, and the filters show it meanwhile.
  const latest = useRef(key);
  const [pending, setPending] = useState<ReportView | null>(null);
  useEffect(() => {
    latest.current = key;
    setPending(null);
  }, [key]);
  const change = useCallback(
    (next: Partial<ReportView>) => {
      const current = readReportView(new URLSearchParams(latest.current));
      const merged = { ...current, ...next };
      // A service belongs to one supplier: another supplier drops it.
      if (next.supplier !== undefined && next.supplier !== current.supplier) merged.service = '';
      const params = writeReportView(merged);
      latest.current = params.toString();
      setPending(merged);
      setParams(params);
    },
    [setParams],
  );
  const clear = useCallback(() => {
    const current = readReportView(new URLSearchParams(latest.current));
    change({
      ...readReportView(new URLSearchParams()),
      group: current.group,
      period: current.period,
    });
  }, [change]);
  const [filtersRef, filtersHeight] = useStickyHeight<HTMLElement>();
  const canOpen = useCallback(
    (supplierId: string) => seesAll || supplierId === lead?.id,
    [seesAll, lead?.id],
  );

  return (
    <div className="reports-page">
      <div className="page-head">
        <div>
          <h1>
            <FormattedMessage id="reports.title" defaultMessage="Reports" />
          </h1>
          <p className="muted reports-scope">
            {lead ? (
              <FormattedMessage
                id="reports.scope.lead"
                defaultMessage="Requests {department} supplied or filed"
                values={{ department: <bdi>{lead.name}</bdi> }}
              />
            ) : (
              <FormattedMessage
                id="reports.scope.all"
                defaultMessage="Requests between all departments"
              />
            )}
            {hasReportFilters(view) && (
              <>
                {' · '}
                <FormattedMessage id="reports.scope.filtered" defaultMessage="filtered" />
              </>
            )}
          </p>
        </div>
        <div className="actions">
          <a className="button secondary" href={csvHref('requests', filter, view)} download>
            <FormattedMessage
              id="reports.downloadRequests"
              defaultMessage="Download requests CSV"
            />
          </a>
        </div>
      </div>

      <ReportFilters
        view={pending ?? view}
        options={options.data}
        leadDepartment={leadDepartment ?? (lead ? { ...lead, code: lead.code ?? '' } : null)}
        onChange={change}
        onClear={clear}
        stickyRef={filtersRef}
      />

      <CoveredTop.Provider value={filtersHeight}>
        <SlaSection view={view} filter={filter} pause={pause} />
        <SatisfactionSection view={view} filter={filter} pause={pause} />
        <TrendSection view={view} filter={filter} pause={pause} />
        <RankingSection view={view} filter={filter} pause={pause} />
        <MatrixSection view={view} filter={filter} pause={pause} canOpen={canOpen} />
      </CoveredTop.Provider>
    </div>
  );
}
