import './graphql/organization.enums';

export * from './organization.module';
export * from './organization-graphql.module';
export * from './organization.exception';
export * from './organization.policy';
export * from './departments/department.entity';
export * from './departments/departments.service';
export * from './departments/relationship-rule';
export * from './users/user.entity';
// Role is defined in core (AuthUser carries it); re-exported for the contexts that import it here.
export { Role } from '@intradesk/core';
export * from './users/users.service';
export * from './auth/auth.service';
export * from './org-chart/org-chart-import.service';
export * from './demo/demo-seed.service';
export * from './demo/demo-organization';
export * from './graphql/department.model';
export * from './graphql/user.model';
export * from './graphql/organization.loaders';
