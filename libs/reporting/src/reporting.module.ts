import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { OrganizationModule } from '@intradesk/organization';
import { SlaModule } from '@intradesk/sla';
import { RequestReportFactEntity } from './facts/request-report-fact.entity';
import { ReportFactsAudit } from './facts/report-facts.audit';
import { ReportsService } from './reports/reports.service';
import { SlaSimulationService } from './simulation/sla-simulation.service';

export const reportingEntities = [RequestReportFactEntity];

@Module({
  imports: [TypeOrmModule.forFeature(reportingEntities), OrganizationModule, SlaModule],
  providers: [ReportsService, SlaSimulationService, ReportFactsAudit],
  exports: [ReportsService, SlaSimulationService, ReportFactsAudit],
})
export class ReportingModule {}
