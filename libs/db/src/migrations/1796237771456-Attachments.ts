import { MigrationInterface, QueryRunner } from 'typeorm';

export class Attachments1796237771456 implements MigrationInterface {
  name = 'Attachments1796237771456';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "attachment_blobs" ("key" character varying(512) NOT NULL, "data" bytea NOT NULL, CONSTRAINT "PK_66db95ed8be2c3212f8f94a9c76" PRIMARY KEY ("key"))`);
    await queryRunner.query(`CREATE TABLE "attachments" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "request_id" uuid NOT NULL, "comment_id" uuid, "pending" boolean NOT NULL DEFAULT false, "uploader_id" uuid NOT NULL, "file_name" character varying(255) NOT NULL, "content_type" character varying(127) NOT NULL, "size_bytes" integer NOT NULL, "sha256" character(64) NOT NULL, "storage_key" character varying(512) NOT NULL, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL, CONSTRAINT "PK_5e1f050bcff31e3084a1d662412" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "ix_attachments_comment" ON "attachments"  ("comment_id") `);
    await queryRunner.query(`CREATE INDEX "ix_attachments_request" ON "attachments"  ("request_id", "created_at") `);
    await queryRunner.query(`ALTER TABLE "attachments" ADD CONSTRAINT "FK_dcbe694cf3a439b06e0c7b6a73c" FOREIGN KEY ("request_id") REFERENCES "requests"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "attachments" ADD CONSTRAINT "FK_b4b436948b623e8e765bd1c0977" FOREIGN KEY ("comment_id") REFERENCES "request_comments"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "attachments" ADD CONSTRAINT "FK_73407cf2d2a0e64546bacf309a7" FOREIGN KEY ("uploader_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "attachments" DROP CONSTRAINT "FK_73407cf2d2a0e64546bacf309a7"`);
    await queryRunner.query(`ALTER TABLE "attachments" DROP CONSTRAINT "FK_b4b436948b623e8e765bd1c0977"`);
    await queryRunner.query(`ALTER TABLE "attachments" DROP CONSTRAINT "FK_dcbe694cf3a439b06e0c7b6a73c"`);
    await queryRunner.query(`DROP INDEX "public"."ix_attachments_request"`);
    await queryRunner.query(`DROP INDEX "public"."ix_attachments_comment"`);
    await queryRunner.query(`DROP TABLE "attachments"`);
    await queryRunner.query(`DROP TABLE "attachment_blobs"`);
  }
}
