import { randomUUID } from 'node:crypto';
import { DepartmentEntity } from '@intradesk/organization';
import { EntityManager, IsNull } from 'typeorm';
import { BusinessCalendarEntity } from '../calendars/business-calendar.entity';
import { CalendarsService } from '../calendars/calendars.service';
import { SlaConfigCache } from '../config-cache/sla-config-cache';
import { SlaPolicyEntity } from '../policies/sla-policy.entity';
import { SlaClockEntity, SlaClockKind } from './sla-clock.entity';

// Where the clock rules read and write: the database (live changes, in the caller's
// transaction) or memory (a history import, written in bulk afterwards). The rules are the same.
export interface ClockStore {
  insert(rows: Omit<SlaClockEntity, 'id'>[]): Promise<void>;
  find(requestId: string, kind: SlaClockKind): Promise<SlaClockEntity | null>;
  // Clocks neither stopped nor cancelled.
  unstopped(requestId: string): Promise<SlaClockEntity[]>;
  update(clock: SlaClockEntity, changes: Partial<SlaClockEntity>): Promise<void>;
  activePolicies(supplierId: string): Promise<SlaPolicyEntity[]>;
  calendar(id: string): Promise<BusinessCalendarEntity>;
  calendars(ids: string[]): Promise<BusinessCalendarEntity[]>;
  // The department's calendar, else the organisation default.
  departmentCalendar(departmentId: string): Promise<BusinessCalendarEntity>;
  // A calendar by id, or the organisation default for null.
  calendarOrDefault(calendarId: string | null): Promise<BusinessCalendarEntity>;
}

export class DatabaseClockStore implements ClockStore {
  constructor(
    private readonly manager: EntityManager,
    private readonly calendarsService: CalendarsService,
    // Policies and calendars from the process's cache (request changes); none when the
    // transaction itself changes them (policy and calendar updates read their own writes).
    private readonly cache: SlaConfigCache | null = null,
  ) {}

  async insert(rows: Omit<SlaClockEntity, 'id'>[]): Promise<void> {
    await this.manager.getRepository(SlaClockEntity).insert(rows);
  }

  find(requestId: string, kind: SlaClockKind): Promise<SlaClockEntity | null> {
    return this.manager.getRepository(SlaClockEntity).findOneBy({ requestId, kind });
  }

  unstopped(requestId: string): Promise<SlaClockEntity[]> {
    return this.manager
      .getRepository(SlaClockEntity)
      .findBy({ requestId, stoppedAt: IsNull(), cancelledAt: IsNull() });
  }

  async update(clock: SlaClockEntity, changes: Partial<SlaClockEntity>): Promise<void> {
    await this.manager.getRepository(SlaClockEntity).update({ id: clock.id }, changes);
  }

  async activePolicies(supplierId: string): Promise<SlaPolicyEntity[]> {
    if (this.cache) {
      return (await this.cache.policies(this.manager)).filter(
        (p) => p.active && (p.supplierId === supplierId || p.supplierId === null),
      );
    }
    return this.manager.getRepository(SlaPolicyEntity).find({
      where: [
        { supplierId, active: true },
        { supplierId: IsNull(), active: true },
      ],
    });
  }

  async calendar(id: string): Promise<BusinessCalendarEntity> {
    return (
      (await this.cache?.calendar(id, this.manager)) ??
      this.calendarsService.getById(id, this.manager)
    );
  }

  async calendars(ids: string[]): Promise<BusinessCalendarEntity[]> {
    if (this.cache) {
      // One after another: they may reload the cache on the caller's transaction, and one
      // connection runs one query at a time (pg deprecates queueing them).
      const found: (BusinessCalendarEntity | undefined)[] = [];
      for (const id of ids) found.push(await this.cache.calendar(id, this.manager));
      if (found.every((c) => c !== undefined)) return found as BusinessCalendarEntity[];
    }
    return this.calendarsService.findByIds(ids, this.manager);
  }

  async departmentCalendar(departmentId: string): Promise<BusinessCalendarEntity> {
    const department = await this.manager
      .getRepository(DepartmentEntity)
      .findOneBy({ id: departmentId });
    return this.calendarOrDefault(department?.calendarId ?? null);
  }

