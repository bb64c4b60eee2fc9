import { Args, Query, Resolver } from '@nestjs/graphql';
import { AuthUser, CurrentUser } from '@intradesk/core';
import { SlaClockModel } from '@intradesk/sla';
import { AtRiskService } from '../at-risk/at-risk.service';
import { AtRiskClockModel } from './at-risk.model';
import { RequestModel } from './request.model';
import { AtRiskArgs } from './sla-watch.args';

@Resolver(() => AtRiskClockModel)
export class AtRiskResolver {
  constructor(private readonly atRisk: AtRiskService) {}

  @Query(() => [AtRiskClockModel], {
    description:
      'Running clocks of a supplier due within the window or already breached, soonest first',
  })
  async atRiskRequests(
    @CurrentUser() user: AuthUser,
    @Args() { supplierId, withinMinutes, first }: AtRiskArgs,
  ): Promise<AtRiskClockModel[]> {
    const clocks = await this.atRisk.list(user, supplierId, withinMinutes, first);
    return clocks.map((c) => ({
      clock: SlaClockModel.from(c.clock, c.view),
      request: RequestModel.from(c.request),
    }));
  }
}
