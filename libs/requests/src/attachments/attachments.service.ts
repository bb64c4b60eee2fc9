import { createHash, randomUUID } from 'node:crypto';
import type { Readable } from 'node:stream';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { AppConfig, AuthUser, ErrorReason, TimeSource } from '@intradesk/core';
import { DataSource, EntityManager, In, IsNull } from 'typeorm';
import { canSeeRequest, seesInternalNotes } from '../access/requests.policy';
import { CommentEntity } from '../comments/comment.entity';
import { RequestsException } from '../requests.exception';
import { RequestEntity } from '../requests/request.entity';
import { RequestWriter } from '../requests/request-writer.service';
import { detectContentType, sanitizeFileName } from './attachment-content';
import { AttachmentEntity } from './attachment.entity';
import { ATTACHMENT_STORE, AttachmentStore } from './attachment-store';

// The room checks of assertRoom: a lock, then the sum it guards ($1 a request or an uploader id).
const REQUEST_LOCK = 'SELECT id FROM requests WHERE id = $1 FOR UPDATE';
const REQUEST_SUM =
  'SELECT coalesce(sum(size_bytes), 0) AS total FROM attachments WHERE request_id = $1';
const UNBOUND_LOCK = `SELECT pg_advisory_xact_lock(hashtext('attachments-unbound'), hashtext($1))`;
const UNBOUND_SUM = `SELECT coalesce(sum(size_bytes), 0) AS total FROM attachments
  WHERE request_id IS NULL AND uploader_id = $1 AND pending`;

export interface StoreForCommentInput {
  requestId: string;
  commentId: string;
  uploaderId: string;
  fileName: string | null | undefined;
  bytes: Buffer;
}

// Where an upload goes: held for the comment the uploader is writing (linked by addComment's
// attachmentIds), on an existing comment of theirs, or on the request itself.
export type UploadTarget = { pending: true } | { commentId: string } | { request: true };

// Pending uploads deleted by one statement of the cleanup job.
const CLEANUP_BATCH = 100;

interface StoreRow {
  // Null: held for a request not yet filed (uploadUnbound).
  requestId: string | null;
  commentId: string | null;
  pending: boolean;
  uploaderId: string;
  fileName: string | null | undefined;
  bytes: Buffer;
}

// Attachments of requests and comments: limits, detected content type, the store, and who may
// see one (exactly who sees its comment, or its request for a request's own file).
@Injectable()
export class AttachmentsService {
  private readonly logger = new Logger('Attachments');

  constructor(
    private readonly dataSource: DataSource,
    private readonly time: TimeSource,
    private readonly config: AppConfig,
    private readonly writer: RequestWriter,
    @Inject(ATTACHMENT_STORE) private readonly store: AttachmentStore,
  ) {}

  get maxBytes(): number {
    return this.config.ATTACHMENT_MAX_BYTES;
  }

  // A file on a comment, inside the caller's transaction: for code that has just written the
  // comment (inbound mail). Throws BAD_USER_INPUT with reason ATTACHMENT_TOO_LARGE or
  // REQUEST_ATTACHMENTS_FULL past the limits, so the caller may drop the file or the message.
  async storeForComment(
    manager: EntityManager,
    input: StoreForCommentInput,
  ): Promise<AttachmentEntity> {
    const comment = await manager
      .getRepository(CommentEntity)
      .findOne({ where: { id: input.commentId, requestId: input.requestId } });
    if (!comment) throw RequestsException.notFound(`No comment ${input.commentId} on that request`);
    return this.storeRow(manager, { ...input, pending: false });
  }

  // A request's own file (on no comment), inside the caller's transaction: for code that has
  // just filed the request (inbound mail). The same limits and refusals as storeForComment.
  async storeForRequest(
    manager: EntityManager,
    input: Omit<StoreForCommentInput, 'commentId'>,
  ): Promise<AttachmentEntity> {
    return this.storeRow(manager, { ...input, commentId: null, pending: false });
  }

