import { Args, ID, Int, Query, Resolver } from '@nestjs/graphql';
import {
  AuthUser,
  Clock,
  CurrentUser,
  DomainException,
  ErrorReason,
  UuidPipe,
} from '@intradesk/core';
import { CalendarsService, ClocksService, SlaClockModel, viewClock } from '@intradesk/sla';
import { DataSource } from 'typeorm';
import { RequestsQueryService } from '../requests/requests-query.service';
import { AtRiskClockModel } from './at-risk.model';
import { RequestModel } from './request.model';

const MAX_WINDOW_MINUTES = 366 * 1440;

@Resolver(() => AtRiskClockModel)
export class AtRiskResolver {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clocks: ClocksService,
    private readonly calendars: CalendarsService,
    private readonly requests: RequestsQueryService,
    private readonly clock: Clock,
  ) {}

  @Query(() => [AtRiskClockModel], {
    description:
      'Running clocks of a supplier due within the window or already breached, soonest first',
  })
  async atRiskRequests(
    @CurrentUser() user: AuthUser,
    @Args('supplierId', { type: () => ID }, UuidPipe) supplierId: string,
    @Args('withinMinutes', { type: () => Int }) withinMinutes: number,
    @Args('first', { type: () => Int, nullable: true, defaultValue: 50 }) first: number,
  ): Promise<AtRiskClockModel[]> {
    if (user.role !== 'OPS' && user.role !== 'ADMIN' && user.departmentId !== supplierId) {
      throw DomainException.forbidden(
        "Only the supplier's own members, operations and admins watch its clocks",
      ).because(ErrorReason.NOT_OWN_DEPARTMENT);
    }
    if (withinMinutes < 0 || withinMinutes > MAX_WINDOW_MINUTES) {
      throw DomainException.badInput(`withinMinutes must be between 0 and ${MAX_WINDOW_MINUTES}`, [
        'withinMinutes',
      ]);
    }
    if (first < 1 || first > 100)
      throw DomainException.badInput('first must be between 1 and 100', ['first']);
    const now = this.clock.now();
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
    const requestById = new Map(requests.map((r) => [r.id, RequestModel.from(r)]));
    const calendarById = new Map(calendars.map((c) => [c.id, c]));
    return due.map((c) => ({
      clock: SlaClockModel.from(c, viewClock(c, this.calendars.mathForClock(calendarById, c), now)),
      request: requestById.get(c.requestId)!,
    }));
  }
}
