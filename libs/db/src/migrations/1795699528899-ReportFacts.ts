import { MigrationInterface, QueryRunner } from 'typeorm';

const CLOCK_COLUMNS = ['elapsed_ms', 'running_since', 'due_at', 'stopped_at', 'cancelled_at', 'breached_at'];
const REQUEST_COLUMNS = [
  'created_at',
  'supplier_id',
  'customer_id',
  'service_id',
  'assignee_id',
  'priority',
  'relationship_type',
  'status',
];

function clockUpdate(kind: string, prefix: string, source: string, clear: boolean): string {
  const set = CLOCK_COLUMNS.map((c) => `${prefix}_${c} = ${clear ? 'NULL' : `c.${c}`}`).join(', ');
  const changed = clear
    ? ''
    : `AND (${CLOCK_COLUMNS.map((c) => `f.${prefix}_${c}`).join(', ')}) IS DISTINCT FROM (${CLOCK_COLUMNS.map((c) => `c.${c}`).join(', ')})`;
  return `UPDATE request_report_facts f SET ${set} FROM ${source} c
           WHERE c.kind = '${kind}' AND f.request_id = c.request_id ${changed};`;
}

function ratingUpdate(side: string, column: string, source: string, clear: boolean): string {
  return `UPDATE request_report_facts f SET ${column} = ${clear ? 'NULL' : 'c.score'} FROM ${source} c
           WHERE c.side = '${side}' AND f.request_id = c.request_id
             ${clear ? '' : `AND f.${column} IS DISTINCT FROM c.score`};`;
}

const functions: [name: string, body: string][] = [
  [
    'report_facts_request_added',
    `INSERT INTO request_report_facts (request_id, ${REQUEST_COLUMNS.join(', ')})
     SELECT id, ${REQUEST_COLUMNS.join(', ')} FROM changed;`,
  ],
  [
    'report_facts_request_changed',
    `UPDATE request_report_facts f SET ${REQUEST_COLUMNS.map((c) => `${c} = n.${c}`).join(', ')}
       FROM changed n
      WHERE f.request_id = n.id
        AND (${REQUEST_COLUMNS.map((c) => `f.${c}`).join(', ')}) IS DISTINCT FROM (${REQUEST_COLUMNS.map((c) => `n.${c}`).join(', ')});`,
  ],
  [
    'report_facts_clock_changed',
    clockUpdate('FIRST_RESPONSE', 'fr', 'changed', false) +
      clockUpdate('RESOLUTION', 'res', 'changed', false),
  ],
  [
    'report_facts_clock_removed',
    clockUpdate('FIRST_RESPONSE', 'fr', 'changed', true) +
      clockUpdate('RESOLUTION', 'res', 'changed', true),
  ],
  [
    'report_facts_rating_changed',
    ratingUpdate('CUSTOMER', 'rating_score', 'changed', false) +
      ratingUpdate('SUPPLIER', 'quality_score', 'changed', false),
  ],
  [
    'report_facts_rating_removed',
    ratingUpdate('CUSTOMER', 'rating_score', 'changed', true) +
      ratingUpdate('SUPPLIER', 'quality_score', 'changed', true),
  ],
  [
    'report_facts_kudos_added',
    `UPDATE request_report_facts f SET kudos = f.kudos + a.n
       FROM (SELECT request_id, count(*)::int AS n FROM changed GROUP BY request_id) a
      WHERE f.request_id = a.request_id;`,
  ],
  [
    'report_facts_kudos_removed',
    `UPDATE request_report_facts f SET kudos = f.kudos - a.n
       FROM (SELECT request_id, count(*)::int AS n FROM changed GROUP BY request_id) a
      WHERE f.request_id = a.request_id;`,
  ],
];

// [trigger, table, event, transition table, function]
const triggers: [string, string, string, string, string][] = [
  ['report_facts_request_insert', 'requests', 'INSERT', 'NEW', 'report_facts_request_added'],
  ['report_facts_request_update', 'requests', 'UPDATE', 'NEW', 'report_facts_request_changed'],
  ['report_facts_clock_insert', 'sla_clocks', 'INSERT', 'NEW', 'report_facts_clock_changed'],
  ['report_facts_clock_update', 'sla_clocks', 'UPDATE', 'NEW', 'report_facts_clock_changed'],
  ['report_facts_clock_delete', 'sla_clocks', 'DELETE', 'OLD', 'report_facts_clock_removed'],
  ['report_facts_rating_insert', 'request_ratings', 'INSERT', 'NEW', 'report_facts_rating_changed'],
  ['report_facts_rating_update', 'request_ratings', 'UPDATE', 'NEW', 'report_facts_rating_changed'],
  ['report_facts_rating_delete', 'request_ratings', 'DELETE', 'OLD', 'report_facts_rating_removed'],
  ['report_facts_kudos_insert', 'kudos', 'INSERT', 'NEW', 'report_facts_kudos_added'],
  ['report_facts_kudos_delete', 'kudos', 'DELETE', 'OLD', 'report_facts_kudos_removed'],
];

