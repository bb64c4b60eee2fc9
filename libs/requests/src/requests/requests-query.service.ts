import { Injectable } from '@nestjs/common';
import { AuthUser, decodeCursor, encodeCursor, RowsPage } from '@intradesk/core';
import { DataSource, In, SelectQueryBuilder } from 'typeorm';
import { canSeeRequest, requestListScope } from '../access/requests.policy';
import { CommentEntity } from '../comments/comment.entity';
import { HistoryEntryEntity } from '../history/history-entry.entity';
import { RequestsException } from '../requests.exception';
import { ORDER_COLUMNS, RequestFilterCriteria, RequestOrdering } from './request-filter';
import { REQUEST_SEARCH_DOCUMENT, RequestEntity } from './request.entity';

export type RequestPage = RowsPage<RequestEntity>;

const NUMBER_PATTERN = /^([A-Za-z0-9][A-Za-z0-9_-]{0,31})-(\d{1,9})$/;

@Injectable()
export class RequestsQueryService {
  constructor(private readonly dataSource: DataSource) {}

  async getVisible(user: AuthUser, id: string): Promise<RequestEntity> {
    const request = await this.dataSource.getRepository(RequestEntity).findOneBy({ id });
    if (!request || !canSeeRequest(user, request))
      throw RequestsException.notFound(`No request with id ${id}`);
    return request;
  }

  async getVisibleByNumber(user: AuthUser, number: string): Promise<RequestEntity> {
    if (!NUMBER_PATTERN.test(number.trim())) {
      throw RequestsException.badInput('number looks like IT-42 (supplier code, dash, sequence)', [
        'number',
      ]);
    }
    const request = await this.dataSource
      .getRepository(RequestEntity)
      .findOneBy({ number: number.trim().toUpperCase() });
    if (!request || !canSeeRequest(user, request))
      throw RequestsException.notFound(`No request ${number}`);
    return request;
  }

  // One page of what the caller may see, matching the filter, after the cursor, plus one row
  // to tell whether another page follows.
  async page(
    user: AuthUser,
    filter: RequestFilterCriteria,
    ordering: RequestOrdering,
    size: number,
    after: string | null | undefined,
  ): Promise<RequestPage> {
    const columns = ORDER_COLUMNS[ordering.field];
    const direction = ordering.direction;
    const query = this.filtered(user, filter);
    if (after) {
      const values = decodeCursor(after, columns.length);
      const tuple = columns.map((c) => c.column).join(', ');
      const params = Object.fromEntries(values.map((v, i) => [`c${i}`, v]));
      const placeholders = values.map((_, i) => `:c${i}`).join(', ');
      query.andWhere(`(${tuple}) ${direction === 'ASC' ? '>' : '<'} (${placeholders})`, params);
    }
    for (const c of columns) query.addOrderBy(c.column, direction);
    const rows = await query.limit(size + 1).getMany();
    return {
      rows,
      cursorOf: (row) =>
        encodeCursor(
          columns.map((c) => {
            const value = (row as unknown as Record<string, unknown>)[c.key];
            return value instanceof Date ? value.toISOString() : (value as string | number);
          }),
        ),
      count: () => this.filtered(user, filter).getCount(),
    };
  }

  findByIds(ids: readonly string[]): Promise<RequestEntity[]> {
    return this.dataSource.getRepository(RequestEntity).findBy({ id: In([...ids]) });
  }

  commentsOf(requestIds: readonly string[]): Promise<CommentEntity[]> {
    return this.dataSource
      .getRepository(CommentEntity)
      .find({ where: { requestId: In([...requestIds]) }, order: { createdAt: 'ASC', id: 'ASC' } });
  }

  // In time order: an import writes a request's history in bulk, not in the order it happened.
  historyOf(requestIds: readonly string[]): Promise<HistoryEntryEntity[]> {
    return this.dataSource
      .getRepository(HistoryEntryEntity)
      .find({ where: { requestId: In([...requestIds]) }, order: { at: 'ASC', id: 'ASC' } });
  }

  private filtered(
    user: AuthUser,
    filter: RequestFilterCriteria,
  ): SelectQueryBuilder<RequestEntity> {
    const query = this.dataSource.getRepository(RequestEntity).createQueryBuilder('r');
    // Visibility first: nobody lists what is not theirs.
    const scope = requestListScope(user);
    if (scope === 'NONE') return query.where('false');
    if (scope !== 'ALL') {
      query.where('(r.supplier_id = :dept OR r.customer_id = :dept)', { dept: scope.departmentId });
    }
    const list = (column: string, name: string, values?: readonly string[] | null) => {
      if (values?.length) query.andWhere(`${column} IN (:...${name})`, { [name]: values });
    };
    list('r.supplier_id', 'supplierIds', filter.supplierIds);
    list('r.customer_id', 'customerIds', filter.customerIds);
    list('r.status', 'statuses', filter.statuses);
    list('r.priority', 'priorities', filter.priorities);
    list('r.service_id', 'serviceIds', filter.serviceIds);
    list('r.requester_id', 'requesterIds', filter.requesterIds);
    list('r.relationship_type', 'relationshipTypes', filter.relationshipTypes);
    if (filter.assigneeIds?.length && filter.unassigned) {
      query.andWhere('(r.assignee_id IN (:...assigneeIds) OR r.assignee_id IS NULL)', {
        assigneeIds: filter.assigneeIds,
      });
    } else if (filter.assigneeIds?.length) {
      list('r.assignee_id', 'assigneeIds', filter.assigneeIds);
    } else if (filter.unassigned) {
      query.andWhere('r.assignee_id IS NULL');
    }
    if (filter.createdFrom)
      query.andWhere('r.created_at >= :createdFrom', { createdFrom: filter.createdFrom });
    if (filter.createdTo)
      query.andWhere('r.created_at < :createdTo', { createdTo: filter.createdTo });
    if (filter.text?.trim()) {
      query.andWhere(`${REQUEST_SEARCH_DOCUMENT} @@ websearch_to_tsquery('simple', :text)`, {
        text: filter.text.trim(),
      });
    }
    return query;
  }
}
