import { Args, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { DomainException, Loaders, RequestLoaders, Roles, UuidPipe } from '@intradesk/core';
import { DepartmentsService } from '../departments/departments.service';
import { OrgChartImportService } from '../org-chart/org-chart-import.service';
import { CreateDepartmentInput, UpdateDepartmentInput } from './department.inputs';
import { DepartmentModel } from './department.model';
import { OrgChartImportResult } from './org-chart-import-result.model';
import { OrganizationLoaderFactory } from './organization.loaders';
import { RelationshipModel } from './relationship.model';
import { UserModel } from './user.model';
import { ORGANIZATION_ADMINISTRATORS } from '../organization.policy';

const MAX_CSV_LENGTH = 5_000_000;

@Resolver(() => DepartmentModel)
export class DepartmentsResolver {
  constructor(
    private readonly departmentsService: DepartmentsService,
    private readonly orgChart: OrgChartImportService,
    private readonly loaderFactory: OrganizationLoaderFactory,
  ) {}

  @Query(() => [DepartmentModel], {
    description: 'The org tree, root first; archived ones on request',
  })
  async departments(
    @Args('includeArchived', { defaultValue: false }) includeArchived: boolean,
  ): Promise<DepartmentModel[]> {
    return (await this.departmentsService.list(includeArchived)).map(DepartmentModel.from);
  }

  @Query(() => DepartmentModel, {
    description: 'One department by id or by code (give exactly one)',
  })
  async department(
    @Args('id', { type: () => ID, nullable: true }, UuidPipe) id?: string,
    @Args('code', { nullable: true }) code?: string,
  ): Promise<DepartmentModel> {
    if ((id == null) === (code == null)) {
      throw DomainException.badInput('Give exactly one of id and code', ['id', 'code']);
    }
    const entity = id
      ? await this.departmentsService.getById(id)
      : await this.departmentsService.getByCode(code!);
    return DepartmentModel.from(entity);
  }

  @Query(() => RelationshipModel, {
    description: 'The relationship type of a (customer, supplier) pair',
  })
  relationship(
    @Args('customerId', { type: () => ID }, UuidPipe) customerId: string,
    @Args('supplierId', { type: () => ID }, UuidPipe) supplierId: string,
  ): Promise<RelationshipModel> {
    return this.departmentsService.relationship(customerId, supplierId);
  }

  @Roles(...ORGANIZATION_ADMINISTRATORS)
  @Mutation(() => DepartmentModel)
  async createDepartment(@Args('input') input: CreateDepartmentInput): Promise<DepartmentModel> {
    return DepartmentModel.from(await this.departmentsService.create(input));
  }

  @Roles(...ORGANIZATION_ADMINISTRATORS)
  @Mutation(() => DepartmentModel, {
    description: 'Rename, set or clear the explicit level, change the time zone',
  })
  async updateDepartment(@Args('input') input: UpdateDepartmentInput): Promise<DepartmentModel> {
    const { id, ...changes } = input;
    return DepartmentModel.from(await this.departmentsService.update(id, changes));
  }

  @Roles(...ORGANIZATION_ADMINISTRATORS)
  @Mutation(() => DepartmentModel, {
    description: 'Moves a department (with its subtree); refuses cycles',
  })
  async moveDepartment(
    @Args('id', { type: () => ID }, UuidPipe) id: string,
    @Args('parentId', { type: () => ID, nullable: true }, UuidPipe) parentId: string | null,
  ): Promise<DepartmentModel> {
    return DepartmentModel.from(await this.departmentsService.move(id, parentId ?? null));
  }

  @Roles(...ORGANIZATION_ADMINISTRATORS)
  @Mutation(() => DepartmentModel, {
    description: 'Refused while the department has active children',
  })
  async archiveDepartment(
    @Args('id', { type: () => ID }, UuidPipe) id: string,
  ): Promise<DepartmentModel> {
    return DepartmentModel.from(await this.departmentsService.archive(id));
  }

  @Roles(...ORGANIZATION_ADMINISTRATORS)
  @Mutation(() => DepartmentModel)
  async restoreDepartment(
    @Args('id', { type: () => ID }, UuidPipe) id: string,
  ): Promise<DepartmentModel> {
    return DepartmentModel.from(await this.departmentsService.restore(id));
  }

  @Roles(...ORGANIZATION_ADMINISTRATORS)
  @Mutation(() => DepartmentModel, { description: 'Sets (or with null clears) the team lead' })
  async setDepartmentLead(
    @Args('departmentId', { type: () => ID }, UuidPipe) departmentId: string,
    @Args('userId', { type: () => ID, nullable: true }, UuidPipe) userId: string | null,
  ): Promise<DepartmentModel> {
    return DepartmentModel.from(
      await this.departmentsService.setLead(departmentId, userId ?? null),
    );
  }

  @Roles(...ORGANIZATION_ADMINISTRATORS)
  @Mutation(() => OrgChartImportResult, {
    description:
      'CSV code,name,parent_code,level,time_zone,lead_email; upsert by code, all or nothing',
  })
  async importOrgChart(@Args('csv') csv: string): Promise<OrgChartImportResult> {
    if (csv.length > MAX_CSV_LENGTH) {
      throw DomainException.badInput(`csv is larger than ${MAX_CSV_LENGTH} characters`, ['csv']);
    }
    return this.orgChart.import(csv);
  }

  @ResolveField(() => DepartmentModel, { nullable: true })
  parent(@Parent() department: DepartmentModel, @Loaders() loaders: RequestLoaders) {
    if (!department.parentId) return null;
    return loaders.get(this.loaderFactory).departmentById.load(department.parentId);
  }

  @ResolveField(() => [DepartmentModel], { description: 'Active child departments' })
  children(@Parent() department: DepartmentModel, @Loaders() loaders: RequestLoaders) {
    return loaders.get(this.loaderFactory).childrenByParentId.load(department.id);
  }

  @ResolveField(() => [UserModel])
  members(@Parent() department: DepartmentModel, @Loaders() loaders: RequestLoaders) {
    return loaders.get(this.loaderFactory).membersByDepartmentId.load(department.id);
  }

  @ResolveField(() => UserModel, {
    nullable: true,
    description: 'The team lead, who receives escalations',
  })
  lead(@Parent() department: DepartmentModel, @Loaders() loaders: RequestLoaders) {
    if (!department.leadId) return null;
    return loaders.get(this.loaderFactory).userById.load(department.leadId);
  }
}
