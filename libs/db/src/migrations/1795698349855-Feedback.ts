import { MigrationInterface, QueryRunner } from 'typeorm';

export class Feedback1795698349855 implements MigrationInterface {
  name = 'Feedback1795698349855';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "kudos" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "request_id" uuid NOT NULL, "from_user_id" uuid NOT NULL, "to_user_id" uuid, "to_department_id" uuid, "message" character varying(500) NOT NULL, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL, CONSTRAINT "ck_kudos_one_recipient" CHECK ((to_user_id IS NULL) <> (to_department_id IS NULL)), CONSTRAINT "PK_ed7aa56ecf082848c38a3cde5d5" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_kudos_giver_request_department" ON "kudos"  ("from_user_id", "request_id", "to_department_id") WHERE to_department_id IS NOT NULL`);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_kudos_giver_request_user" ON "kudos"  ("from_user_id", "request_id", "to_user_id") WHERE to_user_id IS NOT NULL`);
    await queryRunner.query(`CREATE INDEX "ix_kudos_to_department_created" ON "kudos"  ("to_department_id", "created_at") `);
    await queryRunner.query(`CREATE INDEX "ix_kudos_to_user_created" ON "kudos"  ("to_user_id", "created_at") `);
    await queryRunner.query(`CREATE INDEX "ix_kudos_request" ON "kudos"  ("request_id") `);
    await queryRunner.query(`CREATE TYPE "public"."rating_side" AS ENUM('CUSTOMER', 'SUPPLIER')`);
    await queryRunner.query(`CREATE TABLE "request_ratings" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "request_id" uuid NOT NULL, "side" "public"."rating_side" NOT NULL, "rater_id" uuid NOT NULL, "score" smallint NOT NULL, "comment" text NOT NULL DEFAULT '', "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL, "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL, CONSTRAINT "ck_request_ratings_score" CHECK (score BETWEEN 1 AND 5), CONSTRAINT "PK_df6cd2ace5397a1c91da2feec50" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "ix_request_ratings_rater" ON "request_ratings"  ("rater_id") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_request_ratings_request_side" ON "request_ratings"  ("request_id", "side") `);
    await queryRunner.query(`CREATE TABLE "survey_rounds" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "title" character varying(200) NOT NULL, "period_from" date NOT NULL, "period_to" date NOT NULL, "opened_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL, "closes_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL, "closed_at" TIMESTAMP(3) WITH TIME ZONE, "created_by_id" uuid NOT NULL, "respondent_salt" character varying(64) NOT NULL, CONSTRAINT "PK_5f7ead95c8cdbf58f07fadda9cf" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "ix_survey_rounds_closes_at" ON "survey_rounds"  ("closes_at") `);
    await queryRunner.query(`CREATE TABLE "survey_answers" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "round_id" uuid NOT NULL, "supplier_id" uuid NOT NULL, "customer_id" uuid NOT NULL, "respondent_key" character varying(64) NOT NULL, "score" smallint NOT NULL, "recommend" smallint NOT NULL, "comment" text NOT NULL DEFAULT '', CONSTRAINT "ck_survey_answers_recommend" CHECK (recommend BETWEEN 0 AND 10), CONSTRAINT "ck_survey_answers_score" CHECK (score BETWEEN 1 AND 5), CONSTRAINT "PK_e4cab112318f766c93435f77a1a" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "ix_survey_answers_round_supplier_customer" ON "survey_answers"  ("round_id", "supplier_id", "customer_id") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_survey_answers_respondent" ON "survey_answers"  ("round_id", "supplier_id", "respondent_key") `);
    await queryRunner.query(`CREATE TABLE "survey_invitations" ("round_id" uuid NOT NULL, "customer_id" uuid NOT NULL, "supplier_id" uuid NOT NULL, "requests" integer NOT NULL, CONSTRAINT "PK_5733b20b7411a5aad9a6f5ceca6" PRIMARY KEY ("round_id", "customer_id", "supplier_id"))`);
    await queryRunner.query(`CREATE INDEX "ix_survey_invitations_customer" ON "survey_invitations"  ("customer_id", "round_id") `);
    await queryRunner.query(`ALTER TABLE "kudos" ADD CONSTRAINT "FK_fcb3d86bf9a00e27d63de00993c" FOREIGN KEY ("request_id") REFERENCES "requests"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "kudos" ADD CONSTRAINT "FK_82c514452f8dc63ff0c049c361e" FOREIGN KEY ("from_user_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "kudos" ADD CONSTRAINT "FK_7adc9acb492bcc51c06eaebc2ee" FOREIGN KEY ("to_user_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "kudos" ADD CONSTRAINT "FK_e33eda1ca4979c83584da27bb97" FOREIGN KEY ("to_department_id") REFERENCES "departments"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "request_ratings" ADD CONSTRAINT "FK_97706f18832522dce7237e328d9" FOREIGN KEY ("request_id") REFERENCES "requests"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "request_ratings" ADD CONSTRAINT "FK_1841daeb3df2fa83859f709e9ec" FOREIGN KEY ("rater_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "survey_rounds" ADD CONSTRAINT "FK_b6f163826edbe5c611bb82dfbf8" FOREIGN KEY ("created_by_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "survey_answers" ADD CONSTRAINT "FK_f9322291d51f5e5b8e430198e33" FOREIGN KEY ("round_id") REFERENCES "survey_rounds"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "survey_invitations" ADD CONSTRAINT "FK_0e3e480091f2cf6f8777565379e" FOREIGN KEY ("round_id") REFERENCES "survey_rounds"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "survey_invitations" ADD CONSTRAINT "FK_1cf796c40f421f5b72a2e4b8a0e" FOREIGN KEY ("customer_id") REFERENCES "departments"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "survey_invitations" ADD CONSTRAINT "FK_9cb5cbdd8fca15cdc4a83fe5fd2" FOREIGN KEY ("supplier_id") REFERENCES "departments"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "survey_invitations" DROP CONSTRAINT "FK_9cb5cbdd8fca15cdc4a83fe5fd2"`);
    await queryRunner.query(`ALTER TABLE "survey_invitations" DROP CONSTRAINT "FK_1cf796c40f421f5b72a2e4b8a0e"`);
    await queryRunner.query(`ALTER TABLE "survey_invitations" DROP CONSTRAINT "FK_0e3e480091f2cf6f8777565379e"`);
    await queryRunner.query(`ALTER TABLE "survey_answers" DROP CONSTRAINT "FK_f9322291d51f5e5b8e430198e33"`);
    await queryRunner.query(`ALTER TABLE "survey_rounds" DROP CONSTRAINT "FK_b6f163826edbe5c611bb82dfbf8"`);
    await queryRunner.query(`ALTER TABLE "request_ratings" DROP CONSTRAINT "FK_1841daeb3df2fa83859f709e9ec"`);
    await queryRunner.query(`ALTER TABLE "request_ratings" DROP CONSTRAINT "FK_97706f18832522dce7237e328d9"`);
    await queryRunner.query(`ALTER TABLE "kudos" DROP CONSTRAINT "FK_e33eda1ca4979c83584da27bb97"`);
    await queryRunner.query(`ALTER TABLE "kudos" DROP CONSTRAINT "FK_7adc9acb492bcc51c06eaebc2ee"`);
    await queryRunner.query(`ALTER TABLE "kudos" DROP CONSTRAINT "FK_82c514452f8dc63ff0c049c361e"`);
    await queryRunner.query(`ALTER TABLE "kudos" DROP CONSTRAINT "FK_fcb3d86bf9a00e27d63de00993c"`);
    await queryRunner.query(`DROP INDEX "public"."ix_survey_invitations_customer"`);
    await queryRunner.query(`DROP TABLE "survey_invitations"`);
    await queryRunner.query(`DROP INDEX "public"."uq_survey_answers_respondent"`);
    await queryRunner.query(`DROP INDEX "public"."ix_survey_answers_round_supplier_customer"`);
    await queryRunner.query(`DROP TABLE "survey_answers"`);
    await queryRunner.query(`DROP INDEX "public"."ix_survey_rounds_closes_at"`);
    await queryRunner.query(`DROP TABLE "survey_rounds"`);
    await queryRunner.query(`DROP INDEX "public"."uq_request_ratings_request_side"`);
    await queryRunner.query(`DROP INDEX "public"."ix_request_ratings_rater"`);
    await queryRunner.query(`DROP TABLE "request_ratings"`);
    await queryRunner.query(`DROP TYPE "public"."rating_side"`);
    await queryRunner.query(`DROP INDEX "public"."ix_kudos_request"`);
    await queryRunner.query(`DROP INDEX "public"."ix_kudos_to_user_created"`);
    await queryRunner.query(`DROP INDEX "public"."ix_kudos_to_department_created"`);
    await queryRunner.query(`DROP INDEX "public"."uq_kudos_giver_request_user"`);
    await queryRunner.query(`DROP INDEX "public"."uq_kudos_giver_request_department"`);
    await queryRunner.query(`DROP TABLE "kudos"`);
  }
}
