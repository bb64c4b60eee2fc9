import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { BusinessCalendarEntity } from './calendars/business-calendar.entity';
import { CalendarsService } from './calendars/calendars.service';
import { SlaClockEntity } from './clocks/sla-clock.entity';
import { SlaEventEntity } from './escalation/sla-event.entity';
import { ClocksService } from './clocks/clocks.service';
import { PoliciesService } from './policies/policies.service';
import { SlaConfigCache } from './config-cache/sla-config-cache';
import { SlaPolicyEntity } from './policies/sla-policy.entity';

export const slaEntities = [
  BusinessCalendarEntity,
  SlaPolicyEntity,
  SlaClockEntity,
  SlaEventEntity,
];

@Module({
  imports: [TypeOrmModule.forFeature(slaEntities)],
  providers: [CalendarsService, ClocksService, PoliciesService, SlaConfigCache],
  exports: [CalendarsService, ClocksService, PoliciesService, SlaConfigCache],
})
export class SlaModule {}
