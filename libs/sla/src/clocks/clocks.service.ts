import { Injectable } from '@nestjs/common';
import { AppConfig } from '@intradesk/core';
import { EntityManager, In, IsNull, LessThanOrEqual, Not } from 'typeorm';
import { BusinessCalendarEntity } from '../calendars/business-calendar.entity';
import { CalendarsService } from '../calendars/calendars.service';
import { CalendarMode } from '../policies/calendar-mode.enum';
import { RequestTraits, selectPolicy } from '../policies/policy-selection';
import { SlaPolicyEntity } from '../policies/sla-policy.entity';
import { WorkingTime } from '../calendar/year-timeline';
import { CalendarError } from '../calendar/calendar.errors';
import { nextCheckAt } from './clock-schedule';
import { ClockStore, DatabaseClockStore } from './clock-store';
import { SlaConfigCache } from '../config-cache/sla-config-cache';
import { SlaClockEntity, SlaClockKind } from './sla-clock.entity';

const MINUTE = 60_000;

// A transaction's manager (live changes) or a store (imports).
export type ClockTarget = EntityManager | ClockStore;

// What the clocks need to know of a request.
export interface ClockSubject extends RequestTraits {
  id: string;
  // The departments' own calendars when the caller has them at hand (saves reading them again).
  departmentCalendarIds?: ReadonlyMap<string, string | null>;
}

// Starts, pauses, resumes, stops and re-targets a request's SLA clocks. Every method runs in
// the caller's transaction, so a request change and its clocks commit together.
@Injectable()
export class ClocksService {
  constructor(
    private readonly calendars: CalendarsService,
    private readonly config: AppConfig,
    private readonly cache: SlaConfigCache,
  ) {}

  private get escalationDelayMs(): number {
    return this.config.ESCALATION_DELAY_MINUTES * MINUTE;
  }

  // Due and warning instants of a clock running from `from` with `elapsedMs` already used.
  private deadlines(
    math: WorkingTime,
    from: Date,
    elapsedMs: number,
    targetMinutes: number,
    warnAtPercent: number,
  ) {
    const target = targetMinutes * MINUTE;
    const warnMs = Math.floor((target * warnAtPercent) / 100);
    return {
      dueAt: new Date(math.dueAt(from.getTime(), Math.max(0, target - elapsedMs))),
      warnAt: elapsedMs < warnMs ? new Date(math.dueAt(from.getTime(), warnMs - elapsedMs)) : null,
    };
  }

  // Both clocks start when the request is created, under the most specific matching policy.
  async start(target: ClockTarget, subject: ClockSubject, at: Date): Promise<void> {
    const store = this.storeOf(target);
    const policy = await this.policyFor(store, subject);
    if (!policy) return;
    const { calendar, second, math } = await this.countingCalendars(store, policy, subject);
    const clocks = [
      [SlaClockKind.FIRST_RESPONSE, policy.firstResponseMinutes],
      [SlaClockKind.RESOLUTION, policy.resolutionMinutes],
    ] as const;
    const rows = clocks.map(([kind, targetMinutes]) => {
      const row = {
        requestId: subject.id,
        supplierId: subject.supplierId,
        kind,
        policyId: policy.id,
        calendarId: calendar.id,
        secondCalendarId: second?.id ?? null,
        targetMinutes,
        warnAtPercent: policy.warnAtPercent,
        elapsedMs: 0,
        runningSince: at,
        startedAt: at,
        stoppedAt: null,
        cancelledAt: null,
        warnedAt: null,
        breachedAt: null,
        breachRecordedAt: null,
        escalationRung: 0,
        ...this.deadlines(math, at, 0, targetMinutes, policy.warnAtPercent),
      };
      return { ...row, nextCheckAt: nextCheckAt(row, this.escalationDelayMs) };
    });
    await store.insert(rows);
  }

  // The policy and due times a request like `subject` filed at `at` would get: the same matching
  // and calendar math as start(), nothing written. Null when no policy applies.
  async preview(
    manager: EntityManager,
    subject: Omit<ClockSubject, 'id'>,
    at: Date,
  ): Promise<{ policy: SlaPolicyEntity; firstResponseDueAt: Date; resolutionDueAt: Date } | null> {
    const store = this.storeOf(manager);
    const policy = await this.policyFor(store, subject);
    if (!policy) return null;
    const { math } = await this.countingCalendars(store, policy, subject);
    const due = (minutes: number) =>
      this.deadlines(math, at, 0, minutes, policy.warnAtPercent).dueAt;
    return {
      policy,
      firstResponseDueAt: due(policy.firstResponseMinutes),
      resolutionDueAt: due(policy.resolutionMinutes),
    };
  }

