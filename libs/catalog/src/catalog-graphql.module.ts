import { Module } from '@nestjs/common';
import { OrganizationGraphqlModule } from '@intradesk/organization';
import { CatalogModule } from './catalog.module';
import { CatalogLoaderFactory } from './graphql/catalog.loaders';
import { DepartmentServicesResolver, ServicesResolver } from './graphql/services.resolver';

export const catalogResolvers = [ServicesResolver, DepartmentServicesResolver];

@Module({
  imports: [CatalogModule, OrganizationGraphqlModule],
  providers: [...catalogResolvers, CatalogLoaderFactory],
  exports: [CatalogLoaderFactory],
})
export class CatalogGraphqlModule {}
