import { Module } from '@nestjs/common';
import { DepartmentsResolver } from './graphql/departments.resolver';
import { OrganizationLoaderFactory } from './graphql/organization.loaders';
import { UsersResolver } from './graphql/users.resolver';
import { OrganizationModule } from './organization.module';

export const organizationResolvers = [DepartmentsResolver, UsersResolver];

@Module({
  imports: [OrganizationModule],
  providers: [...organizationResolvers, OrganizationLoaderFactory],
  exports: [OrganizationLoaderFactory],
})
export class OrganizationGraphqlModule {}
