export enum RelationshipType {
  VERTICAL = 'VERTICAL',
  HORIZONTAL = 'HORIZONTAL',
  DIAGONAL = 'DIAGONAL',
  SAME_DEPARTMENT = 'SAME_DEPARTMENT',
}

export interface OrgPosition {
  id: string;
  code: string;
  // Ids from the root down to the department itself.
  path: readonly string[];
  // Explicit level, else depth.
  level: number;
}

export interface Relationship {
  type: RelationshipType;
  explanation: string;
}

// The rule of DOMAIN.md: ancestor line first, then equal levels, else diagonal.
export function classifyRelationship(customer: OrgPosition, supplier: OrgPosition): Relationship {
  if (customer.id === supplier.id) {
    return {
      type: RelationshipType.SAME_DEPARTMENT,
      explanation: `${customer.code} files to its own department`,
    };
  }
  if (supplier.path.includes(customer.id)) {
    return {
      type: RelationshipType.VERTICAL,
      explanation: `${customer.code} is an ancestor of ${supplier.code} (one line of command)`,
    };
  }
  if (customer.path.includes(supplier.id)) {
    return {
      type: RelationshipType.VERTICAL,
      explanation: `${supplier.code} is an ancestor of ${customer.code} (one line of command)`,
    };
  }
  if (customer.level === supplier.level) {
    return {
      type: RelationshipType.HORIZONTAL,
      explanation: `${customer.code} and ${supplier.code} are both at level ${customer.level} with no line between them`,
    };
  }
  return {
    type: RelationshipType.DIAGONAL,
    explanation: `${customer.code} (level ${customer.level}) and ${supplier.code} (level ${supplier.level}) are in different areas at different levels`,
  };
}
