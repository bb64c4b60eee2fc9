import { Injectable } from '@nestjs/common';
import { AppConfig, TimeSource } from '@intradesk/core';
import {
  NotificationKind,
  NotificationsService,
  writeWebhookOutbox,
} from '@intradesk/notifications';
import { DepartmentEntity } from '@intradesk/organization';
import {
  ESCALATION_RUNGS,
  escalationRecipient,
  escalationTime,
  nextCheckAt,
  SlaClockEntity,
  SlaClockKind,
  SlaEventEntity,
  SlaEventKind,
} from '@intradesk/sla';
import { JobQueue } from '@intradesk/db';
import { DataSource, EntityManager, In } from 'typeorm';
import { publishSlaEvent } from '../events/sla-events';
import { RequestEntity } from '../requests/request.entity';

const BATCH = 100;
const MINUTE = 60_000;

interface PendingEvent {
  kind: SlaEventKind;
  rung: number;
  recipientId: string | null;
  occurredAt: Date;
}

// The SLA worker: warnings at each clock's warning time, breaches at its due time, and the
// escalation ladder after. It claims due clocks with FOR UPDATE SKIP LOCKED, so any number of
// worker processes share the work, and records each event with the clock's new schedule in one
// transaction (plus a unique key), so every event happens exactly once, even after a crash.
// Scheduled on the job queue: one scan at a time across the worker processes, retried with
// backoff when it fails.
@Injectable()
export class BreachScanJob {
  constructor(
    private readonly dataSource: DataSource,
    private readonly time: TimeSource,
    private readonly config: AppConfig,
    private readonly notifications: NotificationsService,
    private readonly jobs: JobQueue,
  ) {}

  // Every WORKER_POLL_SECONDS, and once now.
  start(): Promise<void> {
    return this.jobs.schedule({
      name: 'sla-breach-scan',
      everySeconds: this.config.WORKER_POLL_SECONDS,
      run: () => this.runUntilIdle(),
    });
  }

  // Works batches until nothing is due.
  async runUntilIdle(): Promise<number> {
    let total = 0;
    for (;;) {
      const handled = await this.runOnce();
      total += handled;
      if (handled < BATCH) return total;
    }
  }

  // One batch of due clocks, in one transaction. Returns how many clocks it handled.
  async runOnce(): Promise<number> {
    const now = this.time.now();
    return this.dataSource.transaction(async (manager) => {
      const clocks = await manager
        .getRepository(SlaClockEntity)
        .createQueryBuilder('c')
        .where('c.next_check_at <= :now', { now })
        .orderBy('c.next_check_at', 'ASC')
        .limit(BATCH)
        .setLock('pessimistic_write')
        .setOnLocked('skip_locked')
        .getMany();
      if (clocks.length === 0) return 0;
      const requests = new Map(
        (
          await manager
            .getRepository(RequestEntity)
            .findBy({ id: In(clocks.map((c) => c.requestId)) })
        ).map((r) => [r.id, r]),
      );
      const departments = await this.departmentsAround(manager, [...requests.values()]);
      for (const clock of clocks) {
        await this.handle(manager, clock, requests.get(clock.requestId)!, departments, now);
      }
      return clocks.length;
    });
  }

