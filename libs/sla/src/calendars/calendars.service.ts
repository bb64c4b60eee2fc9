import { Injectable } from '@nestjs/common';
import { AppConfig, TimeSource, ErrorReason } from '@intradesk/core';
import { DataSource, EntityManager } from 'typeorm';
import {
  BusinessCalendar,
  CalendarSpec,
  WEEKDAYS,
  WeeklyHours,
} from '../calendar/business-calendar';
import { CalendarError } from '../calendar/calendar.errors';
import { IntersectionCalendar } from '../calendar/intersection-calendar';
import { WorkingTime } from '../calendar/year-timeline';
import { SlaException } from '../sla.exception';
import { SlaConfigCache } from '../config-cache/sla-config-cache';
import { BusinessCalendarEntity } from './business-calendar.entity';

const MINUTE = 60_000;
const MAX_SPAN_MS = 10 * 366 * 86_400_000;

export interface CalendarCommand {
  name?: string;
  timeZone?: string;
  weeklyHours?: WeeklyHours[];
  holidays?: string[];
  isDefault?: boolean;
  expectedVersion?: number;
}

const UNIQUE_VIOLATION = '23505';

@Injectable()
export class CalendarsService {
  // Calendar math objects by id and version: their year timelines are worth keeping.
  private readonly compiled = new Map<string, { version: number; calendar: BusinessCalendar }>();
  private readonly intersections = new Map<string, IntersectionCalendar>();

  constructor(
    private readonly dataSource: DataSource,
    private readonly config: AppConfig,
    private readonly cache: SlaConfigCache,
    private readonly time: TimeSource,
  ) {}

