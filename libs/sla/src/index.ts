export * from './calendar/business-calendar';
export * from './calendar/calendar.errors';
