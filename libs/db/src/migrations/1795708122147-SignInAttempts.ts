import { MigrationInterface, QueryRunner } from 'typeorm';

export class SignInAttempts1795708122147 implements MigrationInterface {
  name = 'SignInAttempts1795708122147';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "sign_in_attempts" ("email" character varying(320) NOT NULL, "failures" integer NOT NULL, "last_failure_at" TIMESTAMP WITH TIME ZONE NOT NULL, "locked_until" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_5f29a7dfbc557581c5eab89e10f" PRIMARY KEY ("email"))`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "sign_in_attempts"`);
  }
}