  // Runs a change of calendars and tells every process's configuration cache about it.
  private async changing<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    const result = await this.dataSource.transaction(async (manager) => {
      const value = await work(manager);
      await SlaConfigCache.announce(manager);
      return value;
    });
    this.cache.invalidate();
    return result;
  }

  private repo(manager: EntityManager = this.dataSource.manager) {
    return manager.getRepository(BusinessCalendarEntity);
  }

  list(): Promise<BusinessCalendarEntity[]> {
    return this.repo().find({ order: { isDefault: 'DESC', name: 'ASC' } });
  }

  findByIds(ids: readonly string[], manager?: EntityManager): Promise<BusinessCalendarEntity[]> {
    return this.repo(manager).createQueryBuilder('c').where('c.id IN (:...ids)', { ids }).getMany();
  }

  async getById(id: string, manager?: EntityManager): Promise<BusinessCalendarEntity> {
    const calendar = await this.repo(manager).findOneBy({ id });
    if (!calendar) throw SlaException.notFound(`No business calendar with id ${id}`);
    return calendar;
  }

  getDefault(manager?: EntityManager): Promise<BusinessCalendarEntity | null> {
    return this.repo(manager).findOneBy({ isDefault: true });
  }

  // Every organisation has a default calendar: office hours in DEFAULT_TIME_ZONE until changed.
  async ensureDefault(): Promise<BusinessCalendarEntity> {
    const existing = await this.getDefault();
    if (existing) return existing;
    await this.repo()
      .createQueryBuilder()
      .insert()
      .values({
        name: 'Office hours',
        timeZone: this.config.DEFAULT_TIME_ZONE,
        weeklyHours: WEEKDAYS.slice(0, 5).map((day) => ({ day, start: '09:00', end: '17:00' })),
        holidays: [],
        isDefault: true,
      })
      .orIgnore()
      .execute();
    this.cache.invalidate();
    return (await this.getDefault())!;
  }

  async create(
    command: Required<Pick<CalendarCommand, 'name' | 'timeZone' | 'weeklyHours'>> & CalendarCommand,
  ) {
    const spec = this.validSpec({
      timeZone: command.timeZone,
      weeklyHours: command.weeklyHours,
      holidays: command.holidays ?? [],
    });
    return this.changing(async (manager) => {
      if (command.isDefault)
        await this.repo(manager).update({ isDefault: true }, { isDefault: false });
      const entity = this.repo(manager).create({
        name: command.name.trim(),
        ...spec,
        isDefault: command.isDefault ?? false,
      });
      try {
        return await this.repo(manager).save(entity);
      } catch (error) {
        throw this.duplicateName(error, command.name);
      }
    });
  }

  // `afterUpdate` runs in the same transaction (the clocks that count in it are recomputed there).
  async update(
    id: string,
    command: CalendarCommand,
    afterUpdate?: (manager: EntityManager, calendar: BusinessCalendarEntity) => Promise<unknown>,
  ): Promise<BusinessCalendarEntity> {
    return this.changing(async (manager) => {
      const current = await this.getById(id, manager);
      if (command.expectedVersion !== undefined && command.expectedVersion !== current.version) {
        throw SlaException.conflict(
          `Calendar ${current.name} was changed by someone else; reload and retry`,
          ['input.expectedVersion'],
        ).because(ErrorReason.STALE_VERSION);
      }
      const spec = this.validSpec({
        timeZone: command.timeZone ?? current.timeZone,
        weeklyHours: command.weeklyHours ?? current.weeklyHours,
        holidays: command.holidays ?? current.holidays,
      });
      if (command.isDefault === false && current.isDefault) {
        throw SlaException.badInput('Make another calendar the default instead', [
          'input.isDefault',
        ]).because(ErrorReason.DEFAULT_CALENDAR_REQUIRED);
      }
      if (command.isDefault && !current.isDefault) {
        await this.repo(manager).update({ isDefault: true }, { isDefault: false });
      }
      const result = await manager
        .createQueryBuilder()
        .update(BusinessCalendarEntity)
        .set({
          ...spec,
          name: command.name?.trim() ?? current.name,
          isDefault: command.isDefault ?? current.isDefault,
          updatedAt: this.time.now(),
          version: () => 'version + 1',
        })
        .where('id = :id AND version = :version', { id, version: current.version })
        .execute()
        .catch((error) => {
          throw this.duplicateName(error, command.name ?? current.name);
        });
      if (result.affected === 0) {
        throw SlaException.conflict(
          `Calendar ${current.name} was changed by someone else; reload and retry`,
        ).because(ErrorReason.STALE_VERSION);
      }
      const updated = await this.getById(id, manager);
      await afterUpdate?.(manager, updated);
      return updated;
    });
  }

  // The calendar math for a stored calendar (compiled once per version).
  math(entity: BusinessCalendarEntity): BusinessCalendar {
    const cached = this.compiled.get(entity.id);
    if (cached && cached.version === entity.version) return cached.calendar;
    const calendar = new BusinessCalendar(entity);
    this.compiled.set(entity.id, { version: entity.version, calendar });
    return calendar;
  }

  // The working time a clock counts in: one calendar, or (BOTH) the time common to two.
  // Throws CalendarError when two calendars have no working time in common.
  mathFor(primary: BusinessCalendarEntity, secondary?: BusinessCalendarEntity | null): WorkingTime {
    if (!secondary || secondary.id === primary.id) return this.math(primary);
    const key = `${primary.id}:${primary.version}|${secondary.id}:${secondary.version}`;
    let both = this.intersections.get(key);
    if (!both) {
      both = new IntersectionCalendar(
        this.math(primary),
        this.math(secondary),
        this.time.now().getTime(),
      );
      this.intersections.set(key, both);
    }
    return both;
  }

  // A clock's working time from loaded calendars; if two no longer share working time, the first's.
  mathForClock(
    calendarsById: ReadonlyMap<string, BusinessCalendarEntity>,
    clock: { calendarId: string; secondCalendarId: string | null },
  ): WorkingTime {
    const primary = calendarsById.get(clock.calendarId)!;
    const second = clock.secondCalendarId ? calendarsById.get(clock.secondCalendarId) : null;
    try {
      return this.mathFor(primary, second);
    } catch (error) {
      if (error instanceof CalendarError) return this.math(primary);
      throw error;
    }
  }

  async businessTime(
    calendarId: string,
    from: Date,
    to: Date,
  ): Promise<{ seconds: number; minutes: number }> {
    if (to.getTime() - from.getTime() > MAX_SPAN_MS) {
      throw SlaException.badInput('from and to may be at most ten years apart', ['to']);
    }
    const ms = this.math(await this.getById(calendarId)).workingMs(from.getTime(), to.getTime());
    return { seconds: Math.floor(ms / 1000), minutes: Math.floor(ms / MINUTE) };
  }

  async businessDueAt(calendarId: string, start: Date, minutes: number): Promise<Date> {
    const calendar = this.math(await this.getById(calendarId));
    try {
      return new Date(calendar.dueAt(start.getTime(), minutes * MINUTE));
    } catch (error) {
      if (error instanceof CalendarError)
        throw SlaException.badInput(error.message, ['minutes']).because(
          ErrorReason.NO_WORKING_TIME,
        );
      throw error;
    }
  }

  // Checks a calendar by building its math; errors carry the input path.
  private validSpec(spec: CalendarSpec): {
    timeZone: string;
    weeklyHours: WeeklyHours[];
    holidays: string[];
  } {
    try {
      new BusinessCalendar(spec);
    } catch (error) {
      if (error instanceof CalendarError) {
        throw SlaException.badInput(error.message, [
          error.field ? `input.${error.field}` : 'input',
        ]).because(ErrorReason.CALENDAR_INVALID);
      }
      throw error;
    }
    return {
      timeZone: spec.timeZone,
      weeklyHours: spec.weeklyHours.map(({ day, start, end }) => ({ day, start, end })),
      holidays: [...new Set(spec.holidays)].sort(),
    };
  }

  private duplicateName(error: unknown, name: string): unknown {
    if ((error as { code?: string }).code === UNIQUE_VIOLATION) {
      return SlaException.conflict(`A calendar named "${name}" already exists`, [
        'input.name',
      ]).because(ErrorReason.DUPLICATE);
    }
    return error;
  }
}
