import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { BusinessCalendarEntity } from '../calendars/business-calendar.entity';
import { Weekday } from './sla.enums';

@ObjectType('WeeklyHours')
export class WeeklyHoursModel {
  @Field(() => Weekday)
  day: Weekday;

  @Field({ description: 'Local HH:MM' })
  start: string;

  @Field({ description: 'Local HH:MM, up to 24:00' })
  end: string;
}

@ObjectType('BusinessCalendar', {
  description: 'When a department works: SLA clocks run only inside it',
})
export class BusinessCalendarModel {
  @Field(() => ID)
  id: string;

  @Field()
  name: string;

  @Field({ description: 'IANA time zone' })
  timeZone: string;

  @Field(() => [WeeklyHoursModel])
  weeklyHours: WeeklyHoursModel[];

  @Field(() => [String], { description: 'Local dates YYYY-MM-DD without working time' })
  holidays: string[];

  @Field({
    description: 'The organisation default, for departments without a calendar of their own',
  })
  isDefault: boolean;

  @Field(() => Int)
  version: number;

  static from(entity: BusinessCalendarEntity): BusinessCalendarModel {
    const model = new BusinessCalendarModel();
    model.id = entity.id;
    model.name = entity.name;
    model.timeZone = entity.timeZone;
    model.weeklyHours = entity.weeklyHours.map((h) => ({
      day: h.day as Weekday,
      start: h.start,
      end: h.end,
    }));
    model.holidays = entity.holidays;
    model.isDefault = entity.isDefault;
    model.version = entity.version;
    return model;
  }
}

@ObjectType('BusinessTime')
export class BusinessTimeModel {
  @Field(() => Int)
  seconds: number;

  @Field(() => Int, { description: 'Whole minutes' })
  minutes: number;
}
