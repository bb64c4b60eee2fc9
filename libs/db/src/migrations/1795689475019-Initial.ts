import { MigrationInterface, QueryRunner } from 'typeorm';

export class Initial1795689475019 implements MigrationInterface {
  name = 'Initial1795689475019';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "departments" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "code" character varying(32) NOT NULL, "name" character varying(200) NOT NULL, "parent_id" uuid, "level" integer, "depth" integer NOT NULL DEFAULT '0', "path" uuid array NOT NULL, "time_zone" character varying(64) NOT NULL, "lead_id" uuid, "archived_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "version" integer NOT NULL DEFAULT '1', CONSTRAINT "ck_departments_level" CHECK (level IS NULL OR level >= 0), CONSTRAINT "ck_departments_code_upper" CHECK (code = upper(code)), CONSTRAINT "PK_839517a681a86bb84cbcc6a1e9d" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_departments_code" ON "departments"  ("code") `);
    await queryRunner.query(`CREATE INDEX "ix_departments_parent_id" ON "departments"  ("parent_id") `);
    await queryRunner.query(`CREATE TYPE "public"."user_role" AS ENUM('MEMBER', 'AGENT', 'LEAD', 'OPS', 'ADMIN')`);
    await queryRunner.query(`CREATE TABLE "users" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "email" character varying(320) NOT NULL, "name" character varying(200) NOT NULL, "password_hash" character varying(255), "department_id" uuid, "role" "public"."user_role" NOT NULL DEFAULT 'MEMBER', "token_version" integer NOT NULL DEFAULT '0', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ck_users_email_lower" CHECK (email = lower(email)), CONSTRAINT "PK_a3ffb1c0c8416b9fc6f907b7433" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_users_email" ON "users"  ("email") `);
    await queryRunner.query(`CREATE INDEX "ix_users_department_id" ON "users"  ("department_id") `);
    await queryRunner.query(`ALTER TABLE "departments" ADD CONSTRAINT "FK_700b0b13f494cb37b6ca929e79b" FOREIGN KEY ("parent_id") REFERENCES "departments"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "departments" ADD CONSTRAINT "FK_2727fda932a6bedaf74ff7d0c91" FOREIGN KEY ("lead_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "users" ADD CONSTRAINT "FK_0921d1972cf861d568f5271cd85" FOREIGN KEY ("department_id") REFERENCES "departments"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    // Hand-added: ancestor look-ups (`id = ANY(path)`, `path @> ARRAY[id]`); the entity marks it synchronize: false.
    await queryRunner.query(`CREATE INDEX "ix_departments_path" ON "departments" USING gin ("path")`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."ix_departments_path"`);
    await queryRunner.query(`ALTER TABLE "users" DROP CONSTRAINT "FK_0921d1972cf861d568f5271cd85"`);
    await queryRunner.query(`ALTER TABLE "departments" DROP CONSTRAINT "FK_2727fda932a6bedaf74ff7d0c91"`);
    await queryRunner.query(`ALTER TABLE "departments" DROP CONSTRAINT "FK_700b0b13f494cb37b6ca929e79b"`);
    await queryRunner.query(`DROP INDEX "public"."ix_users_department_id"`);
    await queryRunner.query(`DROP INDEX "public"."uq_users_email"`);
    await queryRunner.query(`DROP TABLE "users"`);
    await queryRunner.query(`DROP TYPE "public"."user_role"`);
    await queryRunner.query(`DROP INDEX "public"."ix_departments_parent_id"`);
    await queryRunner.query(`DROP INDEX "public"."uq_departments_code"`);
    await queryRunner.query(`DROP TABLE "departments"`);
  }
}
