import { Injectable } from '@nestjs/common';
import { Clock, LoaderFactory } from '@intradesk/core';
import DataLoader from 'dataloader';
import { DataSource } from 'typeorm';
import { CalendarsService } from '../calendars/calendars.service';
import { viewClock } from '../clocks/clock-view';
import { ClocksService } from '../clocks/clocks.service';
import { SlaClockKind } from '../clocks/sla-clock.entity';
import { PoliciesService } from '../policies/policies.service';
import { RequestSlaModel, SlaClockModel } from './sla-clock.model';
import { SlaPolicyModel } from './sla-policy.model';

export interface SlaLoaders {
  // The clocks of a request, as of now; null when no policy applied.
  slaByRequestId: DataLoader<string, RequestSlaModel | null>;
}

@Injectable()
export class SlaLoaderFactory implements LoaderFactory<SlaLoaders> {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clocks: ClocksService,
    private readonly policies: PoliciesService,
    private readonly calendars: CalendarsService,
    private readonly clock: Clock,
  ) {}

  create(): SlaLoaders {
    return {
      // Three statements for any number of requests: clocks, their policies, their calendars.
      slaByRequestId: new DataLoader(async (requestIds) => {
        const clocks = await this.clocks.clocksOf(this.dataSource.manager, requestIds);
        const ids = (pick: (c: (typeof clocks)[number]) => string) => [
          ...new Set(clocks.map(pick)),
        ];
        const [policies, calendars] = clocks.length
          ? await Promise.all([
              this.policies.findByIds(ids((c) => c.policyId)),
              this.calendars.findByIds([
                ...new Set(
                  clocks.flatMap((c) => [c.calendarId, c.secondCalendarId ?? c.calendarId]),
                ),
              ]),
            ])
          : [[], []];
        const policyById = new Map(policies.map((p) => [p.id, SlaPolicyModel.from(p)]));
        const calendarById = new Map(calendars.map((c) => [c.id, c]));
        const now = this.clock.now();
        return requestIds.map((requestId) => {
          const own = clocks.filter((c) => c.requestId === requestId);
          const first = own.find((c) => c.kind === SlaClockKind.FIRST_RESPONSE);
          const resolution = own.find((c) => c.kind === SlaClockKind.RESOLUTION);
          if (!first || !resolution) return null;
          const model = (c: typeof first) =>
            SlaClockModel.from(c, viewClock(c, this.calendars.mathForClock(calendarById, c), now));
          return {
            firstResponse: model(first),
            resolution: model(resolution),
            policy: policyById.get(resolution.policyId)!,
          };
        });
      }),
    };
  }
}
