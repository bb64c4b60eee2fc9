import { IdempotencyKeys, newIdempotencyKey } from './idempotency-key';
import { DESCRIPTION_MAX, TITLE_MAX, validateRequest } from './validate-request';

const it_ = { services: [{}] };

describe('validateRequest', () => {
  it('asks for a supplier, a service of a catalogue and a title', () => {
    expect(validateRequest({ supplier: null, service: null, title: ' ', description: '' })).toEqual(
      { supplier: 'required', title: 'required' },
    );
    expect(validateRequest({ supplier: it_, service: null, title: 'x', description: '' })).toEqual({
      service: 'required',
    });
    expect(
      validateRequest({ supplier: { services: [] }, service: null, title: 'x', description: '' }),
    ).toEqual({});
  });

  it('keeps to the API limits, counting the trimmed text', () => {
    const ok = { supplier: it_, service: {}, description: '' };
    expect(validateRequest({ ...ok, title: `  ${'a'.repeat(TITLE_MAX)}  ` })).toEqual({});
    expect(validateRequest({ ...ok, title: 'a'.repeat(TITLE_MAX + 1) })).toEqual({
      title: 'tooLong',
    });
    expect(
      validateRequest({ ...ok, title: 'x', description: 'd'.repeat(DESCRIPTION_MAX + 1) }),
    ).toEqual({ description: 'tooLong' });
  });
});

describe('IdempotencyKeys', () => {
  it('keeps one key for retries of the same payload and makes a new one when it changes', () => {
    const keys = new IdempotencyKeys();
    const first = keys.for({ title: 'Laptop', priority: 'P3' });
    expect(keys.for({ title: 'Laptop', priority: 'P3' })).toBe(first);
    const second = keys.for({ title: 'Laptop', priority: 'P2' });
    expect(second).not.toBe(first);
    expect(second).toMatch(/^[\x21-\x7e]{1,100}$/);
  });

  it('makes UUID-shaped keys without crypto.randomUUID (plain-HTTP intranets)', () => {
    const original = crypto.randomUUID;
    Object.defineProperty(crypto, 'randomUUID', { value: undefined, configurable: true });
    try {
      expect(newIdempotencyKey()).toMatch(
        /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
      );
    } finally {
      Object.defineProperty(crypto, 'randomUUID', { value: original, configurable: true });
    }
  });
});
