import { MigrationInterface, QueryRunner } from 'typeorm';

// Written by hand: no entity maps this table (the API's rate limiter reads it with plain SQL), so
// TypeORM's drift check does not look at it. UNLOGGED: no WAL, and a crash only forgets counts.
export class RateLimitCounters1796219605570 implements MigrationInterface {
  name = 'RateLimitCounters1796219605570';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE UNLOGGED TABLE "rate_limit_counters" ("key" text NOT NULL, "hits" integer NOT NULL, "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_rate_limit_counters" PRIMARY KEY ("key"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_rate_limit_counters_expires_at" ON "rate_limit_counters" ("expires_at")`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "rate_limit_counters"`);
  }
}
