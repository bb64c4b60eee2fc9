import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { RowsPage } from './connection';
import { decodeKeysetCursor, encodeKeysetCursor } from './page.args';

// How a list is kept: by one time column, its row's id breaking ties.
export interface KeysetOrder<T> {
  // The column, without the query's alias: `created_at`.
  timeColumn: string;
  timeOf: (row: T) => Date;
  direction: 'ASC' | 'DESC';
  // uuid ids, or bigint ids (read by TypeORM as strings).
  idKind: 'uuid' | 'bigint';
}

export type KeysetPage<T> = RowsPage<T>;

export function newestFirst<T extends { createdAt: Date }>(
  idKind: KeysetOrder<T>['idKind'],
): KeysetOrder<T> {
  return { timeColumn: 'created_at', timeOf: (row) => row.createdAt, direction: 'DESC', idKind };
}

// One page of a list given as a query factory (called twice: the page and, when asked, its count),
// after the cursor of the page before. A forged cursor is BAD_USER_INPUT, never bad SQL.
export async function keysetPage<T extends ObjectLiteral & { id: string }>(
  list: () => SelectQueryBuilder<T>,
  size: number,
  after: string | null | undefined,
  order: KeysetOrder<T>,
): Promise<KeysetPage<T>> {
  const query = list();
  const time = `${query.alias}.${order.timeColumn}`;
  const id = `${query.alias}.id`;
  if (after) {
    const [at, afterId] = decodeKeysetCursor(after, ['time', order.idKind]);
    const past = order.direction === 'DESC' ? '<' : '>';
    query.andWhere(
      `(${time}, ${id}) ${past} (CAST(:keysetAt AS timestamptz), CAST(:keysetId AS ${order.idKind}))`,
      { keysetAt: at, keysetId: afterId },
    );
  }
  const rows = await query
    .orderBy(time, order.direction)
    .addOrderBy(id, order.direction)
    .limit(size + 1)
    .getMany();
  return {
    rows,
    cursorOf: (row) => encodeKeysetCursor([order.timeOf(row), String(row.id)]),
    count: () => list().getCount(),
  };
}
