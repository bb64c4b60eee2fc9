import { Injectable } from '@nestjs/common';
import { LoaderFactory } from '@intradesk/core';
import DataLoader from 'dataloader';
import { CalendarsService } from '../calendars/calendars.service';
import { BusinessCalendarModel } from './business-calendar.model';

export interface CalendarLoaders {
  calendarById: DataLoader<string, BusinessCalendarModel | null>;
  defaultCalendar: () => Promise<BusinessCalendarModel | null>;
}

@Injectable()
export class CalendarLoaderFactory implements LoaderFactory<CalendarLoaders> {
  constructor(private readonly calendars: CalendarsService) {}

  create(): CalendarLoaders {
    let defaultCalendar: Promise<BusinessCalendarModel | null> | undefined;
    return {
      calendarById: new DataLoader(async (ids) => {
        const found = new Map(
          (await this.calendars.findByIds(ids)).map((c) => [c.id, BusinessCalendarModel.from(c)]),
        );
        return ids.map((id) => found.get(id) ?? null);
      }),
      defaultCalendar: () =>
        (defaultCalendar ??= this.calendars
          .getDefault()
          .then((c) => (c ? BusinessCalendarModel.from(c) : null))),
    };
  }
}
