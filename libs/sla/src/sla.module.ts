import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { BusinessCalendarEntity } from './calendars/business-calendar.entity';
import { CalendarsService } from './calendars/calendars.service';

export const slaEntities = [BusinessCalendarEntity];

@Module({
  imports: [TypeOrmModule.forFeature(slaEntities)],
  providers: [CalendarsService],
  exports: [CalendarsService],
})
export class SlaModule {}
