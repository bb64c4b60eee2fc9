import { Type } from '@nestjs/common';
import { Args, Info, Int, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { GraphQLResolveInfo } from 'graphql';
import { AuthUser, CurrentUser, Loaders, RequestLoaders, selectsAnyField } from '@intradesk/core';
import { CatalogLoaderFactory, ServiceModel } from '@intradesk/catalog';
import { DepartmentModel, OrganizationLoaderFactory, UserModel } from '@intradesk/organization';
import { ReportsService } from '../reports/reports.service';
import { ReportFilter } from './report-filter.input';
import {
  DepartmentMatrixCellModel,
  DepartmentPairRankingModel,
  matrixCell,
  ReportKeysModel,
  ReportTrendPointModel,
  SatisfactionReportRowModel,
  SlaReportRowModel,
} from './report-rows.model';
import { ReportGroupBy, ReportPeriod } from './reporting.enums';

@Resolver()
export class ReportsResolver {
  constructor(private readonly reports: ReportsService) {}

  @Query(() => [SlaReportRowModel], {
    description: 'Are departments keeping their promises? SLA compliance by any grouping',
  })
  async slaReport(
    @CurrentUser() user: AuthUser,
    @Info() info: GraphQLResolveInfo,
    @Args('filter', { type: () => ReportFilter, nullable: true }) filter?: ReportFilter,
    @Args('groupBy', { type: () => [ReportGroupBy], defaultValue: [] })
    groupBy: ReportGroupBy[] = [],
    @Args('period', { type: () => ReportPeriod, nullable: true }) period?: ReportPeriod,
  ): Promise<SlaReportRowModel[]> {
    const percentiles = selectsAnyField(info, ['medianResolutionMinutes', 'p90ResolutionMinutes']);
    const rows = await this.reports.sla(
      user,
      filter ?? {},
      { groupBy, period: period ?? null },
      { percentiles },
    );
    return rows.map((row) => Object.assign(new SlaReportRowModel(), row));
  }

  @Query(() => [SatisfactionReportRowModel], {
    description: 'Are internal customers satisfied? Ratings by any grouping',
  })
  async satisfactionReport(
    @CurrentUser() user: AuthUser,
    @Args('filter', { type: () => ReportFilter, nullable: true }) filter?: ReportFilter,
    @Args('groupBy', { type: () => [ReportGroupBy], defaultValue: [] })
    groupBy: ReportGroupBy[] = [],
    @Args('period', { type: () => ReportPeriod, nullable: true }) period?: ReportPeriod,
  ): Promise<SatisfactionReportRowModel[]> {
    const rows = await this.reports.satisfaction(user, filter ?? {}, {
      groupBy,
      period: period ?? null,
    });
    return rows.map((row) => Object.assign(new SatisfactionReportRowModel(), row));
  }

  @Query(() => [DepartmentMatrixCellModel], {
    description: 'One cell per (customer, supplier) pair with traffic',
  })
  async departmentMatrix(
    @CurrentUser() user: AuthUser,
    @Args('filter', { type: () => ReportFilter, nullable: true }) filter?: ReportFilter,
  ): Promise<DepartmentMatrixCellModel[]> {
    return (await this.reports.matrix(user, filter ?? {})).map(matrixCell);
  }

  @Query(() => [ReportTrendPointModel], {
    description: 'SLA and satisfaction measures per period, oldest first',
  })
  async reportTrend(
    @CurrentUser() user: AuthUser,
    @Args('filter', { type: () => ReportFilter, nullable: true }) filter?: ReportFilter,
    @Args('period', { type: () => ReportPeriod, defaultValue: ReportPeriod.MONTH })
    period: ReportPeriod = ReportPeriod.MONTH,
  ): Promise<ReportTrendPointModel[]> {
    return (await this.reports.trend(user, filter ?? {}, period)).map((row) =>
      Object.assign(new ReportTrendPointModel(), row),
    );
  }

  @Query(() => DepartmentPairRankingModel, {
    description:
      'The (customer, supplier) pairs with the best and the worst resolution compliance (then average score)',
  })
  async departmentPairRanking(
    @CurrentUser() user: AuthUser,
    @Args('filter', { type: () => ReportFilter, nullable: true }) filter?: ReportFilter,
    @Args('minRequests', { type: () => Int, defaultValue: 5 }) minRequests = 5,
    @Args('limit', { type: () => Int, defaultValue: 5 }) limit = 5,
  ): Promise<DepartmentPairRankingModel> {
    const ranking = await this.reports.pairs(user, filter ?? {}, minRequests, limit);
    return { best: ranking.best.map(matrixCell), worst: ranking.worst.map(matrixCell) };
  }
}

// The object-valued group keys of a report row, batched through the libs' loaders.
function ReportKeysResolver<T extends ReportKeysModel>(classRef: Type<T>) {
  @Resolver(() => classRef, { isAbstract: true })
  abstract class ReportKeysResolverHost {
    constructor(
      readonly organizationLoaders: OrganizationLoaderFactory,
      readonly catalogLoaders: CatalogLoaderFactory,
    ) {}

    @ResolveField(() => DepartmentModel, { nullable: true })
    supplier(@Parent() row: T, @Loaders() loaders: RequestLoaders) {
      return row.supplierId
        ? loaders.get(this.organizationLoaders).departmentById.load(row.supplierId)
        : null;
    }

    @ResolveField(() => DepartmentModel, { nullable: true })
    customer(@Parent() row: T, @Loaders() loaders: RequestLoaders) {
      return row.customerId
        ? loaders.get(this.organizationLoaders).departmentById.load(row.customerId)
        : null;
    }

    @ResolveField(() => ServiceModel, { nullable: true })
    service(@Parent() row: T, @Loaders() loaders: RequestLoaders) {
      return row.serviceId
        ? loaders.get(this.catalogLoaders).serviceById.load(row.serviceId)
        : null;
    }

    @ResolveField(() => UserModel, { nullable: true })
    assignee(@Parent() row: T, @Loaders() loaders: RequestLoaders) {
      return row.assigneeId
        ? loaders.get(this.organizationLoaders).userById.load(row.assigneeId)
        : null;
    }
  }
  return ReportKeysResolverHost;
}

@Resolver(() => SlaReportRowModel)
export class SlaReportRowResolver extends ReportKeysResolver(SlaReportRowModel) {}

@Resolver(() => SatisfactionReportRowModel)
export class SatisfactionReportRowResolver extends ReportKeysResolver(SatisfactionReportRowModel) {}

@Resolver(() => DepartmentMatrixCellModel)
export class DepartmentMatrixCellResolver extends ReportKeysResolver(DepartmentMatrixCellModel) {}

@Resolver(() => ReportTrendPointModel)
export class ReportTrendPointResolver extends ReportKeysResolver(ReportTrendPointModel) {}
