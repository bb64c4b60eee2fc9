import { Injectable } from '@nestjs/common';
import { LoaderFactory } from '@intradesk/core';
import DataLoader from 'dataloader';
import { AttachmentsService } from '../attachments/attachments.service';
import { RequestEntity } from '../requests/request.entity';
import { AttachmentModel } from './attachment.model';
import { RequestsQueryService } from '../requests/requests-query.service';
import { CommentModel } from './comment.model';
import { HistoryEntryModel } from './history-entry.model';

export interface RequestsLoaders {
  commentsByRequestId: DataLoader<string, CommentModel[]>;
  historyByRequestId: DataLoader<string, HistoryEntryModel[]>;
  requestById: DataLoader<string, RequestEntity | null>;
  attachmentsByCommentId: DataLoader<string, AttachmentModel[]>;
  attachmentsByRequestId: DataLoader<string, AttachmentModel[]>;
  // The signed-in user's files waiting for their next comment.
  pendingAttachmentsByRequestId: (uploaderId: string) => DataLoader<string, AttachmentModel[]>;
}

function groupedBy<T>(keys: readonly string[], rows: T[], keyOf: (row: T) => string | null): T[][] {
  const map = new Map<string, T[]>(keys.map((k) => [k, []]));
  for (const row of rows) {
    const key = keyOf(row);
    if (key !== null) map.get(key)?.push(row);
  }
  return keys.map((k) => map.get(k)!);
}

// Rows of no request (an upload for a request not yet filed) belong to no key.
function grouped<T extends { requestId: string | null }>(
  keys: readonly string[],
  rows: T[],
): T[][] {
  const map = new Map<string, T[]>(keys.map((k) => [k, []]));
  for (const row of rows) if (row.requestId !== null) map.get(row.requestId)?.push(row);
  return keys.map((k) => map.get(k)!);
}

@Injectable()
export class RequestsLoaderFactory implements LoaderFactory<RequestsLoaders> {
  constructor(
    private readonly query: RequestsQueryService,
    private readonly attachments: AttachmentsService,
  ) {}

  create(): RequestsLoaders {
    const pending = new Map<string, DataLoader<string, AttachmentModel[]>>();
    return {
      attachmentsByCommentId: new DataLoader(async (ids) =>
        groupedBy(ids, await this.attachments.ofComments(ids), (a) => a.commentId).map((rows) =>
          rows.map(AttachmentModel.from),
        ),
      ),
      attachmentsByRequestId: new DataLoader(async (ids) =>
        grouped(ids, await this.attachments.ofRequests(ids)).map((rows) =>
          rows.map(AttachmentModel.from),
        ),
      ),
      pendingAttachmentsByRequestId: (uploaderId) => {
        let loader = pending.get(uploaderId);
        if (!loader) {
          loader = new DataLoader(async (ids) =>
            grouped(ids, await this.attachments.pendingOf(uploaderId, ids)).map((rows) =>
              rows.map(AttachmentModel.from),
            ),
          );
          pending.set(uploaderId, loader);
        }
        return loader;
      },
      commentsByRequestId: new DataLoader(async (ids) =>
        grouped(ids, await this.query.commentsOf(ids)).map((rows) => rows.map(CommentModel.from)),
      ),
      historyByRequestId: new DataLoader(async (ids) =>
        grouped(ids, await this.query.historyOf(ids)).map((rows) =>
          rows.map(HistoryEntryModel.from),
        ),
      ),
      requestById: new DataLoader(async (ids) => {
        const found = new Map((await this.query.findByIds(ids)).map((r) => [r.id, r]));
        return ids.map((id) => found.get(id) ?? null);
      }),
    };
  }
}
