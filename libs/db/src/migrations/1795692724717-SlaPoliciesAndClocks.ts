import { MigrationInterface, QueryRunner } from 'typeorm';

export class SlaPoliciesAndClocks1795692724717 implements MigrationInterface {
  name = 'SlaPoliciesAndClocks1795692724717';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TYPE "public"."calendar_mode" AS ENUM('SUPPLIER', 'CUSTOMER')`);
    await queryRunner.query(`CREATE TABLE "sla_policies" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "name" character varying(120) NOT NULL DEFAULT '', "supplier_id" uuid, "service_id" uuid, "customer_id" uuid, "relationship_type" "public"."relationship_type", "priority" "public"."priority", "first_response_minutes" integer NOT NULL, "resolution_minutes" integer NOT NULL, "calendar_id" uuid, "calendar_mode" "public"."calendar_mode" NOT NULL DEFAULT 'SUPPLIER', "warn_at_percent" integer NOT NULL DEFAULT '80', "active" boolean NOT NULL DEFAULT true, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "version" integer NOT NULL DEFAULT '1', CONSTRAINT "PK_41b6803cef982534243a67b6302" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "ix_sla_policies_supplier" ON "sla_policies"  ("supplier_id") `);
    await queryRunner.query(`CREATE TYPE "public"."sla_clock_kind" AS ENUM('FIRST_RESPONSE', 'RESOLUTION')`);
    await queryRunner.query(`CREATE TABLE "sla_clocks" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "request_id" uuid NOT NULL, "supplier_id" uuid NOT NULL, "kind" "public"."sla_clock_kind" NOT NULL, "policy_id" uuid NOT NULL, "calendar_id" uuid NOT NULL, "target_minutes" integer NOT NULL, "elapsed_ms" bigint NOT NULL DEFAULT '0', "running_since" TIMESTAMP(3) WITH TIME ZONE, "due_at" TIMESTAMP(3) WITH TIME ZONE, "started_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL, "stopped_at" TIMESTAMP(3) WITH TIME ZONE, "cancelled_at" TIMESTAMP(3) WITH TIME ZONE, "breached_at" TIMESTAMP(3) WITH TIME ZONE, CONSTRAINT "PK_2dce3f4b73eb9cb02e3d81de5c9" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "ix_sla_clocks_due" ON "sla_clocks"  ("due_at") WHERE running_since IS NOT NULL`);
    await queryRunner.query(`CREATE INDEX "ix_sla_clocks_supplier_due" ON "sla_clocks"  ("supplier_id", "due_at") WHERE running_since IS NOT NULL`);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_sla_clocks_request_kind" ON "sla_clocks"  ("request_id", "kind") `);
    await queryRunner.query(`ALTER TABLE "sla_policies" ADD CONSTRAINT "FK_328d632bb3e39288214ef1d863e" FOREIGN KEY ("supplier_id") REFERENCES "departments"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "sla_policies" ADD CONSTRAINT "FK_a5ad81829da67057de6f4a138da" FOREIGN KEY ("service_id") REFERENCES "services"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "sla_policies" ADD CONSTRAINT "FK_f0629b86c8eb73943090ce77fe2" FOREIGN KEY ("customer_id") REFERENCES "departments"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "sla_policies" ADD CONSTRAINT "FK_19ba046d6f085de85f97be9b2ce" FOREIGN KEY ("calendar_id") REFERENCES "business_calendars"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "sla_clocks" ADD CONSTRAINT "FK_3ca3ec8888dda0b97ee8ab3e1a9" FOREIGN KEY ("request_id") REFERENCES "requests"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "sla_clocks" ADD CONSTRAINT "FK_ac2102f677a9793b25fab98f095" FOREIGN KEY ("policy_id") REFERENCES "sla_policies"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "sla_clocks" ADD CONSTRAINT "FK_63e6dc119170650ef90f01d8d7a" FOREIGN KEY ("calendar_id") REFERENCES "business_calendars"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "sla_clocks" DROP CONSTRAINT "FK_63e6dc119170650ef90f01d8d7a"`);
    await queryRunner.query(`ALTER TABLE "sla_clocks" DROP CONSTRAINT "FK_ac2102f677a9793b25fab98f095"`);
    await queryRunner.query(`ALTER TABLE "sla_clocks" DROP CONSTRAINT "FK_3ca3ec8888dda0b97ee8ab3e1a9"`);
    await queryRunner.query(`ALTER TABLE "sla_policies" DROP CONSTRAINT "FK_19ba046d6f085de85f97be9b2ce"`);
    await queryRunner.query(`ALTER TABLE "sla_policies" DROP CONSTRAINT "FK_f0629b86c8eb73943090ce77fe2"`);
    await queryRunner.query(`ALTER TABLE "sla_policies" DROP CONSTRAINT "FK_a5ad81829da67057de6f4a138da"`);
    await queryRunner.query(`ALTER TABLE "sla_policies" DROP CONSTRAINT "FK_328d632bb3e39288214ef1d863e"`);
    await queryRunner.query(`DROP INDEX "public"."uq_sla_clocks_request_kind"`);
    await queryRunner.query(`DROP INDEX "public"."ix_sla_clocks_supplier_due"`);
    await queryRunner.query(`DROP INDEX "public"."ix_sla_clocks_due"`);
    await queryRunner.query(`DROP TABLE "sla_clocks"`);
    await queryRunner.query(`DROP TYPE "public"."sla_clock_kind"`);
    await queryRunner.query(`DROP INDEX "public"."ix_sla_policies_supplier"`);
    await queryRunner.query(`DROP TABLE "sla_policies"`);
    await queryRunner.query(`DROP TYPE "public"."calendar_mode"`);
  }
}
