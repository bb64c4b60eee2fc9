import { SlaClockState } from '../clocks/clock-view';
import { SlaClockKind } from '../clocks/sla-clock.entity';
import { CalendarMode } from '../policies/calendar-mode.enum';
import { registerEnumType } from '@nestjs/graphql';

export enum Weekday {
  MONDAY = 'MONDAY',
  TUESDAY = 'TUESDAY',
  WEDNESDAY = 'WEDNESDAY',
  THURSDAY = 'THURSDAY',
  FRIDAY = 'FRIDAY',
  SATURDAY = 'SATURDAY',
  SUNDAY = 'SUNDAY',
}

registerEnumType(Weekday, { name: 'Weekday' });

registerEnumType(SlaClockState, { name: 'SlaClockState' });
registerEnumType(SlaClockKind, { name: 'SlaClockKind' });
registerEnumType(CalendarMode, {
  name: 'CalendarMode',
  description: 'Whose working time a clock counts',
});

export { CalendarMode, SlaClockKind, SlaClockState };
