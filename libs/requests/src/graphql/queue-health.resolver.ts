import { Args, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { AuthUser, CurrentUser, DomainException, Loaders, RequestLoaders } from '@intradesk/core';
import { DepartmentModel, OrganizationLoaderFactory, UserModel } from '@intradesk/organization';
import { SlaClockKind } from '@intradesk/sla';
import { QueueHealthService } from '../queue-health/queue-health.service';
import {
  AgentWorkloadModel,
  DepartmentQueueHealthModel,
  EscalationModel,
} from './queue-health.model';
import { RequestModel } from './request.model';
import { EscalationsArgs, QueueHealthArgs } from './sla-watch.args';

@Resolver(() => DepartmentQueueHealthModel)
export class QueueHealthResolver {
  constructor(
    private readonly health: QueueHealthService,
    private readonly loaderFactory: OrganizationLoaderFactory,
  ) {}

  @Query(() => DepartmentQueueHealthModel, {
    description:
      "A supplier department's queue: open, unassigned, at risk and breached requests and each agent's share (its lead, operations, admins)",
  })
  async departmentQueueHealth(
    @CurrentUser() user: AuthUser,
    @Args() { departmentId, withinMinutes }: QueueHealthArgs,
  ): Promise<DepartmentQueueHealthModel> {
    const health = await this.health.health(user, departmentId, withinMinutes);
    if (!health) throw DomainException.notFound('No such department');
    return { ...health, departmentId, withinMinutes };
  }

  @ResolveField(() => DepartmentModel)
  department(@Parent() health: DepartmentQueueHealthModel, @Loaders() loaders: RequestLoaders) {
    return loaders.get(this.loaderFactory).departmentById.load(health.departmentId);
  }

  @Query(() => [EscalationModel], {
    description:
      "SLA escalations the department's leads received, newest first (its lead, operations, admins)",
  })
  async escalationsReceived(
    @CurrentUser() user: AuthUser,
    @Args() { departmentId, first }: EscalationsArgs,
  ): Promise<EscalationModel[]> {
    const received = await this.health.escalationsReceived(user, departmentId, first);
    return received.map((e) => ({
      ...e,
      clockKind: e.clockKind as SlaClockKind,
      request: RequestModel.from(e.request),
    }));
  }
}

@Resolver(() => AgentWorkloadModel)
export class AgentWorkloadResolver {
  constructor(private readonly loaderFactory: OrganizationLoaderFactory) {}

  @ResolveField(() => UserModel)
  agent(@Parent() row: AgentWorkloadModel, @Loaders() loaders: RequestLoaders) {
    return loaders.get(this.loaderFactory).userById.load(row.userId);
  }
}
