import { MigrationInterface, QueryRunner } from 'typeorm';

export class InboundMail1796237501902 implements MigrationInterface {
  name = 'InboundMail1796237501902';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "inbound_mail_counts" ("outcome" character varying(32) NOT NULL, "count" bigint NOT NULL DEFAULT '0', "last_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_76c4f8527708d3f39067cc7de82" PRIMARY KEY ("outcome"))`);
    await queryRunner.query(`CREATE TABLE "inbound_mail_receipts" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "message_id" character varying(998) NOT NULL, "recipient" character varying(320) NOT NULL, "outcome" character varying(32) NOT NULL, "request_id" uuid, "comment_id" uuid, "sender_id" uuid, "received_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_5c8d5968f363759d1e0b97a794b" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_inbound_mail_receipts_message" ON "inbound_mail_receipts"  ("message_id", "recipient") `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."uq_inbound_mail_receipts_message"`);
    await queryRunner.query(`DROP TABLE "inbound_mail_receipts"`);
    await queryRunner.query(`DROP TABLE "inbound_mail_counts"`);
  }
}
