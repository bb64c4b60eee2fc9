import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

// request_report_facts as it must be: computed from the raw rows.
const EXPECTED = `
  SELECT r.id AS request_id, r.created_at, r.supplier_id, r.customer_id, r.service_id, r.assignee_id,
         r.priority, r.relationship_type, r.status,
         fr.elapsed_ms AS fr_elapsed_ms, fr.running_since AS fr_running_since, fr.due_at AS fr_due_at,
         fr.stopped_at AS fr_stopped_at, fr.cancelled_at AS fr_cancelled_at, fr.breached_at AS fr_breached_at,
         res.elapsed_ms AS res_elapsed_ms, res.running_since AS res_running_since, res.due_at AS res_due_at,
         res.stopped_at AS res_stopped_at, res.cancelled_at AS res_cancelled_at, res.breached_at AS res_breached_at,
         cr.score AS rating_score, sr.score AS quality_score,
         (SELECT count(*)::int FROM kudos k WHERE k.request_id = r.id) AS kudos
    FROM requests r
    LEFT JOIN sla_clocks fr ON fr.request_id = r.id AND fr.kind = 'FIRST_RESPONSE'
    LEFT JOIN sla_clocks res ON res.request_id = r.id AND res.kind = 'RESOLUTION'
    LEFT JOIN request_ratings cr ON cr.request_id = r.id AND cr.side = 'CUSTOMER'
    LEFT JOIN request_ratings sr ON sr.request_id = r.id AND sr.side = 'SUPPLIER'`;

const COLUMNS = `request_id, created_at, supplier_id, customer_id, service_id, assignee_id, priority,
  relationship_type, status, fr_elapsed_ms, fr_running_since, fr_due_at, fr_stopped_at,
  fr_cancelled_at, fr_breached_at, res_elapsed_ms, res_running_since, res_due_at, res_stopped_at,
  res_cancelled_at, res_breached_at, rating_score, quality_score, kudos`;

// Proves the report facts agree with the raw data: the rows that differ either way (none).
@Injectable()
export class ReportFactsAudit {
  constructor(private readonly dataSource: DataSource) {}

  async differences(): Promise<{ missingOrWrong: number; extra: number }> {
    const [row] = await this.dataSource.query(
      `WITH expected AS (${EXPECTED}),
            actual AS (SELECT ${COLUMNS} FROM request_report_facts)
       SELECT (SELECT count(*)::int FROM (SELECT * FROM expected EXCEPT SELECT * FROM actual) a) AS missing_or_wrong,
              (SELECT count(*)::int FROM (SELECT * FROM actual EXCEPT SELECT * FROM expected) b) AS extra`,
    );
    return { missingOrWrong: row.missing_or_wrong, extra: row.extra };
  }
}
