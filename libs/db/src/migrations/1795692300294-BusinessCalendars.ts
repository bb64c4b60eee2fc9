import { MigrationInterface, QueryRunner } from 'typeorm';

export class BusinessCalendars1795692300294 implements MigrationInterface {
  name = 'BusinessCalendars1795692300294';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "business_calendars" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "name" character varying(120) NOT NULL, "time_zone" character varying(64) NOT NULL, "weekly_hours" jsonb NOT NULL, "holidays" jsonb NOT NULL DEFAULT '[]', "is_default" boolean NOT NULL DEFAULT false, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "version" integer NOT NULL DEFAULT '1', CONSTRAINT "PK_5824d9553787220e55e159fa16b" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_business_calendars_name" ON "business_calendars"  ("name") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_business_calendars_default" ON "business_calendars"  ("is_default") WHERE is_default`);
    await queryRunner.query(`ALTER TABLE "departments" ADD "calendar_id" uuid`);
    await queryRunner.query(`ALTER TABLE "departments" ADD CONSTRAINT "FK_6a3e678900fa4a46122b8a3af0c" FOREIGN KEY ("calendar_id") REFERENCES "business_calendars"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "departments" DROP CONSTRAINT "FK_6a3e678900fa4a46122b8a3af0c"`);
    await queryRunner.query(`ALTER TABLE "departments" DROP COLUMN "calendar_id"`);
    await queryRunner.query(`DROP INDEX "public"."uq_business_calendars_default"`);
    await queryRunner.query(`DROP INDEX "public"."uq_business_calendars_name"`);
    await queryRunner.query(`DROP TABLE "business_calendars"`);
  }
}
