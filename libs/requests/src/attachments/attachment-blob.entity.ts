import { Column, Entity, PrimaryColumn } from 'typeorm';

// The PostgreSQL store's bytes: one bytea row per file. Files are capped by ATTACHMENT_MAX_BYTES
// (10 MiB by default), well inside bytea's 1 GB; PostgreSQL keeps a value this size out of line
// in TOAST (in ~2 kB chunks of its own), so the attachments table stays small to scan and one
// SELECT reads a file back. Chunking by hand would buy streaming reads of files far larger than
// the limit, which the PostgreSQL store is not for (point ATTACHMENTS_S3_URL at a bucket).
@Entity({ name: 'attachment_blobs' })
export class AttachmentBlobEntity {
  @PrimaryColumn({ type: 'varchar', length: 512 })
  key: string;

  @Column({ type: 'bytea' })
  data: Buffer;
}
