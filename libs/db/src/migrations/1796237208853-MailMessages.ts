import { MigrationInterface, QueryRunner } from 'typeorm';

export class MailMessages1796237208853 implements MigrationInterface {
  name = 'MailMessages1796237208853';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "mail_messages" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "recipient_user_id" uuid NOT NULL, "request_id" uuid, "kind" character varying(40) NOT NULL, "actor_id" uuid, "params" jsonb NOT NULL, "status" character varying(20) NOT NULL, "message_id" character varying(300) NOT NULL, "digest_id" uuid, "to_address" character varying(320), "locale" character varying(5), "subject" character varying(300), "text_body" text, "html_body" text, "attempts" integer NOT NULL DEFAULT '0', "next_attempt_at" TIMESTAMP(3) WITH TIME ZONE, "claim_token" uuid, "last_error" character varying(500), "sent_at" TIMESTAMP(3) WITH TIME ZONE, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL, CONSTRAINT "PK_1bd6e76ef3b3d4aff7d0510a509" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "ix_mail_messages_recipient" ON "mail_messages"  ("recipient_user_id") `);
    await queryRunner.query(`CREATE INDEX "ix_mail_messages_request" ON "mail_messages"  ("request_id") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_mail_messages_message_id" ON "mail_messages"  ("message_id") `);
    await queryRunner.query(`CREATE INDEX "ix_mail_messages_digest_id" ON "mail_messages"  ("digest_id") WHERE digest_id IS NOT NULL`);
    await queryRunner.query(`CREATE INDEX "ix_mail_messages_created" ON "mail_messages"  ("created_at", "id") `);
    await queryRunner.query(`CREATE INDEX "ix_mail_messages_digest_queued" ON "mail_messages"  ("recipient_user_id", "created_at") WHERE status = 'DIGEST_QUEUED'`);
    await queryRunner.query(`CREATE INDEX "ix_mail_messages_due" ON "mail_messages"  ("next_attempt_at") WHERE status = 'PENDING'`);
    await queryRunner.query(`CREATE TABLE "mail_settings" ("user_id" uuid NOT NULL, "digest_hour" smallint NOT NULL DEFAULT '8', "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL, CONSTRAINT "PK_8fcc19fb6620c5daf990985478b" PRIMARY KEY ("user_id"))`);
    await queryRunner.query(`ALTER TABLE "users" ADD "locale" character varying(5) NOT NULL DEFAULT 'en'`);
    await queryRunner.query(`ALTER TABLE "notification_preferences" ADD "email" character varying(10)`);
    await queryRunner.query(`ALTER TABLE "mail_messages" ADD CONSTRAINT "FK_981ee9e849bf0cf46fce979e075" FOREIGN KEY ("recipient_user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "mail_messages" ADD CONSTRAINT "FK_dc18a64334e69f47be6522d27c2" FOREIGN KEY ("actor_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "mail_messages" ADD CONSTRAINT "FK_b61f381b1681e58d94a3593e398" FOREIGN KEY ("digest_id") REFERENCES "mail_messages"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "mail_settings" ADD CONSTRAINT "FK_8fcc19fb6620c5daf990985478b" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "mail_settings" DROP CONSTRAINT "FK_8fcc19fb6620c5daf990985478b"`);
    await queryRunner.query(`ALTER TABLE "mail_messages" DROP CONSTRAINT "FK_b61f381b1681e58d94a3593e398"`);
    await queryRunner.query(`ALTER TABLE "mail_messages" DROP CONSTRAINT "FK_dc18a64334e69f47be6522d27c2"`);
    await queryRunner.query(`ALTER TABLE "mail_messages" DROP CONSTRAINT "FK_981ee9e849bf0cf46fce979e075"`);
    await queryRunner.query(`ALTER TABLE "notification_preferences" DROP COLUMN "email"`);
    await queryRunner.query(`ALTER TABLE "users" DROP COLUMN "locale"`);
    await queryRunner.query(`DROP TABLE "mail_settings"`);
    await queryRunner.query(`DROP INDEX "public"."ix_mail_messages_due"`);
    await queryRunner.query(`DROP INDEX "public"."ix_mail_messages_digest_queued"`);
    await queryRunner.query(`DROP INDEX "public"."ix_mail_messages_created"`);
    await queryRunner.query(`DROP INDEX "public"."ix_mail_messages_digest_id"`);
    await queryRunner.query(`DROP INDEX "public"."uq_mail_messages_message_id"`);
    await queryRunner.query(`DROP INDEX "public"."ix_mail_messages_request"`);
    await queryRunner.query(`DROP INDEX "public"."ix_mail_messages_recipient"`);
    await queryRunner.query(`DROP TABLE "mail_messages"`);
  }
}
