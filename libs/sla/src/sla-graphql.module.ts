import { Module } from '@nestjs/common';
import { CalendarLoaderFactory } from './graphql/calendars.loaders';
import { CalendarsResolver, DepartmentCalendarResolver } from './graphql/calendars.resolver';
import { SlaPoliciesResolver } from './graphql/sla-policies.resolver';
import { SlaLoaderFactory } from './graphql/sla.loaders';
import { SlaModule } from './sla.module';

export const slaResolvers = [CalendarsResolver, DepartmentCalendarResolver, SlaPoliciesResolver];

@Module({
  imports: [SlaModule],
  providers: [...slaResolvers, CalendarLoaderFactory, SlaLoaderFactory],
  exports: [CalendarLoaderFactory, SlaLoaderFactory],
})
export class SlaGraphqlModule {}
