import { Injectable } from '@nestjs/common';
import { TimeSource, LoaderFactory } from '@intradesk/core';
import DataLoader from 'dataloader';
import { DataSource } from 'typeorm';
import { BusinessCalendarEntity } from '../calendars/business-calendar.entity';
import { CalendarsService } from '../calendars/calendars.service';
import { SlaConfigCache } from '../config-cache/sla-config-cache';
import { SlaPolicyEntity } from '../policies/sla-policy.entity';
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
    private readonly time: TimeSource,
    private readonly cache: SlaConfigCache,
  ) {}

  private async policiesOf(ids: string[]): Promise<SlaPolicyEntity[]> {
    const wanted = new Set(ids);
    const cached = (await this.cache.policies()).filter((p) => wanted.has(p.id));
    return cached.length === wanted.size ? cached : this.policies.findByIds(ids);
  }

  private async calendarsOf(ids: string[]): Promise<BusinessCalendarEntity[]> {
    const cached = await Promise.all(ids.map((id) => this.cache.calendar(id)));
    return cached.every((c) => c !== undefined)
      ? (cached as BusinessCalendarEntity[])
      : this.calendars.findByIds(ids);
  }

  create(): SlaLoaders {
    return {
      // One statement for any number of requests (the clocks); their policies and calendars
      // come from the process's configuration cache (the database only for one it lacks).
      slaByRequestId: new DataLoader(async (requestIds) => {
        const clocks = await this.clocks.clocksOf(this.dataSource.manager, requestIds);
        const policyIds = [...new Set(clocks.map((c) => c.policyId))];
        const calendarIds = [
          ...new Set(clocks.flatMap((c) => [c.calendarId, c.secondCalendarId ?? c.calendarId])),
        ];
        const [policies, calendars] = clocks.length
          ? await Promise.all([this.policiesOf(policyIds), this.calendarsOf(calendarIds)])
          : [[], []];
        const policyById = new Map(policies.map((p) => [p.id, SlaPolicyModel.from(p)]));
        const calendarById = new Map(calendars.map((c) => [c.id, c]));
        const now = this.time.now();
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
