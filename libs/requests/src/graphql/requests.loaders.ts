import { Injectable } from '@nestjs/common';
import { LoaderFactory } from '@intradesk/core';
import DataLoader from 'dataloader';
import { RequestEntity } from '../requests/request.entity';
import { RequestsQueryService } from '../requests/requests-query.service';
import { CommentModel } from './comment.model';
import { HistoryEntryModel } from './history-entry.model';

export interface RequestsLoaders {
  commentsByRequestId: DataLoader<string, CommentModel[]>;
  historyByRequestId: DataLoader<string, HistoryEntryModel[]>;
  requestById: DataLoader<string, RequestEntity | null>;
}

function grouped<T extends { requestId: string }>(keys: readonly string[], rows: T[]): T[][] {
  const map = new Map<string, T[]>(keys.map((k) => [k, []]));
  for (const row of rows) map.get(row.requestId)?.push(row);
  return keys.map((k) => map.get(k)!);
}

@Injectable()
export class RequestsLoaderFactory implements LoaderFactory<RequestsLoaders> {
  constructor(private readonly query: RequestsQueryService) {}

  create(): RequestsLoaders {
    return {
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
