import type { Readable } from 'node:stream';
import type { EntityManager } from 'typeorm';

export const ATTACHMENT_STORE = Symbol('AttachmentStore');

// Where attachment bytes live, by an opaque key the service makes (a random UUID). The
// PostgreSQL store writes inside the caller's transaction, so a refused or failed comment stores
// nothing; a remote store (S3) writes at once, and the service deletes the object again when its
// own transaction fails (an object left by an outer transaction that rolls back later is
// unreferenced and harmless).
export interface AttachmentStore {
  readonly kind: 'postgres' | 's3';
  put(manager: EntityManager, key: string, bytes: Buffer, contentType: string): Promise<void>;
  // The bytes as a stream, or null when the key holds nothing.
  get(key: string): Promise<Readable | null>;
  delete(manager: EntityManager, key: string): Promise<void>;
}