  // An upload from the web app or the HTTP API, by a caller who sees the request.
  async upload(
    actor: AuthUser,
    requestId: string,
    target: UploadTarget,
    fileName: string | null | undefined,
    bytes: Buffer,
  ): Promise<AttachmentEntity> {
    return this.inOwnTransaction(async (manager, stored) => {
      await this.writer.loadForChange(manager, actor, requestId, undefined, true);
      let commentId: string | null = null;
      if ('commentId' in target) {
        // Only onto one's own comment; anyone else's (an internal note too) is not found.
        const comment = await manager
          .getRepository(CommentEntity)
          .findOne({ where: { id: target.commentId, requestId } });
        if (!comment || comment.authorId !== actor.id)
          throw RequestsException.notFound(`No comment of yours with id ${target.commentId}`);
        commentId = comment.id;
      }
      return this.storeRow(
        manager,
        {
          requestId,
          commentId,
          pending: 'pending' in target,
          uploaderId: actor.id,
          fileName,
          bytes,
        },
        stored,
      );
    });
  }

  // An upload for a request not yet filed (the New request form, POST /attachments): pending and
  // bound to no request, seen by its uploader only, until createRequest's attachmentIds links it.
  // ATTACHMENT_MAX_BYTES holds here, and ATTACHMENTS_MAX_BYTES_PER_REQUEST over all the caller's
  // unbound uploads (checked again when the request is filed, in case the limit changed).
  async uploadUnbound(
    actor: AuthUser,
    fileName: string | null | undefined,
    bytes: Buffer,
  ): Promise<AttachmentEntity> {
    return this.inOwnTransaction((manager, stored) =>
      this.storeRow(
        manager,
        { requestId: null, commentId: null, pending: true, uploaderId: actor.id, fileName, bytes },
        stored,
      ),
    );
  }

  // An upload's own transaction: if it fails after the bytes went to an outside store (S3),
  // they are deleted again (in PostgreSQL they roll back with the row).
  private async inOwnTransaction<T>(
    work: (manager: EntityManager, stored: { key?: string }) => Promise<T>,
  ): Promise<T> {
    const stored: { key?: string } = {};
    try {
      return await this.dataSource.transaction((manager) => work(manager, stored));
    } catch (error) {
      if (stored.key && this.store.kind !== 'postgres') await this.forget(stored.key);
      throw error;
    }
  }

  // createRequest's attachmentIds, in its transaction, right after the request's row: the
  // caller's unbound pending uploads become the request's own files. Any other id, or files
  // past ATTACHMENTS_MAX_BYTES_PER_REQUEST, refuse the whole request.
  async linkToNewRequest(
    manager: EntityManager,
    actor: AuthUser,
    requestId: string,
    ids: readonly string[],
    field = 'input.attachmentIds',
  ): Promise<void> {
    const unique = [...new Set(ids)];
    if (unique.length === 0) return;
    const rows: { size_bytes: number }[][] = await manager.query(
      `UPDATE attachments SET request_id = $1, pending = false
        WHERE id = ANY($2::uuid[]) AND request_id IS NULL AND uploader_id = $3 AND pending
        RETURNING size_bytes`,
      [requestId, unique, actor.id],
    );
    const linked = rows[0] ?? [];
    if (linked.length !== unique.length)
      throw RequestsException.badInput(
        'attachmentIds must be files you uploaded for a new request (POST /attachments) and not yet sent',
        [field],
      );
    const total = linked.reduce((sum, row) => sum + Number(row.size_bytes), 0);
    const perRequest = this.config.ATTACHMENTS_MAX_BYTES_PER_REQUEST;
    if (total > perRequest)
      throw RequestsException.badInput(
        `The request's attachments would exceed ${perRequest} bytes (${total} sent)`,
        [field],
      ).because(ErrorReason.REQUEST_ATTACHMENTS_FULL, { maxBytes: perRequest, usedBytes: 0 });
  }

