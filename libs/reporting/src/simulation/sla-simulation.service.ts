import { Injectable } from '@nestjs/common';
import { AuthUser, TimeSource } from '@intradesk/core';
import {
  BusinessCalendarEntity,
  CalendarError,
  CalendarMode,
  CalendarsService,
  clockColumns,
  clockVerdictSql,
  WorkingTime,
} from '@intradesk/sla';
import { queryReplica } from '@intradesk/db';
import { DataSource } from 'typeorm';
import { ReportingException } from '../reporting.exception';
import { ReportFilterCommand } from '../reports/report-dimensions';
import { reportWhere } from '../reports/report-sql';
import { ReportsService } from '../reports/reports.service';
import { replayFirstResponse, replayResolution, ReplayedState } from './clock-replay';

const MAX_REQUESTS = 200_000;
const MAX_MINUTES = 5 * 366 * 1440;

export interface ProposedPolicy {
  firstResponseMinutes?: number | null;
  resolutionMinutes: number;
  // A calendar for every clock; else the calendar mode's; else each clock's own calendar.
  calendarId?: string | null;
  calendarMode?: CalendarMode | null;
}

export interface ComplianceFigures {
  firstResponseMet: number;
  firstResponseBreached: number;
  resolutionMet: number;
  resolutionBreached: number;
  firstResponseCompliance: number | null;
  resolutionCompliance: number | null;
}

export interface SimulationResult {
  requests: number;
  actual: ComplianceFigures;
  simulated: ComplianceFigures;
  // Requests whose resolution would have been met but was breached, and the reverse.
  wouldHaveMet: number;
  wouldHaveBreached: number;
}

interface TimelineRow {
  created_at: Date;
  first_responded_at: Date | null;
  supplier_id: string;
  customer_id: string;
  fr_state: string | null;
  res_state: string | null;
  calendar_id: string | null;
  second_calendar_id: string | null;
  change_at: Date[] | null;
  change_to: string[] | null;
}