  // Stops a running or paused clock (first response given, request resolved).
  async stop(target: ClockTarget, requestId: string, kind: SlaClockKind, at: Date): Promise<void> {
    const store = this.storeOf(target);
    const clock = await store.find(requestId, kind);
    if (!clock || clock.stoppedAt || clock.cancelledAt) return;
    await this.save(store, clock, { ...(await this.halted(store, clock, at)), stoppedAt: at });
  }

  // While waiting on the customer.
  async pause(target: ClockTarget, requestId: string, kind: SlaClockKind, at: Date): Promise<void> {
    const store = this.storeOf(target);
    const clock = await store.find(requestId, kind);
    if (!clock || !clock.runningSince || clock.stoppedAt || clock.cancelledAt) return;
    await this.save(store, clock, await this.halted(store, clock, at));
  }

  // After waiting on the customer, or when a resolved request is reopened: elapsed time is kept.
  async resume(
    target: ClockTarget,
    requestId: string,
    kind: SlaClockKind,
    at: Date,
  ): Promise<void> {
    const store = this.storeOf(target);
    const clock = await store.find(requestId, kind);
    if (!clock || clock.runningSince || clock.cancelledAt) return;
    const math = await this.mathOf(store, clock);
    await this.save(store, clock, {
      runningSince: at,
      stoppedAt: null,
      ...this.deadlines(math, at, clock.elapsedMs, clock.targetMinutes, clock.warnAtPercent),
    });
  }

  // With the request: clocks not yet stopped are cancelled.
  async cancel(target: ClockTarget, requestId: string, at: Date): Promise<void> {
    const store = this.storeOf(target);
    for (const clock of await store.unstopped(requestId)) {
      await this.save(store, clock, {
        ...(await this.halted(store, clock, at)),
        cancelledAt: at,
      });
    }
  }

  // A priority change: clocks not yet stopped take the targets of the policy that now matches.
  async retarget(target: ClockTarget, subject: ClockSubject, at: Date): Promise<void> {
    const store = this.storeOf(target);
    const policy = await this.policyFor(store, subject);
    if (!policy) return;
    await this.followPolicy(store, await store.unstopped(subject.id), policy, at);
  }

  // A policy's targets changed: its clocks not yet stopped follow.
  async applyPolicyTargets(
    manager: EntityManager,
    policy: SlaPolicyEntity,
    at: Date,
  ): Promise<void> {
    const clocks = await manager
      .getRepository(SlaClockEntity)
      .findBy({ policyId: policy.id, stoppedAt: IsNull(), cancelledAt: IsNull() });
    await this.followPolicy(this.storeOf(manager, false), clocks, policy, at);
  }

  // A calendar changed: due dates of the running clocks that count in it are computed again.
  async recomputeForCalendar(
    manager: EntityManager,
    calendar: BusinessCalendarEntity,
  ): Promise<number> {
    const clocks = await manager.getRepository(SlaClockEntity).find({
      where: [
        { calendarId: calendar.id, runningSince: Not(IsNull()) },
        { secondCalendarId: calendar.id, runningSince: Not(IsNull()) },
      ],
    });
    const store = this.storeOf(manager, false);
    for (const clock of clocks) {
      const math = await this.mathOf(store, clock);
      await this.save(
        store,
        clock,
        this.deadlines(
          math,
          clock.runningSince!,
          clock.elapsedMs,
          clock.targetMinutes,
          clock.warnAtPercent,
        ),
      );
    }
    return clocks.length;
  }

  // Running clocks of a supplier due by `until` (breached ones included), soonest first.
  dueBy(
    manager: EntityManager,
    supplierId: string,
    until: Date,
    limit: number,
  ): Promise<SlaClockEntity[]> {
    return manager.getRepository(SlaClockEntity).find({
      where: { supplierId, runningSince: Not(IsNull()), dueAt: LessThanOrEqual(until) },
      order: { dueAt: 'ASC', id: 'ASC' },
      take: limit,
    });
  }

  clocksOf(manager: EntityManager, requestIds: readonly string[]): Promise<SlaClockEntity[]> {
    return manager.getRepository(SlaClockEntity).findBy({ requestId: In([...requestIds]) });
  }

  // Clocks not yet stopped take a policy's targets (elapsed time kept).
  private async followPolicy(
    store: ClockStore,
    clocks: SlaClockEntity[],
    policy: SlaPolicyEntity,
    at: Date,
  ) {
    for (const clock of clocks) {
      const target =
        clock.kind === SlaClockKind.FIRST_RESPONSE
          ? policy.firstResponseMinutes
          : policy.resolutionMinutes;
      await this.retargetClock(store, clock, policy.id, target, at);
    }
  }

