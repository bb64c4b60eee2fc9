import { MigrationInterface, QueryRunner } from 'typeorm';

export class RequestNumberOrderIndex1795691800694 implements MigrationInterface {
  name = 'RequestNumberOrderIndex1795691800694';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE INDEX "ix_requests_seq" ON "requests"  ("seq", "id") `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."ix_requests_seq"`);
  }
}
