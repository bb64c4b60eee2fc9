import { ArgsType, Field } from '@nestjs/graphql';
import { IsOptional, IsString } from 'class-validator';
import { DomainException } from '../errors/domain.exception';
import { DEFAULT_PAGE_SIZE, decodeCursor, encodeCursor } from './connection';
import { PageSizeField } from './page-size.field';

// `first` and `after` of a Relay connection's @ArgsType: extend it and add the list's filters.
@ArgsType()
export class PageArgs {
  @PageSizeField({ defaultValue: DEFAULT_PAGE_SIZE, nullable: true })
  first: number;

  @Field(() => String, { nullable: true, description: 'endCursor of the page before' })
  @IsOptional()
  @IsString()
  after?: string;
}

export type CursorKey = 'time' | 'uuid' | 'bigint';
type CursorValue<K extends CursorKey> = K extends 'time' ? Date : string;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const BIGINT = /^\d{1,18}$/;

// A keyset cursor of times (ISO strings) and ids, checked, so that a forged cursor is a
// BAD_USER_INPUT and never reaches SQL as a bad value.
export function decodeKeysetCursor<K extends CursorKey[]>(
  cursor: string,
  keys: [...K],
): { [I in keyof K]: CursorValue<K[I]> } {
  const values = decodeCursor(cursor, keys.length);
  return keys.map((key, i) => {
    const value = values[i];
    if (key === 'time' && typeof value === 'string' && !Number.isNaN(Date.parse(value))) {
      return new Date(value);
    }
    if (key === 'uuid' && typeof value === 'string' && UUID.test(value)) return value;
    if (key === 'bigint' && typeof value === 'string' && BIGINT.test(value)) return value;
    throw DomainException.badInput('after is not a cursor of this list', ['after']);
  }) as { [I in keyof K]: CursorValue<K[I]> };
}

export function encodeKeysetCursor(values: (Date | string)[]): string {
  return encodeCursor(values.map((v) => (v instanceof Date ? v.toISOString() : v)));
}
