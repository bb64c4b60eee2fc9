import { Injectable } from '@nestjs/common';
import { AuthUser, DomainException, ErrorReason, TimeSource } from '@intradesk/core';
import {
  CalendarsService,
  ClocksService,
  ClockView,
  SlaClockEntity,
  viewClock,
} from '@intradesk/sla';
import { DataSource } from 'typeorm';
import { mayWatchClocksOf } from '../access/requests.policy';
import { RequestEntity } from '../requests/request.entity';
import { RequestsQueryService } from '../requests/requests-query.service';

export interface AtRiskClock {
  clock: SlaClockEntity;
  view: ClockView;
  request: RequestEntity;
}

// A supplier's running clocks due within a window (or already past due), soonest first, each
// with its request and its view as of now.
@Injectable()
export class AtRiskService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clocks: ClocksService,
    private readonly calendars: CalendarsService,
    private readonly requests: RequestsQueryService,
    private readonly time: TimeSource,
  ) {}

  async list(
    user: AuthUser,
    supplierId: string,
    withinMinutes: number,
    first: number,
  ): Promise<AtRiskClock[]> {
    if (!mayWatchClocksOf(user, supplierId)) {
      throw DomainException.forbidden(
        "Only the supplier's own members, operations and admins watch its clocks",
      ).because(ErrorReason.NOT_OWN_DEPARTMENT);
    }
    const now = this.time.now();
    const due = await this.clocks.dueBy(
      this.dataSource.manager,
      supplierId,
      new Date(now.getTime() + withinMinutes * 60_000),
      first,
    );
    if (due.length === 0) return [];
    const [requests, calendars] = await Promise.all([
      this.requests.findByIds(due.map((c) => c.requestId)),
      this.calendars.findByIds([
        ...new Set(due.flatMap((c) => [c.calendarId, c.secondCalendarId ?? c.calendarId])),
      ]),
    ]);
    const requestById = new Map(requests.map((r) => [r.id, r]));
    const calendarById = new Map(calendars.map((c) => [c.id, c]));
    return due.map((c) => ({
      clock: c,
      view: viewClock(c, this.calendars.mathForClock(calendarById, c), now),
      request: requestById.get(c.requestId)!,
    }));
  }
}