  // The cleanup job: uploads never sent (pending, for a comment never written or a request never
  // filed) created before `before`, deleted with their bytes: in PostgreSQL in the same
  // transaction, in S3 after it commits (as removePending). Batches of CLEANUP_BATCH rows,
  // skipping rows another transaction holds (a comment or request taking them right now).
  async deleteStalePending(before: Date): Promise<number> {
    let deleted = 0;
    for (;;) {
      const keys = await this.dataSource.transaction(async (manager) => {
        const rows: { storage_key: string }[][] = await manager.query(
          `DELETE FROM attachments WHERE id IN (
             SELECT id FROM attachments WHERE pending AND created_at < $1
              ORDER BY created_at LIMIT $2 FOR UPDATE SKIP LOCKED)
           RETURNING storage_key`,
          [before, CLEANUP_BATCH],
        );
        const found = (rows[0] ?? []).map((row) => row.storage_key);
        if (this.store.kind === 'postgres')
          for (const key of found) await this.store.delete(manager, key);
        return found;
      });
      if (this.store.kind !== 'postgres') for (const key of keys) await this.forget(key);
      deleted += keys.length;
      if (keys.length < CLEANUP_BATCH) return deleted;
    }
  }

  // addComment's attachmentIds: the caller's pending files on this request join the comment,
  // in its transaction; any other id refuses the whole comment.
  async linkPending(
    manager: EntityManager,
    actor: AuthUser,
    requestId: string,
    commentId: string,
    ids: readonly string[],
  ): Promise<void> {
    const unique = [...new Set(ids)];
    if (unique.length === 0) return;
    const result = await manager
      .createQueryBuilder()
      .update(AttachmentEntity)
      .set({ commentId, pending: false })
      .where(
        'id IN (:...ids) AND request_id = :requestId AND uploader_id = :uploaderId AND pending',
        {
          ids: unique,
          requestId,
          uploaderId: actor.id,
        },
      )
      .execute();
    if (result.affected !== unique.length)
      throw RequestsException.badInput(
        'attachmentIds must be files you uploaded to this request and not yet sent',
        ['attachmentIds'],
      );
  }

  // The attachment and its bytes when the caller may see it; null (404) otherwise.
  async open(
    actor: AuthUser,
    id: string,
  ): Promise<{ attachment: AttachmentEntity; body: Readable } | null> {
    const attachment = await this.findVisible(actor, id);
    if (!attachment) return null;
    const body = await this.store.get(attachment.storageKey);
    if (!body) {
      this.logger.error(
        `attachment ${id}: its bytes are missing from the ${this.store.kind} store`,
      );
      return null;
    }
    return { attachment, body };
  }

  // Drops one of the caller's pending files (the composer's remove button). False: not found.
  async removePending(actor: AuthUser, id: string): Promise<boolean> {
    const removed = await this.dataSource.transaction(async (manager) => {
      const rows: { storage_key: string }[][] = await manager.query(
        `DELETE FROM attachments WHERE id = $1 AND uploader_id = $2 AND pending RETURNING storage_key`,
        [id, actor.id],
      );
      const key = rows[0]?.[0]?.storage_key;
      if (key && this.store.kind === 'postgres') await this.store.delete(manager, key);
      return key ?? null;
    });
    if (removed && this.store.kind !== 'postgres') await this.forget(removed);
    return removed !== null;
  }

  async findVisible(actor: AuthUser, id: string): Promise<AttachmentEntity | null> {
    const attachment = await this.dataSource
      .getRepository(AttachmentEntity)
      .findOne({ where: { id } });
    if (!attachment) return null;
    if (attachment.pending) return attachment.uploaderId === actor.id ? attachment : null;
    if (attachment.requestId === null) return null;
    const request = await this.dataSource.getRepository(RequestEntity).findOne({
      where: { id: attachment.requestId },
      select: { id: true, supplierId: true, customerId: true },
    });
    if (!request || !canSeeRequest(actor, request)) return null;
    if (attachment.commentId) {
      const comment = await this.dataSource
        .getRepository(CommentEntity)
        .findOne({ where: { id: attachment.commentId }, select: { id: true, internal: true } });
      if (!comment || (comment.internal && !seesInternalNotes(actor, request))) return null;
    }
    return attachment;
  }

