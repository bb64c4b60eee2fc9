import fc from 'fast-check';
import {
  getNullableType,
  GraphQLInputType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isScalarType,
} from 'graphql';

// Ids that exist in the database, so fuzzed calls also reach the code past "not found".
export type IdPool = string[];

const hostileStrings = fc.constantFrom(
  '',
  ' ',
  '\u0000',
  'a\u0000b',
  '\uD800', // a lone surrogate: not encodable as UTF-8
  '\uDFFF\uD800',
  '𝕴𝖓𝖙𝖗𝖆𝖉𝖊𝖘𝖐 🚀',
  "'; DROP TABLE requests; --",
  '<script>alert(1)</script>',
  '../../etc/passwd',
  '%s%n%x',
  'IT-999999999999999999999',
  'x'.repeat(100_000),
  '\u202Eevil',
);

const hostileNumbers = fc.constantFrom(
  0,
  -1,
  2 ** 31 - 1,
  2 ** 31,
  -(2 ** 31) - 1,
  Number.MAX_SAFE_INTEGER,
  1e300,
  -1e300,
  0.5,
);

const dates = fc.oneof(
  fc
    .date({ min: new Date('1900-01-01'), max: new Date('2200-01-01'), noInvalidDate: true })
    .map((d) => d.toISOString()),
  fc.constantFrom(
    'not a date',
    '2026-13-45T99:00:00Z',
    '2026-02-30',
    '+275760-09-13T00:00:00.001Z',
    '0000-00-00T00:00:00Z',
    '',
    '2026-03-29T01:30:00+25:00',
  ),
);

const timeZones = fc.constantFrom(
  'Europe/London',
  'America/New_York',
  'Asia/Kathmandu',
  'Mars/Phobos',
  'UTC+99',
  '',
  'Etc/GMT+14',
  'europe/london',
);

// Anything JSON can carry, nested deep: what a hostile client sends where a value is expected.
const junk: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.string(),
    fc.integer(),
    fc.boolean(),
    fc.constant(null),
    fc.array(tie('value'), { maxLength: 3 }),
    fc.dictionary(fc.string({ maxLength: 5 }), tie('value'), { maxKeys: 3 }),
  ),
})).value;

function deepArray(depth: number): unknown {
  let value: unknown = 'x';
  for (let i = 0; i < depth; i++) value = [value];
  return value;
}

const plausibleDates = fc
  .date({ min: new Date('2025-01-01'), max: new Date('2027-12-31'), noInvalidDate: true })
  .map((d) => d.toISOString());

// Values a well-meaning client might send: the right type, existing ids, sane sizes. Calls made
// of these get past validation into the services and SQL.
export function plausibleFor(
  type: GraphQLInputType,
  name: string,
  ids: IdPool,
): fc.Arbitrary<unknown> {
  const inner = getNullableType(type) as GraphQLInputType;
  if (isListType(inner)) {
    return fc.array(plausibleFor(inner.ofType as GraphQLInputType, name, ids), { maxLength: 3 });
  }
  if (isEnumType(inner)) return fc.constantFrom(...inner.getValues().map((v) => v.value as string));
  if (isInputObjectType(inner)) {
    const fields = Object.values(inner.getFields());
    return fc.record(
      Object.fromEntries(fields.map((f) => [f.name, plausibleFor(f.type, f.name, ids)])),
      {
        requiredKeys: fields
          .filter((f) => isNonNullType(f.type) && f.defaultValue === undefined)
          .map((f) => f.name),
      },
    );
  }
  if (!isScalarType(inner)) throw new Error(`no arbitrary for ${String(type)}`);
  switch (inner.name) {
    case 'ID':
      return fc.constantFrom(...ids);
    case 'Int':
      return fc.integer({ min: 1, max: 1000 });
    case 'Float':
      return fc.double({ min: 0, max: 100, noNaN: true });
    case 'Boolean':
      return fc.boolean();
    case 'DateTime':
      return plausibleDates;
  }
  if (/timeZone/i.test(name)) return fc.constantFrom('Europe/London', 'America/New_York', 'UTC');
  if (/email/i.test(name)) return fc.emailAddress();
  if (/url/i.test(name)) return fc.constant('https://example.org/hooks/intradesk');
  if (/date|from$|to$/i.test(name)) return plausibleDates.map((iso) => iso.slice(0, 10));
  return fc.string({ unit: 'grapheme-ascii', minLength: 1, maxLength: 30 });
}

// Schema-aware: mostly values of the right type (so calls get past GraphQL's own coercion and
// reach validation, services and SQL), often hostile ones, sometimes the wrong type entirely.
export function arbitraryFor(
  type: GraphQLInputType,
  name: string,
  ids: IdPool,
): fc.Arbitrary<unknown> {
  const required = isNonNullType(type);
  const inner = getNullableType(type) as GraphQLInputType;
  let typed: fc.Arbitrary<unknown>;
  if (isListType(inner)) {
    typed = fc.oneof(
      fc.array(arbitraryFor(inner.ofType as GraphQLInputType, name, ids), { maxLength: 4 }),
      fc.constant(deepArray(200)),
    );
  } else if (isEnumType(inner)) {
    typed = fc.oneof(
      fc.constantFrom(...inner.getValues().map((v) => v.value as string)),
      fc.constantFrom('NOPE', '', 'p1'),
    );
  } else if (isInputObjectType(inner)) {
    const fields = Object.values(inner.getFields());
    typed = fc.record(
      Object.fromEntries(
        fields.map((field) => [field.name, arbitraryFor(field.type, field.name, ids)]),
      ),
      {
        requiredKeys: fields
          .filter((f) => isNonNullType(f.type) && f.defaultValue === undefined)
          .map((f) => f.name),
      },
    );
  } else if (isScalarType(inner)) {
    switch (inner.name) {
      case 'ID':
        typed = fc.oneof(fc.constantFrom(...ids), fc.uuid(), hostileStrings);
        break;
      case 'Int':
        typed = fc.oneof(fc.integer({ min: -10, max: 100_000 }), hostileNumbers);
        break;
      case 'Float':
        typed = fc.oneof(fc.double({ noNaN: true, noDefaultInfinity: true }), hostileNumbers);
        break;
      case 'Boolean':
        typed = fc.boolean();
        break;
      case 'DateTime':
        typed = dates;
        break;
      default:
        typed = /timeZone/i.test(name)
          ? timeZones
          : /date|at$|from|to$/i.test(name)
            ? fc.oneof(dates, hostileStrings)
            : fc.oneof(
                fc.string({ maxLength: 40 }),
                fc.string({ unit: 'binary', maxLength: 20 }),
                hostileStrings,
              );
    }
  } else {
    throw new Error(`no arbitrary for ${String(type)}`);
  }
  const wrong = junk;
  const value = fc.oneof({ weight: 8, arbitrary: typed }, { weight: 1, arbitrary: wrong });
  return required
    ? value
    : fc.oneof({ weight: 4, arbitrary: value }, { weight: 1, arbitrary: fc.constant(null) });
}
