import './graphql/sla.enums';

export * from './calendar/business-calendar';
export * from './calendar/calendar.errors';
export * from './sla.module';
export * from './sla-graphql.module';
export * from './sla.exception';
export * from './sla.policy';
export * from './calendars/business-calendar.entity';
export * from './calendars/calendars.service';
export * from './clocks/sla-clock.entity';
export * from './clocks/clocks.service';
export * from './clocks/clock-view';
export {
  clockColumns,
  clockIsSql,
  clockVerdict,
  clockVerdictSql,
  type ClockColumns,
  type VerdictClock,
} from './clocks/clock-verdict';
export * from './policies/sla-policy.entity';
export * from './policies/policies.service';
export * from './policies/calendar-mode.enum';
export * from './policies/policy-selection';
export * from './graphql/sla-clock.model';
export * from './graphql/sla-policy.model';
export * from './graphql/sla.loaders';
export * from './clocks/clock-schedule';
export * from './escalation/escalation-ladder';
export * from './escalation/sla-event.entity';
export type { WorkingTime } from './calendar/year-timeline';
export * from './clocks/clock-store';
export * from './config-cache/sla-config-cache';
