import { Module } from '@nestjs/common';
import { CatalogGraphqlModule } from '@intradesk/catalog';
import { OrganizationGraphqlModule, OrganizationModule } from '@intradesk/organization';
import { ReportLabelsService } from './csv/report-labels.service';
import { ReportsCsvController } from './csv/reports-csv.controller';
import { RequestsCsvService } from './csv/requests-csv.service';
import {
  DepartmentMatrixCellResolver,
  ReportsResolver,
  ReportTrendPointResolver,
  SatisfactionReportRowResolver,
  SlaReportRowResolver,
} from './graphql/reports.resolver';
import { SlaSimulationResolver } from './graphql/sla-simulation.resolver';
import { ReportingModule } from './reporting.module';

export const reportingResolvers = [
  ReportsResolver,
  SlaReportRowResolver,
  SatisfactionReportRowResolver,
  DepartmentMatrixCellResolver,
  ReportTrendPointResolver,
  SlaSimulationResolver,
];

// The reports' API: GraphQL queries and the CSV downloads beside them.
@Module({
  imports: [ReportingModule, OrganizationModule, OrganizationGraphqlModule, CatalogGraphqlModule],
  controllers: [ReportsCsvController],
  providers: [...reportingResolvers, ReportLabelsService, RequestsCsvService],
})
export class ReportingGraphqlModule {}
