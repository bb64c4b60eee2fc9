import { Injectable } from '@nestjs/common';
import { AuthUser, TimeSource } from '@intradesk/core';
import { DepartmentsService, RelationshipType } from '@intradesk/organization';
import { queryReplica } from '@intradesk/db';
import { DataSource } from 'typeorm';
import { reportScopeOf } from '../reporting.policy';
import { ReportingException } from '../reporting.exception';
import {
  ReportFilterCommand,
  ReportGroupBy,
  ReportGrouping,
  ReportPeriod,
  ReportScope,
} from './report-dimensions';
import { ReportRow } from './report-row';
import { MAX_PERIODS, ReportMeasures, reportSql } from './report-sql';

const MAX_LIST = 500;
const SLA: ReportMeasures = { firstResponse: true, resolution: true, percentiles: true };
const SATISFACTION: ReportMeasures = { ratings: true, quality: true, kudos: true };
const MATRIX: ReportMeasures = { resolution: true, ratings: true, kudos: true };

export interface PairRanking {
  best: ReportRow[];
  worst: ReportRow[];
}

// slaReport, satisfactionReport, departmentMatrix and the trend: one aggregate query each,
// computed by PostgreSQL over the requests, their clocks and ratings (never rows in Node).
// Team leads report on requests their department supplied or filed; operations and admins on all.
@Injectable()
export class ReportsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly time: TimeSource,
    private readonly departments: DepartmentsService,
  ) {}

  // The percentiles are most of the cost (an ordered-set aggregate sorts every row, where the
  // counts alone are one parallel hash aggregate): left out when nobody reads them.
  sla(
    user: AuthUser,
    filter: ReportFilterCommand,
    grouping: ReportGrouping,
    { percentiles = true }: { percentiles?: boolean } = {},
  ) {
    return this.run(user, filter, grouping, { ...SLA, percentiles });
  }

  satisfaction(user: AuthUser, filter: ReportFilterCommand, grouping: ReportGrouping) {
    return this.run(user, filter, grouping, SATISFACTION);
  }

  // One cell per (customer, supplier) pair with traffic. The reports page asks for the matrix
  // and the pair ranking (made of the same cells) at once: while one computation for a scope
  // and filter is in flight, the other call shares it instead of running the query again.
  matrix(user: AuthUser, filter: ReportFilterCommand): Promise<ReportRow[]> {
    const key = `${JSON.stringify(this.scopeOf(user))} ${JSON.stringify(filter, Object.keys(filter).sort())}`;
    const inFlight = this.matricesInFlight.get(key);
    if (inFlight) return inFlight;
    const computed = this.run(
      user,
      filter,
      { groupBy: [ReportGroupBy.CUSTOMER, ReportGroupBy.SUPPLIER], period: null },
      MATRIX,
      true,
    ).finally(() => this.matricesInFlight.delete(key));
    this.matricesInFlight.set(key, computed);
    return computed;
  }
  private readonly matricesInFlight = new Map<string, Promise<ReportRow[]>>();

  // Every measure per period, for charts: every period of the filter's range (else from the
  // first request's to the last's), those without requests as rows of zero requests.
  trend(user: AuthUser, filter: ReportFilterCommand, period: ReportPeriod): Promise<ReportRow[]> {
    if (filter.from && filter.to) {
      const days = (filter.to.getTime() - filter.from.getTime()) / 86_400_000;
      const periods = days / { DAY: 1, WEEK: 7, MONTH: 28 }[period];
      if (periods > MAX_PERIODS) {
        throw ReportingException.badInput(
          `The trend shows at most ${MAX_PERIODS} periods: choose a longer period or a shorter range`,
          ['period'],
        );
      }
    }
    return this.run(
      user,
      filter,
      { groupBy: [ReportGroupBy.PERIOD], period },
      { ...SLA, ...SATISFACTION },
      false,
      true,
    );
  }

  // The supplier pairs keeping their promises best and worst: resolution compliance, then the
  // customers' average score, among pairs with at least `minRequests` requests.
  async pairs(
    user: AuthUser,
    filter: ReportFilterCommand,
    minRequests: number,
    limit: number,
  ): Promise<PairRanking> {
    if (!Number.isInteger(minRequests) || minRequests < 1) {
      throw ReportingException.badInput('minRequests must be at least 1', ['minRequests']);
    }
    if (!Number.isInteger(limit) || limit < 1 || limit > 50) {
      throw ReportingException.badInput('limit must be between 1 and 50', ['limit']);
    }
    const ranked = (await this.matrix(user, filter)).filter(
      (c) => c.total >= minRequests && c.resolutionCompliance !== null,
    );
    const score = (c: ReportRow) => [c.resolutionCompliance!, c.averageScore ?? -1] as const;
    const compare = (a: ReportRow, b: ReportRow) => {
      const [ac, as] = score(a);
      const [bc, bs] = score(b);
      return bc - ac || bs - as;
    };
    const sorted = [...ranked].sort(compare);
    return {
      best: sorted.slice(0, limit),
      worst: sorted.reverse().slice(0, limit),
    };
  }

  scopeOf(user: AuthUser): ReportScope {
    const scope = reportScopeOf(user);
    if (scope !== undefined) return scope;
    throw ReportingException.forbidden('Reports are for team leads, operations and administrators');
  }

  private async run(
    user: AuthUser,
    filter: ReportFilterCommand,
    grouping: ReportGrouping,
    measures: ReportMeasures,
    relationshipMode = false,
    fillPeriods = false,
  ): Promise<ReportRow[]> {
    const scope = this.scopeOf(user);
    this.checkFilter(filter);
    const normalized = this.checkGrouping(grouping);
    // Only periods need the organisation's time zone.
    const timeZone = normalized.period ? await this.departments.organizationTimeZone() : 'UTC';
    const { sql, params } = reportSql(
      scope,
      filter,
      normalized,
      measures,
      this.time.now(),
      timeZone,
      relationshipMode,
      fillPeriods,
    );
    const rows = await queryReplica(this.dataSource, sql, params);
    return rows.map(toReportRow);
  }

  checkFilter(filter: ReportFilterCommand): void {
    if (filter.from && filter.to && filter.from >= filter.to) {
      throw ReportingException.badInput('filter.to must be after filter.from', ['filter.to']);
    }
    for (const list of [
      'supplierIds',
      'customerIds',
      'serviceIds',
      'priorities',
      'relationshipTypes',
    ] as const) {
      if ((filter[list]?.length ?? 0) > MAX_LIST) {
        throw ReportingException.badInput(`filter.${list} takes at most ${MAX_LIST} values`, [
          `filter.${list}`,
        ]);
      }
    }
  }

  private checkGrouping(grouping: ReportGrouping): ReportGrouping {
    const groupBy = [...grouping.groupBy];
    if (new Set(groupBy).size !== groupBy.length) {
      throw ReportingException.badInput('groupBy lists a dimension twice', ['groupBy']);
    }
    // A period length asks for periods; PERIOD alone means months.
    if (grouping.period && !groupBy.includes(ReportGroupBy.PERIOD)) {
      groupBy.push(ReportGroupBy.PERIOD);
    }
    const period = groupBy.includes(ReportGroupBy.PERIOD)
      ? (grouping.period ?? ReportPeriod.MONTH)
      : null;
    return { groupBy, period };
  }
}

