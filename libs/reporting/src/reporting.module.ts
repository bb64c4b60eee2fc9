import { Module } from '@nestjs/common';
import { OrganizationModule } from '@intradesk/organization';
import { SlaModule } from '@intradesk/sla';
import { ReportsService } from './reports/reports.service';
import { SlaSimulationService } from './simulation/sla-simulation.service';

@Module({
  imports: [OrganizationModule, SlaModule],
  providers: [ReportsService, SlaSimulationService],
  exports: [ReportsService, SlaSimulationService],
})
export class ReportingModule {}
