import { registerEnumType } from '@nestjs/graphql';
import { Role } from '@intradesk/core';
import { RelationshipType } from '../departments/relationship-rule';

registerEnumType(Role, { name: 'Role', description: 'What a person may do in Intradesk' });
registerEnumType(RelationshipType, {
  name: 'RelationshipType',
  description: 'How a customer department relates to a supplier in the org tree (DOMAIN.md)',
});

export { RelationshipType, Role };
