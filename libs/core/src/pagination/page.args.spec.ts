import { DomainException } from '../errors/domain.exception';
import { encodeCursor } from './connection';
import { decodeKeysetCursor, encodeKeysetCursor } from './page.args';

describe('keyset cursors', () => {
  const id = '6f1c1d2e-3b4a-4c5d-8e9f-0a1b2c3d4e5f';
  const at = new Date('2026-03-02T09:00:00.123Z');

  it('round-trips times (to the millisecond) and ids', () => {
    const [time, uuid] = decodeKeysetCursor(encodeKeysetCursor([at, id]), ['time', 'uuid']);
    expect(time).toEqual(at);
    expect(uuid).toBe(id);
  });

  it('round-trips bigint ids as strings and refuses anything else for them', () => {
    expect(
      decodeKeysetCursor(encodeKeysetCursor([at, '123456789012']), ['time', 'bigint']),
    ).toEqual([at, '123456789012']);
    expect(() => decodeKeysetCursor(encodeKeysetCursor([at, id]), ['time', 'bigint'])).toThrow(
      DomainException,
    );
    expect(() =>
      decodeKeysetCursor(encodeCursor([at.toISOString(), 12]), ['time', 'bigint']),
    ).toThrow(DomainException);
  });

  it.each([
    ['not base64 JSON', '%%%'],
    ['too few values', encodeCursor([at.toISOString()])],
    ['a bad time', encodeCursor(['yesterday', id])],
    ['a bad id', encodeCursor([at.toISOString(), "x' OR 1=1"])],
    ['a number for an id', encodeCursor([at.toISOString(), 7])],
  ])('refuses %s as BAD_USER_INPUT on after', (_, cursor) => {
    let error: unknown;
    try {
      decodeKeysetCursor(cursor, ['time', 'uuid']);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(DomainException);
    expect((error as DomainException).fields).toEqual(['after']);
  });
});
