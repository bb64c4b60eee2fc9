import { Module } from '@nestjs/common';
import { CalendarLoaderFactory } from './graphql/calendars.loaders';
import { CalendarsResolver, DepartmentCalendarResolver } from './graphql/calendars.resolver';
import { SlaModule } from './sla.module';

export const slaResolvers = [CalendarsResolver, DepartmentCalendarResolver];

@Module({
  imports: [SlaModule],
  providers: [...slaResolvers, CalendarLoaderFactory],
  exports: [CalendarLoaderFactory],
})
export class SlaGraphqlModule {}