  async calendarOrDefault(calendarId: string | null): Promise<BusinessCalendarEntity> {
    if (calendarId) return this.calendar(calendarId);
    return (
      (await this.cache?.defaultCalendar(this.manager)) ??
      (await this.calendarsService.getDefault(this.manager)) ??
      (await this.calendarsService.ensureDefault())
    );
  }
}

// Clocks of requests being imported: policies, calendars and departments read once, clocks
// kept in memory and written with one statement per thousand rows (flush).
export class MemoryClockStore implements ClockStore {
  private readonly clocks = new Map<string, SlaClockEntity>();

  private constructor(
    private readonly policies: SlaPolicyEntity[],
    private readonly calendarsById: Map<string, BusinessCalendarEntity>,
    private readonly departmentCalendarIds: Map<string, string | null>,
    private readonly defaultCalendar: BusinessCalendarEntity,
  ) {}

  static async load(
    manager: EntityManager,
    calendarsService: CalendarsService,
  ): Promise<MemoryClockStore> {
    // In turn, not in parallel: the manager is one transaction's connection.
    const policies = await manager.getRepository(SlaPolicyEntity).findBy({ active: true });
    const calendars = await manager.getRepository(BusinessCalendarEntity).find();
    const departments = await manager
      .getRepository(DepartmentEntity)
      .find({ select: { id: true, calendarId: true } });
    const fallback =
      (await calendarsService.getDefault(manager)) ?? (await calendarsService.ensureDefault());
    return new MemoryClockStore(
      policies,
      new Map([...calendars, fallback].map((c) => [c.id, c])),
      new Map(departments.map((d) => [d.id, d.calendarId])),
      fallback,
    );
  }

  async insert(rows: Omit<SlaClockEntity, 'id'>[]): Promise<void> {
    for (const row of rows) {
      const clock = Object.assign(new SlaClockEntity(), row, { id: randomUUID() });
      this.clocks.set(`${row.requestId}:${row.kind}`, clock);
    }
  }

  async find(requestId: string, kind: SlaClockKind): Promise<SlaClockEntity | null> {
    return this.clocks.get(`${requestId}:${kind}`) ?? null;
  }

  async unstopped(requestId: string): Promise<SlaClockEntity[]> {
    return Object.values(SlaClockKind)
      .map((kind) => this.clocks.get(`${requestId}:${kind}`))
      .filter((c): c is SlaClockEntity => !!c && !c.stoppedAt && !c.cancelledAt);
  }

  async update(clock: SlaClockEntity, changes: Partial<SlaClockEntity>): Promise<void> {
    Object.assign(clock, changes);
  }

  async activePolicies(supplierId: string): Promise<SlaPolicyEntity[]> {
    return this.policies.filter((p) => p.supplierId === supplierId || p.supplierId === null);
  }

  async calendar(id: string): Promise<BusinessCalendarEntity> {
    const calendar = this.calendarsById.get(id);
    if (!calendar) throw new Error(`No calendar with id ${id}`);
    return calendar;
  }

  async calendars(ids: string[]): Promise<BusinessCalendarEntity[]> {
    return ids.map((id) => this.calendarsById.get(id)).filter((c) => c !== undefined);
  }

  async departmentCalendar(departmentId: string): Promise<BusinessCalendarEntity> {
    return this.calendarOrDefault(this.departmentCalendarIds.get(departmentId) ?? null);
  }

  async calendarOrDefault(calendarId: string | null): Promise<BusinessCalendarEntity> {
    return (calendarId && this.calendarsById.get(calendarId)) || this.defaultCalendar;
  }

  // The clocks held so far, forgotten here: for a caller that writes them itself.
  take(): SlaClockEntity[] {
    const rows = [...this.clocks.values()];
    this.clocks.clear();
    return rows;
  }

  // Writes the clocks held so far and forgets them.
  async flush(manager: EntityManager): Promise<void> {
    const rows = [...this.clocks.values()];
    this.clocks.clear();
    for (let i = 0; i < rows.length; i += 1000) {
      await manager.getRepository(SlaClockEntity).insert(rows.slice(i, i + 1000));
    }
  }
}