  private async handle(
    manager: EntityManager,
    clock: SlaClockEntity,
    request: RequestEntity,
    departments: Map<string, DepartmentEntity>,
    now: Date,
  ): Promise<void> {
    const supplier = departments.get(request.supplierId)!;
    const customer = departments.get(request.customerId)!;
    const delayMs = this.config.ESCALATION_DELAY_MINUTES * MINUTE;
    const events: PendingEvent[] = [];
    const changes: Partial<SlaClockEntity> = {};

    if (!clock.warnedAt && !clock.breachRecordedAt && clock.warnAt && clock.warnAt <= now) {
      events.push({
        kind: SlaEventKind.WARNING,
        rung: 0,
        recipientId: request.assigneeId ?? supplier.leadId,
        occurredAt: clock.warnAt,
      });
      changes.warnedAt = now;
    }
    if (!clock.breachRecordedAt && clock.dueAt && clock.dueAt < now) {
      events.push({
        kind: SlaEventKind.BREACHED,
        rung: 0,
        recipientId: null,
        occurredAt: clock.dueAt,
      });
      changes.breachRecordedAt = now;
      changes.breachedAt = clock.breachedAt ?? clock.dueAt;
    }
    const breachedAt = changes.breachedAt ?? clock.breachedAt;
    if ((changes.breachRecordedAt ?? clock.breachRecordedAt) && breachedAt) {
      const ladder = {
        assigneeId: request.assigneeId,
        supplier,
        customer,
        leadOf: (id: string) => departments.get(id)?.leadId ?? null,
      };
      let rung = clock.escalationRung;
      while (rung < ESCALATION_RUNGS && escalationTime(breachedAt, rung + 1, delayMs) <= now) {
        rung++;
        events.push({
          kind: SlaEventKind.ESCALATED,
          rung,
          recipientId: escalationRecipient(rung, ladder),
          occurredAt: escalationTime(breachedAt, rung, delayMs),
        });
      }
      changes.escalationRung = rung;
    }

    const recorded = events.length
      ? ((
          await manager
            .createQueryBuilder()
            .insert()
            .into(SlaEventEntity)
            .values(
              events.map((e) => ({
                ...e,
                clockId: clock.id,
                requestId: request.id,
                recordedAt: now,
              })),
            )
            .orIgnore()
            .returning(['kind', 'rung'])
            .execute()
        ).raw as { kind: SlaEventKind; rung: number }[])
      : [];
    for (const event of events) {
      if (!recorded.some((r) => r.kind === event.kind && r.rung === event.rung)) continue;
      await publishSlaEvent(manager, {
        requestId: request.id,
        supplierId: request.supplierId,
        customerId: request.customerId,
        kind: event.kind,
        clockKind: clock.kind,
        rung: event.rung,
        recipientId: event.recipientId,
        occurredAt: event.occurredAt.toISOString(),
      });
      await writeWebhookOutbox(manager, [
        {
          departmentIds: [request.supplierId],
          event: `sla.${event.kind.toLowerCase()}`,
          payload: {
            request: request.number,
            requestId: request.id,
            title: request.title,
            clock: clock.kind,
            rung: event.rung,
            occurredAt: event.occurredAt.toISOString(),
            recipientId: event.recipientId,
          },
          at: now,
        },
      ]);
      if (!event.recipientId) continue;
      await this.notifications.add(manager, {
        userId: event.recipientId,
        kind: `SLA_${event.kind}` as NotificationKind,
        message: this.message(request, clock, event, breachedAt),
        requestId: request.id,
        createdAt: now,
        params: { clock: clock.kind, dueAt: clock.dueAt?.toISOString() ?? null },
      });
    }
    const next = nextCheckAt({ ...clock, ...changes }, delayMs);
    await manager
      .getRepository(SlaClockEntity)
      .update({ id: clock.id }, { ...changes, nextCheckAt: next });
  }

  private message(
    request: RequestEntity,
    clock: SlaClockEntity,
    event: PendingEvent,
    breachedAt: Date | null,
  ): string {
    const what = clock.kind === SlaClockKind.FIRST_RESPONSE ? 'first response' : 'resolution';
    const subject = `${request.number} "${request.title.slice(0, 120)}"`;
    switch (event.kind) {
      case SlaEventKind.WARNING:
        return `${subject}: ${what} is due at ${clock.dueAt?.toISOString()} (${clock.warnAtPercent}% of the target used)`;
      case SlaEventKind.ESCALATED:
        return `${subject}: ${what} target missed at ${(breachedAt ?? event.occurredAt).toISOString()} (escalation ${event.rung} of ${ESCALATION_RUNGS})`;
      default:
        return `${subject}: ${what} target missed`;
    }
  }

  // The requests' departments and every ancestor of them (for the leads up the ladder).
  private async departmentsAround(
    manager: EntityManager,
    requests: RequestEntity[],
  ): Promise<Map<string, DepartmentEntity>> {
    const direct = await manager
      .getRepository(DepartmentEntity)
      .findBy({ id: In([...new Set(requests.flatMap((r) => [r.supplierId, r.customerId]))]) });
    const all = new Set(direct.flatMap((d) => d.path));
    const rows = await manager.getRepository(DepartmentEntity).findBy({ id: In([...all]) });
    return new Map(rows.map((d) => [d.id, d]));
  }
}
