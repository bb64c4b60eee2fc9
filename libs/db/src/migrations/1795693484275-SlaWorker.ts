import { MigrationInterface, QueryRunner } from 'typeorm';

export class SlaWorker1795693484275 implements MigrationInterface {
  name = 'SlaWorker1795693484275';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "notifications" ("id" BIGSERIAL NOT NULL, "user_id" uuid NOT NULL, "kind" character varying(40) NOT NULL, "message" character varying(300) NOT NULL, "request_id" uuid, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL, "read_at" TIMESTAMP(3) WITH TIME ZONE, CONSTRAINT "PK_6a72c3c0f683f6462415e653c3a" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "ix_notifications_user_created" ON "notifications"  ("user_id", "created_at") `);
    await queryRunner.query(`CREATE TYPE "public"."sla_event_kind" AS ENUM('WARNING', 'BREACHED', 'ESCALATED')`);
    await queryRunner.query(`CREATE TABLE "sla_events" ("id" BIGSERIAL NOT NULL, "clock_id" uuid NOT NULL, "request_id" uuid NOT NULL, "kind" "public"."sla_event_kind" NOT NULL, "rung" integer NOT NULL DEFAULT '0', "recipient_id" uuid, "occurred_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL, "recorded_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL, CONSTRAINT "PK_fe6fa8c1019607ffdf8d79a65ee" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "ix_sla_events_request" ON "sla_events"  ("request_id", "occurred_at") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_sla_events_clock_kind_rung" ON "sla_events"  ("clock_id", "kind", "rung") `);
    await queryRunner.query(`ALTER TABLE "sla_clocks" ADD "warn_at_percent" integer NOT NULL DEFAULT '80'`);
    await queryRunner.query(`ALTER TABLE "sla_clocks" ADD "warn_at" TIMESTAMP(3) WITH TIME ZONE`);
    await queryRunner.query(`ALTER TABLE "sla_clocks" ADD "warned_at" TIMESTAMP(3) WITH TIME ZONE`);
    await queryRunner.query(`ALTER TABLE "sla_clocks" ADD "breach_recorded_at" TIMESTAMP(3) WITH TIME ZONE`);
    await queryRunner.query(`ALTER TABLE "sla_clocks" ADD "escalation_rung" integer NOT NULL DEFAULT '0'`);
    await queryRunner.query(`ALTER TABLE "sla_clocks" ADD "next_check_at" TIMESTAMP(3) WITH TIME ZONE`);
    await queryRunner.query(`CREATE INDEX "ix_sla_clocks_next_check" ON "sla_clocks"  ("next_check_at") WHERE next_check_at IS NOT NULL`);
    await queryRunner.query(`ALTER TABLE "notifications" ADD CONSTRAINT "FK_9a8a82462cab47c73d25f49261f" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "notifications" DROP CONSTRAINT "FK_9a8a82462cab47c73d25f49261f"`);
    await queryRunner.query(`DROP INDEX "public"."ix_sla_clocks_next_check"`);
    await queryRunner.query(`ALTER TABLE "sla_clocks" DROP COLUMN "next_check_at"`);
    await queryRunner.query(`ALTER TABLE "sla_clocks" DROP COLUMN "escalation_rung"`);
    await queryRunner.query(`ALTER TABLE "sla_clocks" DROP COLUMN "breach_recorded_at"`);
    await queryRunner.query(`ALTER TABLE "sla_clocks" DROP COLUMN "warned_at"`);
    await queryRunner.query(`ALTER TABLE "sla_clocks" DROP COLUMN "warn_at"`);
    await queryRunner.query(`ALTER TABLE "sla_clocks" DROP COLUMN "warn_at_percent"`);
    await queryRunner.query(`DROP INDEX "public"."uq_sla_events_clock_kind_rung"`);
    await queryRunner.query(`DROP INDEX "public"."ix_sla_events_request"`);
    await queryRunner.query(`DROP TABLE "sla_events"`);
    await queryRunner.query(`DROP TYPE "public"."sla_event_kind"`);
    await queryRunner.query(`DROP INDEX "public"."ix_notifications_user_created"`);
    await queryRunner.query(`DROP TABLE "notifications"`);
  }
}
