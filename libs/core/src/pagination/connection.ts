import { Type } from '@nestjs/common';
import { Field, Int, ObjectType } from '@nestjs/graphql';
import { DomainException } from '../errors/domain.exception';

export const MAX_PAGE_SIZE = 100;
export const DEFAULT_PAGE_SIZE = 20;
export const PAGE_SIZE_MESSAGE = `first must be between 1 and ${MAX_PAGE_SIZE}`;

// Opaque cursors: the sort key values of a row, base64url-encoded JSON.
export function encodeCursor(values: readonly (string | number)[]): string {
  return Buffer.from(JSON.stringify(values)).toString('base64url');
}

export function decodeCursor(cursor: string, length: number): (string | number)[] {
  try {
    const values: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (
      Array.isArray(values) &&
      values.length === length &&
      values.every((v) => typeof v === 'string' || typeof v === 'number')
    ) {
      return values as (string | number)[];
    }
  } catch {
    // reported below
  }
  throw DomainException.badInput('after is not a cursor of this list (or of this ordering)', [
    'after',
  ]);
}

export function pageSize(first: number | null | undefined): number {
  const size = first ?? DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(size) || size < 1 || size > MAX_PAGE_SIZE) {
    throw DomainException.badInput(PAGE_SIZE_MESSAGE, ['first']);
  }
  return size;
}

@ObjectType()
export class PageInfo {
  @Field()
  hasNextPage: boolean;

  @Field()
  hasPreviousPage: boolean;

  @Field(() => String, { nullable: true })
  startCursor: string | null;

  @Field(() => String, { nullable: true })
  endCursor: string | null;
}

export interface Edge<T> {
  cursor: string;
  node: T;
}

export interface ConnectionShape<T> {
  edges: Edge<T>[];
  pageInfo: PageInfo;
  // A lazy getter: the COUNT runs only when the field is asked for.
  readonly totalCount: Promise<number>;
}

// A Relay connection type for a node type: `XConnection { edges { cursor node } pageInfo totalCount }`.
export function Connection<T>(nodeType: Type<T>, name: string): Type<ConnectionShape<T>> {
  @ObjectType(`${name}Edge`)
  class EdgeType {
    @Field()
    cursor: string;

    @Field(() => nodeType)
    node: T;
  }

  @ObjectType(`${name}Connection`)
  class ConnectionType {
    @Field(() => [EdgeType])
    edges: Edge<T>[];

    @Field(() => PageInfo)
    pageInfo: PageInfo;

    @Field(() => Int, { description: 'All matching items, across pages' })
    totalCount: Promise<number>;
  }
  return ConnectionType as Type<ConnectionShape<T>>;
}

// A page as services return it: up to size + 1 rows (the extra one says there is a next page),
// their cursors, and a count run only when asked for.
export interface RowsPage<R> {
  rows: R[];
  cursorOf: (row: R) => string;
  count: () => Promise<number>;
}

// A resolver's whole connection: checks `first`, fetches one page after `after`, maps the nodes.
export async function connectionOf<R, T>(
  args: { first?: number | null; after?: string | null },
  fetch: (size: number, after: string | null | undefined) => Promise<RowsPage<R>>,
  nodeOf: (row: R) => T,
): Promise<ConnectionShape<T>> {
  const size = pageSize(args.first);
  const page = await fetch(size, args.after);
  return toConnection(page.rows, size, {
    after: !!args.after,
    cursorOf: page.cursorOf,
    nodeOf,
    count: page.count,
  });
}

// Builds a page from up to `size + 1` fetched rows (the extra row says there is a next page).
export function toConnection<R, T>(
  rows: R[],
  size: number,
  options: {
    after: boolean;
    cursorOf: (row: R) => string;
    nodeOf: (row: R) => T;
    count: () => Promise<number>;
  },
): ConnectionShape<T> {
  const page = rows.slice(0, size);
  const edges = page.map((row) => ({ cursor: options.cursorOf(row), node: options.nodeOf(row) }));
  let counted: Promise<number> | undefined;
  return {
    edges,
    pageInfo: {
      hasNextPage: rows.length > size,
      hasPreviousPage: options.after,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges[edges.length - 1]?.cursor ?? null,
    },
    get totalCount() {
      return (counted ??= options.count());
    },
  };
}
