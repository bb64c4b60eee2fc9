import { buildSchema, execute, GraphQLResolveInfo, parse } from 'graphql';
import { selectsAnyField } from './selected-fields';

const schema = buildSchema(`
  type Row { total: Int, median: Float, p90: Float }
  type Query { rows: [Row] }
`);

// What the resolver of `rows` would decide for an operation.
function decides(operation: string): boolean {
  let answer: boolean | undefined;
  execute({
    schema,
    document: parse(operation),
    rootValue: {
      rows: (_args: unknown, _context: unknown, info: GraphQLResolveInfo) => {
        answer = selectsAnyField(info, ['median', 'p90']);
        return [];
      },
    },
  });
  return answer!;
}

describe('selectsAnyField', () => {
  it('sees fields asked for directly, through inline and named fragments', () => {
    expect(decides('{ rows { total median } }')).toBe(true);
    expect(decides('{ rows { total ... on Row { p90 } } }')).toBe(true);
    expect(
      decides(
        '{ rows { ...Times } } fragment Times on Row { total ...More } fragment More on Row { p90 }',
      ),
    ).toBe(true);
  });

  it('is false when none is asked for, aliases notwithstanding', () => {
    expect(decides('{ rows { total } }')).toBe(false);
    expect(decides('{ rows { median: total } }')).toBe(false);
    expect(decides('{ rows { ...T } } fragment T on Row { total }')).toBe(false);
  });
});
