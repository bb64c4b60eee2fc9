import { Args, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { AuthUser, CurrentUser, Loaders, RequestLoaders, UuidPipe } from '@intradesk/core';
import { DepartmentModel, OrganizationLoaderFactory } from '@intradesk/organization';
import { CatalogService } from '../services/catalog.service';
import { CatalogLoaderFactory } from './catalog.loaders';
import { CreateServiceInput, UpdateServiceInput } from './service.inputs';
import { ServiceModel } from './service.model';

@Resolver(() => ServiceModel)
export class ServicesResolver {
  constructor(
    private readonly catalog: CatalogService,
    private readonly organizationLoaders: OrganizationLoaderFactory,
  ) {}

  @Query(() => [ServiceModel], {
    description: 'The catalogue: every active service, or one supplier’s',
  })
  async services(
    @Args('supplierId', { type: () => ID, nullable: true }, UuidPipe) supplierId?: string,
    @Args('includeInactive', { defaultValue: false }) includeInactive?: boolean,
  ): Promise<ServiceModel[]> {
    const services = await this.catalog.list({
      supplierIds: supplierId ? [supplierId] : undefined,
      includeInactive,
    });
    return services.map(ServiceModel.from);
  }

  @Query(() => ServiceModel)
  async service(@Args('id', { type: () => ID }, UuidPipe) id: string): Promise<ServiceModel> {
    return ServiceModel.from(await this.catalog.getById(id));
  }

  @Mutation(() => ServiceModel, {
    description: "Adds a service to a supplier's catalogue (its lead or an admin)",
  })
  async createService(
    @CurrentUser() user: AuthUser,
    @Args('input') input: CreateServiceInput,
  ): Promise<ServiceModel> {
    return ServiceModel.from(await this.catalog.create(user, input));
  }

  @Mutation(() => ServiceModel)
  async updateService(
    @CurrentUser() user: AuthUser,
    @Args('input') input: UpdateServiceInput,
  ): Promise<ServiceModel> {
    const { id, ...changes } = input;
    return ServiceModel.from(await this.catalog.update(user, id, changes));
  }

  @ResolveField(() => DepartmentModel)
  supplier(@Parent() service: ServiceModel, @Loaders() loaders: RequestLoaders) {
    return loaders.get(this.organizationLoaders).departmentById.load(service.supplierId);
  }
}

@Resolver(() => DepartmentModel)
export class DepartmentServicesResolver {
  constructor(private readonly catalogLoaders: CatalogLoaderFactory) {}

  @ResolveField(() => [ServiceModel], { description: 'The active services this department offers' })
  services(@Parent() department: DepartmentModel, @Loaders() loaders: RequestLoaders) {
    return loaders.get(this.catalogLoaders).activeServicesBySupplierId.load(department.id);
  }
}