// What-if: the stored history of a period replayed under a proposed policy (other targets, other
// calendar), beside the compliance it actually had, so operations can agree realistic OLAs.
@Injectable()
export class SlaSimulationService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly time: TimeSource,
    private readonly reports: ReportsService,
    private readonly calendars: CalendarsService,
  ) {}

  async simulate(
    user: AuthUser,
    filter: ReportFilterCommand,
    policy: ProposedPolicy,
  ): Promise<SimulationResult> {
    const scope = this.reports.scopeOf(user);
    this.checkPolicy(policy);
    const now = this.time.now();
    const params: unknown[] = [now];
    const where = reportWhere(scope, filter, params);
    // Actual states use the same rules as slaReport; the timeline is the status history.
    const rows = await queryReplica<TimelineRow>(
      this.dataSource,
      `SELECT r.created_at, r.first_responded_at, r.supplier_id, r.customer_id,
              ${state('fr')} AS fr_state, ${state('res')} AS res_state,
              res.calendar_id, res.second_calendar_id,
              h.change_at, h.change_to
         FROM requests r
         LEFT JOIN sla_clocks fr ON fr.request_id = r.id AND fr.kind = 'FIRST_RESPONSE'
         LEFT JOIN sla_clocks res ON res.request_id = r.id AND res.kind = 'RESOLUTION'
         LEFT JOIN LATERAL (
           SELECT array_agg(at ORDER BY at, id) AS change_at, array_agg(to_value ORDER BY at, id) AS change_to
             FROM request_history WHERE request_id = r.id AND kind = 'STATUS_CHANGED'
         ) h ON true
         ${where}
         LIMIT ${MAX_REQUESTS + 1}`,
      params,
    );
    if (rows.length > MAX_REQUESTS) {
      throw ReportingException.badInput(
        `The filter matches more than ${MAX_REQUESTS} requests; narrow it (e.g. a shorter period)`,
        ['filter'],
      );
    }
    const calendarOf = await this.calendarChooser(rows, policy);
    const actual = tally();
    const simulated = tally();
    let wouldHaveMet = 0;
    let wouldHaveBreached = 0;
    for (const row of rows) {
      const timeline = {
        createdAt: row.created_at.getTime(),
        firstRespondedAt: row.first_responded_at?.getTime() ?? null,
        changes: (row.change_at ?? []).map((at, i) => ({
          at: new Date(at).getTime(),
          to: row.change_to![i],
        })),
      };
      const calendar = calendarOf(row);
      const res = replayResolution(timeline, policy.resolutionMinutes, calendar, now.getTime());
      count(actual, 'resolution', row.res_state);
      count(simulated, 'resolution', res);
      if (row.res_state === 'BREACHED' && res === 'MET') wouldHaveMet++;
      if (row.res_state === 'MET' && res === 'BREACHED') wouldHaveBreached++;
      count(actual, 'firstResponse', row.fr_state);
      if (policy.firstResponseMinutes) {
        count(
          simulated,
          'firstResponse',
          replayFirstResponse(timeline, policy.firstResponseMinutes, calendar, now.getTime()),
        );
      }
    }
    return {
      requests: rows.length,
      actual: figures(actual),
      simulated: figures(simulated),
      wouldHaveMet,
      wouldHaveBreached,
    };
  }

  private checkPolicy(policy: ProposedPolicy): void {
    const minutes = (value: number | null | undefined, field: string) => {
      if (value === null || value === undefined) return;
      if (!Number.isInteger(value) || value < 1 || value > MAX_MINUTES) {
        throw ReportingException.badInput(`${field} must be 1 to ${MAX_MINUTES} minutes`, [
          `policy.${field}`,
        ]);
      }
    };
    minutes(policy.resolutionMinutes, 'resolutionMinutes');
    minutes(policy.firstResponseMinutes, 'firstResponseMinutes');
    if (policy.calendarId && policy.calendarMode) {
      throw ReportingException.badInput('Give a calendar or a calendar mode, not both', [
        'policy.calendarId',
        'policy.calendarMode',
      ]);
    }
  }

  // Which working time each request's clocks count in under the proposal.
  private async calendarChooser(
    rows: TimelineRow[],
    policy: ProposedPolicy,
  ): Promise<(row: TimelineRow) => WorkingTime> {
    const fallback = await this.calendars.ensureDefault();
    if (policy.calendarId) {
      const only = this.calendars.math(
        await this.calendars.getById(policy.calendarId).catch(() => {
          throw ReportingException.badInput(`No calendar with id ${policy.calendarId}`, [
            'policy.calendarId',
          ]);
        }),
      );
      return () => only;
    }
    const departments: { id: string; calendar_id: string | null }[] = policy.calendarMode
      ? await this.dataSource.query(`SELECT id, calendar_id FROM departments`)
      : [];
    const departmentCalendar = new Map(departments.map((d) => [d.id, d.calendar_id]));
    const ids = new Set<string>([fallback.id]);
    for (const row of rows) {
      if (row.calendar_id) ids.add(row.calendar_id);
      if (row.second_calendar_id) ids.add(row.second_calendar_id);
    }
    for (const id of departmentCalendar.values()) if (id) ids.add(id);
    const loaded = new Map<string, BusinessCalendarEntity>(
      (await this.calendars.findByIds([...ids])).map((c) => [c.id, c]),
    );
    const ofDepartment = (id: string) =>
      loaded.get(departmentCalendar.get(id) ?? fallback.id) ?? fallback;
    return (row) => {
      switch (policy.calendarMode) {
        case CalendarMode.SUPPLIER:
          return this.calendars.math(ofDepartment(row.supplier_id));
        case CalendarMode.CUSTOMER:
          return this.calendars.math(ofDepartment(row.customer_id));
        case CalendarMode.BOTH:
          try {
            return this.calendars.mathFor(
              ofDepartment(row.supplier_id),
              ofDepartment(row.customer_id),
            );
          } catch (error) {
            if (!(error instanceof CalendarError)) throw error;
            return this.calendars.math(ofDepartment(row.supplier_id));
          }
        default:
          return row.calendar_id
            ? this.calendars.mathForClock(loaded, {
                calendarId: row.calendar_id,
                secondCalendarId: row.second_calendar_id,
              })
            : this.calendars.math(ofDepartment(row.supplier_id));
      }
    };
  }
}

// A stored clock's verdict by slaReport's rules (clockVerdictSql); null without a clock.
function state(c: string): string {
  return `CASE WHEN ${c}.id IS NULL THEN NULL ELSE ${clockVerdictSql(clockColumns(`${c}.`), '$1')} END`;
}

type Tally = Record<'firstResponse' | 'resolution', { met: number; breached: number }>;

function tally(): Tally {
  return { firstResponse: { met: 0, breached: 0 }, resolution: { met: 0, breached: 0 } };
}

function count(t: Tally, kind: keyof Tally, state: ReplayedState | string | null): void {
  if (state === 'MET') t[kind].met++;
  if (state === 'BREACHED') t[kind].breached++;
}

function figures(t: Tally): ComplianceFigures {
  const ratio = (k: keyof Tally) =>
    t[k].met + t[k].breached === 0 ? null : t[k].met / (t[k].met + t[k].breached);
  return {
    firstResponseMet: t.firstResponse.met,
    firstResponseBreached: t.firstResponse.breached,
    resolutionMet: t.resolution.met,
    resolutionBreached: t.resolution.breached,
    firstResponseCompliance: ratio('firstResponse'),
    resolutionCompliance: ratio('resolution'),
  };
}
