import { MigrationInterface, QueryRunner } from 'typeorm';

export class PendingUnboundAttachments1796280776639 implements MigrationInterface {
  name = 'PendingUnboundAttachments1796280776639';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "attachments" DROP CONSTRAINT "FK_dcbe694cf3a439b06e0c7b6a73c"`);
    await queryRunner.query(`DROP INDEX "public"."ix_attachments_request"`);
    await queryRunner.query(`ALTER TABLE "attachments" ALTER COLUMN "request_id" DROP NOT NULL`);
    await queryRunner.query(`CREATE INDEX "ix_attachments_pending" ON "attachments"  ("created_at") WHERE pending`);
    await queryRunner.query(`CREATE INDEX "ix_attachments_request" ON "attachments"  ("request_id", "created_at") `);
    await queryRunner.query(`ALTER TABLE "attachments" ADD CONSTRAINT "FK_dcbe694cf3a439b06e0c7b6a73c" FOREIGN KEY ("request_id") REFERENCES "requests"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    // Uploads for requests never filed have nowhere to go back to: dropped with their bytes.
    await queryRunner.query(`DELETE FROM "attachment_blobs" WHERE "key" IN (SELECT "storage_key" FROM "attachments" WHERE "request_id" IS NULL)`);
    await queryRunner.query(`DELETE FROM "attachments" WHERE "request_id" IS NULL`);
    await queryRunner.query(`ALTER TABLE "attachments" DROP CONSTRAINT "FK_dcbe694cf3a439b06e0c7b6a73c"`);
    await queryRunner.query(`DROP INDEX "public"."ix_attachments_request"`);
    await queryRunner.query(`DROP INDEX "public"."ix_attachments_pending"`);
    await queryRunner.query(`ALTER TABLE "attachments" ALTER COLUMN "request_id" SET NOT NULL`);
    await queryRunner.query(`CREATE INDEX "ix_attachments_request" ON "attachments" USING btree ("request_id", "created_at") `);
    await queryRunner.query(`ALTER TABLE "attachments" ADD CONSTRAINT "FK_dcbe694cf3a439b06e0c7b6a73c" FOREIGN KEY ("request_id") REFERENCES "requests"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
  }
}
