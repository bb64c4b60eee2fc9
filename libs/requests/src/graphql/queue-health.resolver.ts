import { Args, ID, Int, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import {
  AuthUser,
  Clock,
  CurrentUser,
  DomainException,
  ErrorReason,
  Loaders,
  RequestLoaders,
  UuidPipe,
} from '@intradesk/core';
import { DepartmentModel, OrganizationLoaderFactory, UserModel } from '@intradesk/organization';
import { SlaClockKind } from '@intradesk/sla';
import { canSeeRequest } from '../access/request-access';
import { QueueHealthService } from '../queue-health/queue-health.service';
import { RequestsQueryService } from '../requests/requests-query.service';
import {
  AgentWorkloadModel,
  DepartmentQueueHealthModel,
  EscalationModel,
} from './queue-health.model';
import { RequestModel } from './request.model';

const MAX_WINDOW_MINUTES = 366 * 1440;

// The team lead's view: their own department's; operations and admins: any department's.
function assertWatches(user: AuthUser, departmentId: string): void {
  if (user.role === 'OPS' || user.role === 'ADMIN') return;
  if (user.role === 'LEAD' && user.departmentId === departmentId) return;
  throw DomainException.forbidden(
    "Only the department's lead, operations and admins watch its queue",
  ).because(ErrorReason.NOT_OWN_DEPARTMENT);
}

@Resolver(() => DepartmentQueueHealthModel)
export class QueueHealthResolver {
  constructor(
    private readonly health: QueueHealthService,
    private readonly requests: RequestsQueryService,
    private readonly loaderFactory: OrganizationLoaderFactory,
    private readonly clock: Clock,
  ) {}

  @Query(() => DepartmentQueueHealthModel, {
    description:
      "A supplier department's queue: open, unassigned, at risk and breached requests and each agent's share (its lead, operations, admins)",
  })
  async departmentQueueHealth(
    @CurrentUser() user: AuthUser,
    @Args('departmentId', { type: () => ID }, UuidPipe) departmentId: string,
    @Args('withinMinutes', { type: () => Int, defaultValue: 240 }) withinMinutes: number,
  ): Promise<DepartmentQueueHealthModel> {
    assertWatches(user, departmentId);
    if (withinMinutes < 0 || withinMinutes > MAX_WINDOW_MINUTES) {
      throw DomainException.badInput(`withinMinutes must be between 0 and ${MAX_WINDOW_MINUTES}`, [
        'withinMinutes',
      ]);
    }
    const now = this.clock.now();
    const health = await this.health.health(
      departmentId,
      now,
      new Date(now.getTime() + withinMinutes * 60_000),
    );
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
    @Args('departmentId', { type: () => ID }, UuidPipe) departmentId: string,
    @Args('first', { type: () => Int, defaultValue: 20 }) first: number,
  ): Promise<EscalationModel[]> {
    assertWatches(user, departmentId);
    if (first < 1 || first > 100)
      throw DomainException.badInput('first must be between 1 and 100', ['first']);
    const rows = await this.health.escalationsReceived(departmentId, first);
    if (rows.length === 0) return [];
    const requests = await this.requests.findByIds([...new Set(rows.map((r) => r.requestId))]);
    const byId = new Map(requests.map((r) => [r.id, r]));
    // A rung-3 lead may sit above both sides: only what the caller may open is listed.
    return rows.flatMap((r) => {
      const request = byId.get(r.requestId);
      if (!request || !canSeeRequest(user, request)) return [];
      return [
        {
          clockKind: r.clockKind as SlaClockKind,
          rung: r.rung,
          recipientId: r.recipientId,
          occurredAt: r.occurredAt,
          request: RequestModel.from(request),
        },
      ];
    });
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