const REPORT_FACT_TRIGGERS = [
  ...functions.map(
    ([name, body]) =>
      `CREATE FUNCTION ${name}() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN ${body} RETURN NULL; END $$`,
  ),
  ...triggers.map(
    ([name, table, event, transition, fn]) =>
      `CREATE TRIGGER ${name} AFTER ${event} ON ${table} REFERENCING ${transition} TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION ${fn}()`,
  ),
];

const DROP_REPORT_FACT_TRIGGERS = [
  ...triggers.map(([name, table]) => `DROP TRIGGER ${name} ON ${table}`),
  ...functions.map(([name]) => `DROP FUNCTION ${name}()`),
];

export class ReportFacts1795699528899 implements MigrationInterface {
  name = 'ReportFacts1795699528899';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "request_report_facts" ("request_id" uuid NOT NULL, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL, "supplier_id" uuid NOT NULL, "customer_id" uuid NOT NULL, "service_id" uuid, "assignee_id" uuid, "priority" "public"."priority" NOT NULL, "relationship_type" "public"."relationship_type" NOT NULL, "status" "public"."request_status" NOT NULL, "fr_elapsed_ms" bigint, "fr_running_since" TIMESTAMP(3) WITH TIME ZONE, "fr_due_at" TIMESTAMP(3) WITH TIME ZONE, "fr_stopped_at" TIMESTAMP(3) WITH TIME ZONE, "fr_cancelled_at" TIMESTAMP(3) WITH TIME ZONE, "fr_breached_at" TIMESTAMP(3) WITH TIME ZONE, "res_elapsed_ms" bigint, "res_running_since" TIMESTAMP(3) WITH TIME ZONE, "res_due_at" TIMESTAMP(3) WITH TIME ZONE, "res_stopped_at" TIMESTAMP(3) WITH TIME ZONE, "res_cancelled_at" TIMESTAMP(3) WITH TIME ZONE, "res_breached_at" TIMESTAMP(3) WITH TIME ZONE, "rating_score" smallint, "quality_score" smallint, "kudos" integer NOT NULL DEFAULT '0', CONSTRAINT "PK_481721ec55d3d3c4061a5e7417e" PRIMARY KEY ("request_id"))`);
    await queryRunner.query(`CREATE INDEX "ix_report_facts_service_created" ON "request_report_facts"  ("service_id", "created_at") `);
    await queryRunner.query(`CREATE INDEX "ix_report_facts_customer_created" ON "request_report_facts"  ("customer_id", "created_at") `);
    await queryRunner.query(`CREATE INDEX "ix_report_facts_supplier_created" ON "request_report_facts"  ("supplier_id", "created_at") `);
    await queryRunner.query(`CREATE INDEX "ix_report_facts_created" ON "request_report_facts"  ("created_at") `);
    await queryRunner.query(`ALTER TABLE "request_report_facts" ADD CONSTRAINT "FK_481721ec55d3d3c4061a5e7417e" FOREIGN KEY ("request_id") REFERENCES "requests"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    // Kept by statement-level triggers (one statement per change, however many rows), in the
    // transaction of the change itself.
    for (const sql of REPORT_FACT_TRIGGERS) await queryRunner.query(sql);
    await queryRunner.query(`
      INSERT INTO request_report_facts
      SELECT r.id, r.created_at, r.supplier_id, r.customer_id, r.service_id, r.assignee_id,
             r.priority, r.relationship_type, r.status,
             fr.elapsed_ms, fr.running_since, fr.due_at, fr.stopped_at, fr.cancelled_at, fr.breached_at,
             res.elapsed_ms, res.running_since, res.due_at, res.stopped_at, res.cancelled_at, res.breached_at,
             cr.score, sr.score, (SELECT count(*)::int FROM kudos k WHERE k.request_id = r.id)
        FROM requests r
        LEFT JOIN sla_clocks fr ON fr.request_id = r.id AND fr.kind = 'FIRST_RESPONSE'
        LEFT JOIN sla_clocks res ON res.request_id = r.id AND res.kind = 'RESOLUTION'
        LEFT JOIN request_ratings cr ON cr.request_id = r.id AND cr.side = 'CUSTOMER'
        LEFT JOIN request_ratings sr ON sr.request_id = r.id AND sr.side = 'SUPPLIER'`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const sql of DROP_REPORT_FACT_TRIGGERS) await queryRunner.query(sql);
    await queryRunner.query(`ALTER TABLE "request_report_facts" DROP CONSTRAINT "FK_481721ec55d3d3c4061a5e7417e"`);
    await queryRunner.query(`DROP INDEX "public"."ix_report_facts_created"`);
    await queryRunner.query(`DROP INDEX "public"."ix_report_facts_supplier_created"`);
    await queryRunner.query(`DROP INDEX "public"."ix_report_facts_customer_created"`);
    await queryRunner.query(`DROP INDEX "public"."ix_report_facts_service_created"`);
    await queryRunner.query(`DROP TABLE "request_report_facts"`);
  }
}
