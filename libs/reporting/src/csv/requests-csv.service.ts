import { Injectable } from '@nestjs/common';
import { AuthUser, TimeSource } from '@intradesk/core';
import { queryReplica } from '@intradesk/db';
import { stringify } from 'csv-stringify/sync';
import { clockColumns, clockVerdictSql } from '@intradesk/sla';
import { DataSource } from 'typeorm';
import { ReportFilterCommand } from '../reports/report-dimensions';
import { reportWhere } from '../reports/report-sql';
import { ReportsService } from '../reports/reports.service';

// Rows per statement: a page of the keyset walk, so memory stays flat whatever the export's size.
export const REQUESTS_CSV_BATCH = 5000;

export const REQUESTS_CSV_HEADER = [
  'number',
  'title',
  'customer_code',
  'customer_name',
  'supplier_code',
  'supplier_name',
  'service',
  'priority',
  'relationship_type',
  'status',
  'created_at',
  'resolved_at',
  'first_response',
  'resolution',
  'first_response_minutes',
  'resolution_minutes',
  'rating',
];

// A clock's state as Request.sla shows it (clockVerdictSql), from its report facts; empty
// without a clock.
const state = (c: string) =>
  `CASE WHEN r.${c}_elapsed_ms IS NULL THEN NULL ELSE ${clockVerdictSql(clockColumns(`r.${c}_`), '$now')} END`;
// Working minutes of a stopped clock (as the reports' medians count them); empty otherwise.
const minutes = (c: string) =>
  `CASE WHEN r.${c}_stopped_at IS NOT NULL AND r.${c}_cancelled_at IS NULL THEN floor(r.${c}_elapsed_ms / 60000.0)::int END`;

// The analysts' export: one line per request of a report's filter and scope (leads: what their
// department supplied or filed), oldest first, read in keyset batches from the report facts.
@Injectable()
export class RequestsCsvService {
  // Rows per statement (tests make it small to walk several batches).
  batchSize = REQUESTS_CSV_BATCH;

  constructor(
    private readonly dataSource: DataSource,
    private readonly reports: ReportsService,
    private readonly time: TimeSource,
  ) {}

  // The CSV text in chunks: the header, then a chunk per batch (CRLF line ends, RFC 4180).
  async *chunks(user: AuthUser, filter: ReportFilterCommand): AsyncGenerator<string> {
    const scope = this.reports.scopeOf(user);
    this.reports.checkFilter(filter);
    const now = this.time.now();
    yield csv([REQUESTS_CSV_HEADER]);
    let after: { createdAt: Date; id: string } | null = null;
    for (;;) {
      const params: unknown[] = [];
      const where = reportWhere(scope, filter, params);
      params.push(now);
      const nowParam = `$${params.length}`;
      let keyset = '';
      if (after) {
        params.push(after.createdAt, after.id);
        keyset = `${where ? 'AND' : 'WHERE'} (r.created_at, r.request_id) > ($${params.length - 1}::timestamptz, $${params.length}::uuid)`;
      }
      const sql = `
        SELECT r.request_id, r.created_at, q.number, q.title,
               cd.code AS customer_code, cd.name AS customer_name,
               sd.code AS supplier_code, sd.name AS supplier_name, sv.name AS service,
               r.priority, r.relationship_type, r.status, q.resolved_at,
               ${state('fr')} AS first_response, ${state('res')} AS resolution,
               ${minutes('fr')} AS first_response_minutes, ${minutes('res')} AS resolution_minutes,
               r.rating_score AS rating
          FROM request_report_facts r
          JOIN requests q ON q.id = r.request_id
          JOIN departments cd ON cd.id = r.customer_id
          JOIN departments sd ON sd.id = r.supplier_id
          LEFT JOIN services sv ON sv.id = r.service_id
          ${where} ${keyset}
         ORDER BY r.created_at, r.request_id
         LIMIT ${this.batchSize}`.replaceAll('$now', nowParam);
      const rows = await queryReplica(this.dataSource, sql, params);
      if (rows.length === 0) return;
      yield csv(
        rows.map((row) => [
          row.number,
          row.title,
          row.customer_code,
          row.customer_name,
          row.supplier_code,
          row.supplier_name,
          row.service,
          row.priority,
          row.relationship_type,
          row.status,
          iso(row.created_at),
          iso(row.resolved_at),
          row.first_response,
          row.resolution,
          row.first_response_minutes,
          row.resolution_minutes,
          row.rating,
        ]),
      );
      if (rows.length < this.batchSize) return;
      const last = rows[rows.length - 1];
      after = { createdAt: last.created_at as Date, id: last.request_id as string };
    }
  }
}

const iso = (value: unknown) => (value instanceof Date ? value.toISOString() : (value ?? null));

function csv(rows: unknown[][]): string {
  return stringify(rows, { record_delimiter: '\r\n', cast: { number: (n) => String(n) } });
}
