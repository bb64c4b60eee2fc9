import { classifyRelationship, OrgPosition, RelationshipType } from './relationship-rule';
import { DEMO_DEPARTMENTS } from '../demo/demo-organization';

// The demo org of DOMAIN.md with paths built from its parent links.
function demoPositions(levels: Record<string, number> = {}): Map<string, OrgPosition> {
  const byCode = new Map<string, OrgPosition>();
  for (const d of DEMO_DEPARTMENTS) {
    const parentPath = d.parent ? byCode.get(d.parent)!.path : [];
    const path = [...parentPath, d.code];
    byCode.set(d.code, {
      id: d.code,
      code: d.code,
      path,
      level: levels[d.code] ?? path.length - 1,
    });
  }
  return byCode;
}

describe('classifyRelationship', () => {
  const org = demoPositions();
  const type = (customer: string, supplier: string) =>
    classifyRelationship(org.get(customer)!, org.get(supplier)!).type;

  it.each([
    ['PAY', 'FIN', RelationshipType.VERTICAL],
    ['CO', 'IT', RelationshipType.VERTICAL],
    ['MKT', 'SALES', RelationshipType.HORIZONTAL],
    ['HR', 'FIN', RelationshipType.HORIZONTAL],
    ['LINE-A', 'IT', RelationshipType.DIAGONAL],
    ['LOG', 'PAY', RelationshipType.DIAGONAL],
  ])('DOMAIN.md example: %s filing to %s is %s', (customer, supplier, expected) => {
    expect(type(customer, supplier)).toBe(expected);
  });

  it('is vertical in both directions of a line of command', () => {
    expect(type('FIN', 'PAY')).toBe(RelationshipType.VERTICAL);
    expect(type('IT', 'CO')).toBe(RelationshipType.VERTICAL);
    expect(type('LINE-A', 'OPS')).toBe(RelationshipType.VERTICAL);
  });

  it('treats a request to one’s own department apart', () => {
    expect(type('IT', 'IT')).toBe(RelationshipType.SAME_DEPARTMENT);
  });

  it('compares explicit levels, not depths, when an administrator set them', () => {
    // LINE-A reports deep in the tree but is declared a level-2 team: same level as IT.
    const uneven = demoPositions({ 'LINE-A': 2 });
    expect(classifyRelationship(uneven.get('LINE-A')!, uneven.get('IT')!).type).toBe(
      RelationshipType.HORIZONTAL,
    );
  });

  it('puts the ancestor rule before the level rule', () => {
    // Same explicit level but one is the other's ancestor: still vertical.
    const flat = demoPositions({ FIN: 3 });
    expect(classifyRelationship(flat.get('PAY')!, flat.get('FIN')!).type).toBe(
      RelationshipType.VERTICAL,
    );
  });

  it('explains itself in one line naming both departments', () => {
    const { explanation } = classifyRelationship(org.get('LOG')!, org.get('PAY')!);
    expect(explanation).toContain('LOG');
    expect(explanation).toContain('PAY');
    expect(explanation).not.toContain('\n');
  });
});
