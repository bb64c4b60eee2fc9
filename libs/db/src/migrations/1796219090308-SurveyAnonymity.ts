import { MigrationInterface, QueryRunner } from 'typeorm';

// Survey respondent keys become HMACs under SURVEY_SECRET and per-round key material that is
// destroyed at close. Rounds open now keep their old salt (legacy) until they close; closed
// rounds are sealed here: salt dropped, respondent keys dropped, answers rewritten with new
// random ids in random order.
export class SurveyAnonymity1796219090308 implements MigrationInterface {
  name = 'SurveyAnonymity1796219090308';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "survey_rounds" ADD "respondent_key_material" bytea`);
    await queryRunner.query(`ALTER TABLE "survey_rounds" ADD "legacy_respondent_salt" character varying(64)`);
    await queryRunner.query(`UPDATE "survey_rounds" SET "legacy_respondent_salt" = "respondent_salt" WHERE "closed_at" IS NULL AND "closes_at" > now()`);
    await queryRunner.query(`ALTER TABLE "survey_rounds" DROP COLUMN "respondent_salt"`);
    await queryRunner.query(`DROP INDEX "public"."uq_survey_answers_respondent"`);
    await queryRunner.query(`ALTER TABLE "survey_answers" ALTER COLUMN "respondent_key" DROP NOT NULL`);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_survey_answers_respondent" ON "survey_answers"  ("round_id", "supplier_id", "respondent_key") `);
    await queryRunner.query(`WITH sealed AS (
        DELETE FROM "survey_answers" a USING "survey_rounds" r
         WHERE r."id" = a."round_id" AND r."legacy_respondent_salt" IS NULL
        RETURNING a."round_id", a."supplier_id", a."customer_id", a."score", a."recommend", a."comment")
      INSERT INTO "survey_answers" ("id", "round_id", "supplier_id", "customer_id", "respondent_key", "score", "recommend", "comment")
      SELECT gen_random_uuid(), "round_id", "supplier_id", "customer_id", NULL, "score", "recommend", "comment"
        FROM sealed ORDER BY random()`);
  }

  // Sealed answers get random keys and rounds a random salt: the old scheme cannot link them
  // again, and answers given under HMAC keys can no longer be changed by their author.
  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."uq_survey_answers_respondent"`);
    await queryRunner.query(`UPDATE "survey_answers" SET "respondent_key" = encode(sha256(convert_to(gen_random_uuid()::text, 'UTF8')), 'hex') WHERE "respondent_key" IS NULL`);
    await queryRunner.query(`ALTER TABLE "survey_answers" ALTER COLUMN "respondent_key" SET NOT NULL`);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_survey_answers_respondent" ON "survey_answers" USING btree ("round_id", "supplier_id", "respondent_key") `);
    await queryRunner.query(`ALTER TABLE "survey_rounds" ADD "respondent_salt" character varying(64)`);
    await queryRunner.query(`UPDATE "survey_rounds" SET "respondent_salt" = coalesce("legacy_respondent_salt", encode(sha256(convert_to(gen_random_uuid()::text, 'UTF8')), 'hex'))`);
    await queryRunner.query(`ALTER TABLE "survey_rounds" ALTER COLUMN "respondent_salt" SET NOT NULL`);
    await queryRunner.query(`ALTER TABLE "survey_rounds" DROP COLUMN "legacy_respondent_salt"`);
    await queryRunner.query(`ALTER TABLE "survey_rounds" DROP COLUMN "respondent_key_material"`);
  }
}
