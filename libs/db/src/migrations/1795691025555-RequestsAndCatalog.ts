import { MigrationInterface, QueryRunner } from 'typeorm';

export class RequestsAndCatalog1795691025555 implements MigrationInterface {
  name = 'RequestsAndCatalog1795691025555';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TYPE "public"."priority" AS ENUM('P1', 'P2', 'P3', 'P4')`);
    await queryRunner.query(`CREATE TABLE "services" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "supplier_id" uuid NOT NULL, "name" character varying(120) NOT NULL, "description" text NOT NULL DEFAULT '', "default_priority" "public"."priority" NOT NULL DEFAULT 'P3', "active" boolean NOT NULL DEFAULT true, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "version" integer NOT NULL DEFAULT '1', CONSTRAINT "PK_ba2d347a3168a296416c6c5ccb2" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "ix_services_supplier_id" ON "services"  ("supplier_id") `);
    await queryRunner.query(`CREATE TYPE "public"."request_status" AS ENUM('NEW', 'IN_PROGRESS', 'WAITING_ON_CUSTOMER', 'RESOLVED', 'CLOSED', 'CANCELLED')`);
    await queryRunner.query(`CREATE TYPE "public"."relationship_type" AS ENUM('VERTICAL', 'HORIZONTAL', 'DIAGONAL', 'SAME_DEPARTMENT')`);
    await queryRunner.query(`CREATE TABLE "requests" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "seq" integer NOT NULL, "number" character varying(48) NOT NULL, "supplier_id" uuid NOT NULL, "customer_id" uuid NOT NULL, "requester_id" uuid NOT NULL, "assignee_id" uuid, "service_id" uuid, "title" character varying(200) NOT NULL, "description" text NOT NULL DEFAULT '', "priority" "public"."priority" NOT NULL, "status" "public"."request_status" NOT NULL DEFAULT 'NEW', "relationship_type" "public"."relationship_type" NOT NULL, "idempotency_key" character varying(100), "payload_hash" character varying(64), "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "first_responded_at" TIMESTAMP(3) WITH TIME ZONE, "resolved_at" TIMESTAMP(3) WITH TIME ZONE, "closed_at" TIMESTAMP(3) WITH TIME ZONE, "cancelled_at" TIMESTAMP(3) WITH TIME ZONE, "version" integer NOT NULL DEFAULT '1', CONSTRAINT "PK_0428f484e96f9e6a55955f29b5f" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_requests_number" ON "requests"  ("number") `);
    await queryRunner.query(`CREATE INDEX "ix_requests_requester_id" ON "requests"  ("requester_id") `);
    await queryRunner.query(`CREATE INDEX "ix_requests_assignee_id" ON "requests"  ("assignee_id") `);
    await queryRunner.query(`CREATE INDEX "ix_requests_service_id" ON "requests"  ("service_id") `);
    await queryRunner.query(`CREATE INDEX "ix_requests_priority" ON "requests"  ("priority") `);
    await queryRunner.query(`CREATE INDEX "ix_requests_status" ON "requests"  ("status") `);
    await queryRunner.query(`CREATE INDEX "ix_requests_relationship_type" ON "requests"  ("relationship_type") `);
    await queryRunner.query(`CREATE INDEX "ix_requests_resolved_at" ON "requests"  ("resolved_at") WHERE status = 'RESOLVED'`);
    await queryRunner.query(`CREATE INDEX "ix_requests_priority_created" ON "requests"  ("priority", "created_at", "id") `);
    await queryRunner.query(`CREATE INDEX "ix_requests_created" ON "requests"  ("created_at", "id") `);
    await queryRunner.query(`CREATE INDEX "ix_requests_customer_created" ON "requests"  ("customer_id", "created_at") `);
    await queryRunner.query(`CREATE INDEX "ix_requests_supplier_created" ON "requests"  ("supplier_id", "created_at") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_requests_requester_idempotency" ON "requests"  ("requester_id", "idempotency_key") WHERE idempotency_key IS NOT NULL`);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_requests_supplier_seq" ON "requests"  ("supplier_id", "seq") `);
    await queryRunner.query(`CREATE TABLE "request_comments" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "request_id" uuid NOT NULL, "author_id" uuid NOT NULL, "body" text NOT NULL, "internal" boolean NOT NULL DEFAULT false, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_c2828c911aaf4d21408bc1e03e8" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "ix_request_comments_request" ON "request_comments"  ("request_id", "created_at") `);
    await queryRunner.query(`CREATE TYPE "public"."history_kind" AS ENUM('CREATED', 'STATUS_CHANGED', 'ASSIGNED', 'PRIORITY_CHANGED', 'COMMENTED')`);
    await queryRunner.query(`CREATE TABLE "request_history" ("id" BIGSERIAL NOT NULL, "request_id" uuid NOT NULL, "actor_id" uuid, "at" TIMESTAMP(3) WITH TIME ZONE NOT NULL, "kind" "public"."history_kind" NOT NULL, "from_value" text, "to_value" text, "comment_id" uuid, "internal" boolean NOT NULL DEFAULT false, CONSTRAINT "PK_225faa48c0dca41172e29f4cb9c" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "ix_request_history_request" ON "request_history"  ("request_id", "id") `);
    await queryRunner.query(`CREATE TABLE "request_counters" ("supplier_id" uuid NOT NULL, "last_seq" integer NOT NULL, CONSTRAINT "PK_a215e194263f772502cec6b671a" PRIMARY KEY ("supplier_id"))`);
    await queryRunner.query(`ALTER TABLE "services" ADD CONSTRAINT "FK_98a49dcc77eb0f667f1ba95c715" FOREIGN KEY ("supplier_id") REFERENCES "departments"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "requests" ADD CONSTRAINT "FK_b28b8e65f2bad8f7e55aa0ec175" FOREIGN KEY ("supplier_id") REFERENCES "departments"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "requests" ADD CONSTRAINT "FK_210052a4b94dfd2394b07ebde1d" FOREIGN KEY ("customer_id") REFERENCES "departments"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "requests" ADD CONSTRAINT "FK_394fe48b64d0de79ad6159ed28c" FOREIGN KEY ("requester_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "requests" ADD CONSTRAINT "FK_9d42803c550dc4f905e81355923" FOREIGN KEY ("assignee_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "requests" ADD CONSTRAINT "FK_140e12c5bdfdb1d58cbb59fdd9b" FOREIGN KEY ("service_id") REFERENCES "services"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "request_comments" ADD CONSTRAINT "FK_0a00a8c2543d151fb8e028ad16f" FOREIGN KEY ("request_id") REFERENCES "requests"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "request_comments" ADD CONSTRAINT "FK_a7b5684d5ca020acde9b9b277dd" FOREIGN KEY ("author_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "request_history" ADD CONSTRAINT "FK_6ebdc8efebc3beaf49aa75ba6ac" FOREIGN KEY ("request_id") REFERENCES "requests"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "request_history" ADD CONSTRAINT "FK_148e3823f71472d4445c4f25a87" FOREIGN KEY ("actor_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    // Hand-added (the entities mark them synchronize: false):
    // service names unique per supplier regardless of case;
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_services_supplier_name" ON "services" ("supplier_id", lower("name"))`);
    // full-text search of requests, on the expression of REQUEST_SEARCH_DOCUMENT.
    await queryRunner.query(`CREATE INDEX "ix_requests_search" ON "requests" USING gin (to_tsvector('simple', number || ' ' || title || ' ' || description))`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."ix_requests_search"`);
    await queryRunner.query(`DROP INDEX "public"."uq_services_supplier_name"`);
    await queryRunner.query(`ALTER TABLE "request_history" DROP CONSTRAINT "FK_148e3823f71472d4445c4f25a87"`);
    await queryRunner.query(`ALTER TABLE "request_history" DROP CONSTRAINT "FK_6ebdc8efebc3beaf49aa75ba6ac"`);
    await queryRunner.query(`ALTER TABLE "request_comments" DROP CONSTRAINT "FK_a7b5684d5ca020acde9b9b277dd"`);
    await queryRunner.query(`ALTER TABLE "request_comments" DROP CONSTRAINT "FK_0a00a8c2543d151fb8e028ad16f"`);
    await queryRunner.query(`ALTER TABLE "requests" DROP CONSTRAINT "FK_140e12c5bdfdb1d58cbb59fdd9b"`);
    await queryRunner.query(`ALTER TABLE "requests" DROP CONSTRAINT "FK_9d42803c550dc4f905e81355923"`);
    await queryRunner.query(`ALTER TABLE "requests" DROP CONSTRAINT "FK_394fe48b64d0de79ad6159ed28c"`);
    await queryRunner.query(`ALTER TABLE "requests" DROP CONSTRAINT "FK_210052a4b94dfd2394b07ebde1d"`);
    await queryRunner.query(`ALTER TABLE "requests" DROP CONSTRAINT "FK_b28b8e65f2bad8f7e55aa0ec175"`);
    await queryRunner.query(`ALTER TABLE "services" DROP CONSTRAINT "FK_98a49dcc77eb0f667f1ba95c715"`);
    await queryRunner.query(`DROP TABLE "request_counters"`);
    await queryRunner.query(`DROP INDEX "public"."ix_request_history_request"`);
    await queryRunner.query(`DROP TABLE "request_history"`);
    await queryRunner.query(`DROP TYPE "public"."history_kind"`);
    await queryRunner.query(`DROP INDEX "public"."ix_request_comments_request"`);
    await queryRunner.query(`DROP TABLE "request_comments"`);
    await queryRunner.query(`DROP INDEX "public"."uq_requests_supplier_seq"`);
    await queryRunner.query(`DROP INDEX "public"."uq_requests_requester_idempotency"`);
    await queryRunner.query(`DROP INDEX "public"."ix_requests_supplier_created"`);
    await queryRunner.query(`DROP INDEX "public"."ix_requests_customer_created"`);
    await queryRunner.query(`DROP INDEX "public"."ix_requests_created"`);
    await queryRunner.query(`DROP INDEX "public"."ix_requests_priority_created"`);
    await queryRunner.query(`DROP INDEX "public"."ix_requests_resolved_at"`);
    await queryRunner.query(`DROP INDEX "public"."ix_requests_relationship_type"`);
    await queryRunner.query(`DROP INDEX "public"."ix_requests_status"`);
    await queryRunner.query(`DROP INDEX "public"."ix_requests_priority"`);
    await queryRunner.query(`DROP INDEX "public"."ix_requests_service_id"`);
    await queryRunner.query(`DROP INDEX "public"."ix_requests_assignee_id"`);
    await queryRunner.query(`DROP INDEX "public"."ix_requests_requester_id"`);
    await queryRunner.query(`DROP INDEX "public"."uq_requests_number"`);
    await queryRunner.query(`DROP TABLE "requests"`);
    await queryRunner.query(`DROP TYPE "public"."relationship_type"`);
    await queryRunner.query(`DROP TYPE "public"."request_status"`);
    await queryRunner.query(`DROP INDEX "public"."ix_services_supplier_id"`);
    await queryRunner.query(`DROP TABLE "services"`);
    await queryRunner.query(`DROP TYPE "public"."priority"`);
  }
}
