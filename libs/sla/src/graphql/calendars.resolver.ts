import { Args, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { DomainException, Loaders, RequestLoaders, Roles, UuidPipe } from '@intradesk/core';
import { DepartmentModel } from '@intradesk/organization';
import { CalendarsService } from '../calendars/calendars.service';
import { CALENDAR_KEEPERS } from '../sla.policy';
import { ClocksService } from '../clocks/clocks.service';
import {
  CreateBusinessCalendarInput,
  UpdateBusinessCalendarInput,
} from './business-calendar.inputs';
import { BusinessCalendarModel, BusinessTimeModel } from './business-calendar.model';
import { CalendarLoaderFactory } from './calendars.loaders';

// Ten years of minutes: beyond that a due date is a typo.
const MAX_TARGET_MINUTES = 10 * 366 * 1440;

@Resolver(() => BusinessCalendarModel)
export class CalendarsResolver {
  constructor(
    private readonly calendars: CalendarsService,
    private readonly clocks: ClocksService,
  ) {}

  @Query(() => [BusinessCalendarModel])
  async businessCalendars(): Promise<BusinessCalendarModel[]> {
    return (await this.calendars.list()).map(BusinessCalendarModel.from);
  }

  @Query(() => BusinessCalendarModel)
  async businessCalendar(
    @Args('id', { type: () => ID }, UuidPipe) id: string,
  ): Promise<BusinessCalendarModel> {
    return BusinessCalendarModel.from(await this.calendars.getById(id));
  }

  @Query(() => BusinessTimeModel, { description: 'Working time inside [from, to)' })
  businessTime(
    @Args('calendarId', { type: () => ID }, UuidPipe) calendarId: string,
    @Args('from') from: Date,
    @Args('to') to: Date,
  ): Promise<BusinessTimeModel> {
    return this.calendars.businessTime(calendarId, from, to);
  }

  @Query(() => Date, {
    description:
      'The earliest instant t >= start with exactly `minutes` of working time in [start, t)',
  })
  businessDueAt(
    @Args('calendarId', { type: () => ID }, UuidPipe) calendarId: string,
    @Args('start') start: Date,
    @Args('minutes', { type: () => Int }) minutes: number,
  ): Promise<Date> {
    if (minutes < 0 || minutes > MAX_TARGET_MINUTES) {
      throw DomainException.badInput(`minutes must be between 0 and ${MAX_TARGET_MINUTES}`, [
        'minutes',
      ]);
    }
    return this.calendars.businessDueAt(calendarId, start, minutes);
  }

  @Roles(...CALENDAR_KEEPERS)
  @Mutation(() => BusinessCalendarModel)
  async createBusinessCalendar(
    @Args('input') input: CreateBusinessCalendarInput,
  ): Promise<BusinessCalendarModel> {
    return BusinessCalendarModel.from(await this.calendars.create(input));
  }

  @Roles(...CALENDAR_KEEPERS)
  @Mutation(() => BusinessCalendarModel)
  async updateBusinessCalendar(
    @Args('input') input: UpdateBusinessCalendarInput,
  ): Promise<BusinessCalendarModel> {
    const { id, ...changes } = input;
    const updated = await this.calendars.update(id, changes, (manager, calendar) =>
      this.clocks.recomputeForCalendar(manager, calendar),
    );
    return BusinessCalendarModel.from(updated);
  }
}

@Resolver(() => DepartmentModel)
export class DepartmentCalendarResolver {
  constructor(private readonly loaderFactory: CalendarLoaderFactory) {}

  @ResolveField(() => BusinessCalendarModel, {
    nullable: true,
    description: "The department's own calendar, else the organisation default",
  })
  async calendar(@Parent() department: DepartmentModel, @Loaders() loaders: RequestLoaders) {
    const calendars = loaders.get(this.loaderFactory);
    const own = department.calendarId
      ? await calendars.calendarById.load(department.calendarId)
      : null;
    return own ?? calendars.defaultCalendar();
  }
}
