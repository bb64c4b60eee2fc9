import { MigrationInterface, QueryRunner } from 'typeorm';

export class RequestExternalRef1795694617273 implements MigrationInterface {
  name = 'RequestExternalRef1795694617273';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "requests" ADD "external_ref" character varying(100)`);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_requests_external_ref" ON "requests"  ("external_ref") WHERE external_ref IS NOT NULL`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."uq_requests_external_ref"`);
    await queryRunner.query(`ALTER TABLE "requests" DROP COLUMN "external_ref"`);
  }
}