  // For the GraphQL loaders: the comments' files, oldest first (one statement).
  ofComments(commentIds: readonly string[]): Promise<AttachmentEntity[]> {
    return this.dataSource.getRepository(AttachmentEntity).find({
      where: { commentId: In([...commentIds]) },
      order: { createdAt: 'ASC', id: 'ASC' },
    });
  }

  // The requests' own files (on no comment), oldest first.
  ofRequests(requestIds: readonly string[]): Promise<AttachmentEntity[]> {
    return this.dataSource.getRepository(AttachmentEntity).find({
      where: { requestId: In([...requestIds]), commentId: IsNull(), pending: false },
      order: { createdAt: 'ASC', id: 'ASC' },
    });
  }

  // One user's files waiting for their next comment on these requests.
  pendingOf(uploaderId: string, requestIds: readonly string[]): Promise<AttachmentEntity[]> {
    return this.dataSource.getRepository(AttachmentEntity).find({
      where: { requestId: In([...requestIds]), uploaderId, pending: true },
      order: { createdAt: 'ASC', id: 'ASC' },
    });
  }

  // ATTACHMENTS_MAX_BYTES_PER_REQUEST: over the request's files, or with no request yet
  // (uploadUnbound) over the uploader's files waiting for a new request, so that those cannot
  // pile up past what one request could take. A lock (the request's row, or one per uploader)
  // orders concurrent uploads, so two cannot both fit the last room.
  private async assertRoom(manager: EntityManager, row: StoreRow): Promise<void> {
    const [lock, sum, key] =
      row.requestId === null
        ? [UNBOUND_LOCK, UNBOUND_SUM, row.uploaderId]
        : [REQUEST_LOCK, REQUEST_SUM, row.requestId];
    await manager.query(lock, [key]);
    const [{ total }]: { total: string }[] = await manager.query(sum, [key]);
    const perRequest = this.config.ATTACHMENTS_MAX_BYTES_PER_REQUEST;
    if (Number(total) + row.bytes.length <= perRequest) return;
    const what =
      row.requestId === null ? 'Your files waiting for a new request' : "The request's attachments";
    throw RequestsException.badInput(`${what} would exceed ${perRequest} bytes (${total} used)`, [
      'file',
    ]).because(ErrorReason.REQUEST_ATTACHMENTS_FULL, {
      maxBytes: perRequest,
      usedBytes: Number(total),
    });
  }

  private async storeRow(
    manager: EntityManager,
    row: StoreRow,
    stored: { key?: string } = {},
  ): Promise<AttachmentEntity> {
    const { bytes } = row;
    const max = this.config.ATTACHMENT_MAX_BYTES;
    if (bytes.length > max)
      throw RequestsException.badInput(`The file is larger than ${max} bytes`, ['file']).because(
        ErrorReason.ATTACHMENT_TOO_LARGE,
        { maxBytes: max },
      );
    await this.assertRoom(manager, row);
    const contentType = await detectContentType(bytes);
    const key = randomUUID();
    await this.store.put(manager, key, bytes, contentType);
    stored.key = key;
    const attachment = manager.getRepository(AttachmentEntity).create({
      requestId: row.requestId,
      commentId: row.commentId,
      pending: row.pending,
      uploaderId: row.uploaderId,
      fileName: sanitizeFileName(row.fileName),
      contentType,
      sizeBytes: bytes.length,
      sha256: createHash('sha256').update(bytes).digest('hex'),
      storageKey: key,
      createdAt: this.time.now(),
    });
    await manager.getRepository(AttachmentEntity).insert(attachment);
    return attachment;
  }

  private async forget(key: string): Promise<void> {
    try {
      await this.store.delete(this.dataSource.manager, key);
    } catch (error) {
      this.logger.warn(`could not delete stored attachment ${key}: ${(error as Error).message}`);
    }
  }
}
