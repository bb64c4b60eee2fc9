import { Readable } from 'node:stream';
import { DataSource, EntityManager } from 'typeorm';
import { AttachmentBlobEntity } from './attachment-blob.entity';
import { AttachmentStore } from './attachment-store';

// The default store: bytea rows in attachment_blobs (see the entity for why not chunks).
export class PostgresAttachmentStore implements AttachmentStore {
  readonly kind = 'postgres' as const;

  constructor(private readonly dataSource: DataSource) {}

  async put(manager: EntityManager, key: string, bytes: Buffer): Promise<void> {
    await manager.getRepository(AttachmentBlobEntity).insert({ key, data: bytes });
  }

  async get(key: string): Promise<Readable | null> {
    const rows: { data: Buffer }[] = await this.dataSource.query(
      'SELECT data FROM attachment_blobs WHERE key = $1',
      [key],
    );
    return rows.length === 0 ? null : Readable.from([rows[0].data]);
  }

  async delete(manager: EntityManager, key: string): Promise<void> {
    await manager.getRepository(AttachmentBlobEntity).delete({ key });
  }
}
