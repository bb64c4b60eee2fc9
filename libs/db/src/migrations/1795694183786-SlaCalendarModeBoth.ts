import { MigrationInterface, QueryRunner } from 'typeorm';

export class SlaCalendarModeBoth1795694183786 implements MigrationInterface {
  name = 'SlaCalendarModeBoth1795694183786';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "sla_clocks" ADD "second_calendar_id" uuid`);
    await queryRunner.query(`ALTER TYPE "public"."calendar_mode" ADD VALUE 'BOTH'`);
    await queryRunner.query(`ALTER TABLE "sla_clocks" ADD CONSTRAINT "FK_17db75af2cabf6f0c0190e14cf3" FOREIGN KEY ("second_calendar_id") REFERENCES "business_calendars"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "sla_clocks" DROP CONSTRAINT "FK_17db75af2cabf6f0c0190e14cf3"`);
    // Hand-edited: policies counting in BOTH fall back to SUPPLIER, and the column default is
    // moved aside while the type changes (TypeORM's generated down cannot cast it).
    await queryRunner.query(`UPDATE "sla_policies" SET "calendar_mode" = 'SUPPLIER' WHERE "calendar_mode" = 'BOTH'`);
    await queryRunner.query(`ALTER TABLE "sla_policies" ALTER COLUMN "calendar_mode" DROP DEFAULT`);
    await queryRunner.query(`CREATE TYPE "public"."calendar_mode_old" AS ENUM('SUPPLIER', 'CUSTOMER')`);
    await queryRunner.query(`ALTER TABLE "sla_policies" ALTER COLUMN "calendar_mode" TYPE "public"."calendar_mode_old" USING "calendar_mode"::"text"::"public"."calendar_mode_old"`);
    await queryRunner.query(`DROP TYPE "public"."calendar_mode"`);
    await queryRunner.query(`ALTER TYPE "public"."calendar_mode_old" RENAME TO "calendar_mode"`);
    await queryRunner.query(`ALTER TABLE "sla_policies" ALTER COLUMN "calendar_mode" SET DEFAULT 'SUPPLIER'`);
    await queryRunner.query(`ALTER TABLE "sla_clocks" DROP COLUMN "second_calendar_id"`);
  }
}
