import { decodeCursor, DomainException, encodeCursor } from '@intradesk/core';
import { ObjectLiteral, SelectQueryBuilder } from 'typeorm';

export interface NewestFirstPage<T> {
  rows: T[];
  cursorOf: (row: T) => string;
}

// A page of a list kept newest first by (created_at, id), a bigint id breaking ties: up to
// size + 1 rows after the cursor (the extra one says there is a next page).
export async function newestFirstPage<T extends ObjectLiteral & { id: string; createdAt: Date }>(
  query: SelectQueryBuilder<T>,
  size: number,
  after?: string | null,
): Promise<NewestFirstPage<T>> {
  const alias = query.alias;
  if (after) {
    const [at, id] = decodeCursor(after, 2);
    if (typeof at !== 'string' || Number.isNaN(Date.parse(at)) || !/^\d{1,18}$/.test(String(id))) {
      throw DomainException.badInput('after is not a cursor of this list', ['after']);
    }
    query.andWhere(
      `(${alias}.created_at, ${alias}.id) < (CAST(:afterAt AS timestamptz), CAST(:afterId AS bigint))`,
      { afterAt: at, afterId: String(id) },
    );
  }
  const rows = await query
    .orderBy(`${alias}.created_at`, 'DESC')
    .addOrderBy(`${alias}.id`, 'DESC')
    .limit(size + 1)
    .getMany();
  return {
    rows,
    cursorOf: (row) => encodeCursor([row.createdAt.toISOString(), String(row.id)]),
  };
}