const num = (v: unknown) => (v === null || v === undefined ? null : Number(v));
const ratio = (part: number, whole: number) => (whole === 0 ? null : part / whole);

// Like mode(): the most frequent type, the first in declaration order on a tie.
function mostFrequentRelationship(row: Record<string, unknown>): RelationshipType | null {
  let best: RelationshipType | null = null;
  for (const type of Object.values(RelationshipType)) {
    const n = Number(row[`relationship_${type}`] ?? 0);
    if (n > 0 && (best === null || n > Number(row[`relationship_${best}`]))) best = type;
  }
  return best;
}

function toReportRow(row: Record<string, unknown>): ReportRow {
  const count = (key: string) => Number(row[key] ?? 0);
  const met = count('resolution_met');
  const breached = count('resolution_breached');
  const frMet = count('first_response_met');
  const frBreached = count('first_response_breached');
  const ratings = count('ratings');
  const stopped = count('stopped_resolutions');
  return {
    supplierId: (row.supplier_id as string) ?? null,
    customerId: (row.customer_id as string) ?? null,
    serviceId: (row.service_id as string) ?? null,
    assigneeId: (row.assignee_id as string) ?? null,
    priority: (row.priority as ReportRow['priority']) ?? null,
    relationshipType:
      (row.relationship_type as ReportRow['relationshipType']) ?? mostFrequentRelationship(row),
    period: (row.period as string) ?? null,
    total: count('total'),
    open: count('open'),
    firstResponseMet: frMet,
    firstResponseBreached: frBreached,
    resolutionMet: met,
    resolutionBreached: breached,
    resolutionCompliance: ratio(met, met + breached),
    firstResponseCompliance: ratio(frMet, frMet + frBreached),
    medianResolutionMinutes: num(row.median_resolution_minutes),
    p90ResolutionMinutes: num(row.p90_resolution_minutes),
    ratings,
    averageScore: num(row.average_score),
    distribution: [1, 2, 3, 4, 5].map((s) => count(`score_${s}`)),
    stoppedResolutions: stopped,
    responseRate: ratio(ratings, stopped),
    qualityRatings: count('quality_ratings'),
    averageQualityScore: num(row.average_quality_score),
    kudos: count('kudos'),
  };
}
