import { MigrationInterface, QueryRunner } from 'typeorm';

export class PeopleAdministration1796197287843 implements MigrationInterface {
  name = 'PeopleAdministration1796197287843';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "password_reset_links" ("user_id" uuid NOT NULL, "token_hash" character varying(64) NOT NULL, "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "used_at" TIMESTAMP WITH TIME ZONE, "created_by_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_712eaad3bf08232170803ac8cb7" PRIMARY KEY ("user_id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_password_reset_links_token_hash" ON "password_reset_links"  ("token_hash") `);
    await queryRunner.query(`ALTER TABLE "users" ADD "deactivated_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`CREATE INDEX "ix_users_name_id" ON "users"  ("name", "id") `);
    // users(search:) matches any part of the name or email: a trigram index (by hand, like the requests' search).
    await queryRunner.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);
    await queryRunner.query(`CREATE INDEX "ix_users_search" ON "users" USING gin ((lower(name) || ' ' || email) gin_trgm_ops)`);
    await queryRunner.query(`ALTER TABLE "password_reset_links" ADD CONSTRAINT "FK_712eaad3bf08232170803ac8cb7" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "password_reset_links" DROP CONSTRAINT "FK_712eaad3bf08232170803ac8cb7"`);
    await queryRunner.query(`DROP INDEX "public"."ix_users_search"`);
    await queryRunner.query(`DROP INDEX "public"."ix_users_name_id"`);
    await queryRunner.query(`ALTER TABLE "users" DROP COLUMN "deactivated_at"`);
    await queryRunner.query(`DROP INDEX "public"."uq_password_reset_links_token_hash"`);
    await queryRunner.query(`DROP TABLE "password_reset_links"`);
  }
}
