import './graphql/sla.enums';

export * from './calendar/business-calendar';
export * from './calendar/calendar.errors';
export * from './sla.module';
export * from './sla-graphql.module';
export * from './sla.exception';
export * from './calendars/business-calendar.entity';
export * from './calendars/calendars.service';
