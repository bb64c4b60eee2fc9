import { Injectable, OnModuleInit } from '@nestjs/common';
import { TimeSource } from '@intradesk/core';
import { PgNotifications } from '@intradesk/db';
import { DataSource, EntityManager } from 'typeorm';
import { BusinessCalendarEntity } from '../calendars/business-calendar.entity';
import { SlaPolicyEntity } from '../policies/sla-policy.entity';

const CHANNEL = 'sla_config_changed';
// A bound on staleness should a notification ever be missed (e.g. while LISTEN reconnects).
const MAX_AGE_MS = 30_000;

interface Snapshot {
  policies: SlaPolicyEntity[];
  calendars: Map<string, BusinessCalendarEntity>;
  defaultCalendar: BusinessCalendarEntity | null;
}

// Policies and calendars change rarely and are read by every request: each process keeps them
// in memory. The process that changes them drops its copy after the commit (invalidate()); the
// others drop theirs when the change's NOTIFY (sent in its transaction) reaches them.
@Injectable()
export class SlaConfigCache implements OnModuleInit {
  private snapshot: Promise<Snapshot> | null = null;
  private loadedAt = 0;

  constructor(
    private readonly dataSource: DataSource,
    private readonly notifications: PgNotifications,
    private readonly time: TimeSource,
  ) {}

  async onModuleInit(): Promise<void> {
    await this.notifications.subscribe(CHANNEL, () => this.invalidate());
  }

  // In the changing transaction: other processes hear of it when (and only if) it commits.
  static announce(manager: EntityManager): Promise<unknown> {
    return manager.query('SELECT pg_notify($1, $2)', [CHANNEL, '']);
  }

  invalidate(): void {
    this.snapshot = null;
  }

  // Inside a transaction, pass its manager: a reload then uses the transaction's connection
  // instead of waiting for another from a pool the waiting transactions may all be holding.
  async policies(manager?: EntityManager): Promise<SlaPolicyEntity[]> {
    return (await this.current(manager)).policies;
  }

  async calendar(id: string, manager?: EntityManager): Promise<BusinessCalendarEntity | undefined> {
    return (await this.current(manager)).calendars.get(id);
  }

  async defaultCalendar(manager?: EntityManager): Promise<BusinessCalendarEntity | null> {
    return (await this.current(manager)).defaultCalendar;
  }

  private current(manager: EntityManager = this.dataSource.manager): Promise<Snapshot> {
    // A clock moved back counts as stale too.
    const now = this.time.now().getTime();
    if (!this.snapshot || now < this.loadedAt || now - this.loadedAt > MAX_AGE_MS) {
      this.loadedAt = now;
      const loading = this.load(manager);
      // A failed load is not kept.
      loading.catch(() => {
        if (this.snapshot === loading) this.snapshot = null;
      });
      this.snapshot = loading;
    }
    return this.snapshot;
  }

  private async load(manager: EntityManager): Promise<Snapshot> {
    // One after the other: a transaction's connection runs one statement at a time anyway.
    const policies = await manager
      .getRepository(SlaPolicyEntity)
      .find({ order: { createdAt: 'ASC' } });
    const calendars = await manager.getRepository(BusinessCalendarEntity).find();
    return {
      policies,
      calendars: new Map(calendars.map((c) => [c.id, c])),
      defaultCalendar: calendars.find((c) => c.isDefault) ?? null,
    };
  }
}