  private async retargetClock(
    store: ClockStore,
    clock: SlaClockEntity,
    policyId: string,
    target: number,
    at: Date,
  ) {
    if (clock.targetMinutes === target && clock.policyId === policyId) return;
    const changes: Partial<SlaClockEntity> = { policyId, targetMinutes: target };
    if (clock.runningSince) {
      // Bring elapsed time up to now, then count the rest of the new target from now.
      const halted = await this.halted(store, { ...clock, targetMinutes: target }, at);
      const math = await this.mathOf(store, clock);
      Object.assign(changes, halted, {
        runningSince: at,
        ...this.deadlines(math, at, halted.elapsedMs!, target, clock.warnAtPercent),
      });
    }
    await this.save(store, clock, changes);
  }

  // The clock brought up to `at` and halted: elapsed working time added, breach recorded.
  private async halted(
    store: ClockStore,
    clock: SlaClockEntity,
    at: Date,
  ): Promise<Partial<SlaClockEntity>> {
    if (!clock.runningSince) return {};
    const math = await this.mathOf(store, clock);
    const elapsedMs = clock.elapsedMs + math.workingMs(clock.runningSince.getTime(), at.getTime());
    const target = clock.targetMinutes * MINUTE;
    const breachedAt =
      clock.breachedAt ??
      (elapsedMs > target
        ? new Date(math.dueAt(clock.runningSince.getTime(), target - clock.elapsedMs))
        : null);
    return { elapsedMs, runningSince: null, dueAt: null, warnAt: null, breachedAt };
  }

  private async save(
    store: ClockStore,
    clock: SlaClockEntity,
    changes: Partial<SlaClockEntity>,
  ): Promise<void> {
    if (Object.keys(changes).length === 0) return;
    const scheduled = {
      ...changes,
      nextCheckAt: nextCheckAt({ ...clock, ...changes }, this.escalationDelayMs),
    };
    await store.update(clock, scheduled);
    Object.assign(clock, scheduled);
  }

  private async policyFor(
    store: ClockStore,
    subject: RequestTraits,
  ): Promise<SlaPolicyEntity | null> {
    return selectPolicy(await store.activePolicies(subject.supplierId), subject);
  }

  // The calendar(s) a new clock counts in: the policy's own, else the supplier's or the customer's
  // (each its own or the organisation default); with BOTH, the time common to both.
  private async countingCalendars(
    store: ClockStore,
    policy: SlaPolicyEntity,
    subject: Omit<ClockSubject, 'id'>,
  ) {
    if (policy.calendarId) {
      const calendar = await store.calendar(policy.calendarId);
      return { calendar, second: null, math: this.calendars.math(calendar) };
    }
    const ofDepartment = (id: string) => {
      const known = subject.departmentCalendarIds;
      return known?.has(id)
        ? store.calendarOrDefault(known.get(id) ?? null)
        : store.departmentCalendar(id);
    };
    const supplier = await ofDepartment(subject.supplierId);
    if (policy.calendarMode === CalendarMode.SUPPLIER) {
      return { calendar: supplier, second: null, math: this.calendars.math(supplier) };
    }
    const customer = await ofDepartment(subject.customerId);
    if (policy.calendarMode === CalendarMode.CUSTOMER) {
      return { calendar: customer, second: null, math: this.calendars.math(customer) };
    }
    try {
      return {
        calendar: supplier,
        second: customer,
        math: this.calendars.mathFor(supplier, customer),
      };
    } catch (error) {
      if (!(error instanceof CalendarError)) throw error;
      // No common working time: count in the supplier's, rather than refuse the request.
      return { calendar: supplier, second: null, math: this.calendars.math(supplier) };
    }
  }

  private async mathOf(store: ClockStore, clock: SlaClockEntity): Promise<WorkingTime> {
    const ids = [clock.calendarId, ...(clock.secondCalendarId ? [clock.secondCalendarId] : [])];
    const calendars = new Map((await store.calendars(ids)).map((c) => [c.id, c]));
    return this.calendars.mathForClock(calendars, clock);
  }

  // Request changes read policies and calendars from the cache; policy and calendar changes
  // (uncached) see their own uncommitted writes.
  private storeOf(target: ClockTarget, cached = true): ClockStore {
    return target instanceof EntityManager
      ? new DatabaseClockStore(target, this.calendars, cached ? this.cache : null)
      : target;
  }
}
