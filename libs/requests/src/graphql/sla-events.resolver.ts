import { Args, Field, ID, Int, ObjectType, Resolver, Subscription } from '@nestjs/graphql';
import { GraphqlContext, RequestLoaders, UuidPipe } from '@intradesk/core';
import { canSeeRequest } from '../access/requests.policy';
import { RequestEventsHub } from '../events/request-events.hub';
import { SlaEventMessage } from '../events/sla-events';
import { RequestsQueryService } from '../requests/requests-query.service';
import { RequestModel } from './request.model';

@ObjectType('SlaEvent', { description: 'A warning, breach or escalation the SLA worker recorded' })
export class SlaEventModel {
  @Field({ description: 'WARNING, BREACHED or ESCALATED' })
  kind: string;

  @Field({ description: 'FIRST_RESPONSE or RESOLUTION' })
  clockKind: string;

  @Field(() => Int, { description: 'Escalation rung 1-3; 0 otherwise' })
  rung: number;

  @Field(() => ID, { nullable: true, description: 'Who was told' })
  recipientId: string | null;

  @Field()
  occurredAt: Date;

  @Field(() => RequestModel)
  request: RequestModel;
}

@Resolver(() => SlaEventModel)
export class SlaEventsResolver {
  constructor(
    private readonly hub: RequestEventsHub,
    private readonly query: RequestsQueryService,
  ) {}

  @Subscription(() => SlaEventModel, {
    description: 'SLA warnings, breaches and escalations of requests the subscriber may see',
    filter: (
      event: SlaEventMessage,
      variables: { departmentId?: string | null },
      context: GraphqlContext,
    ) =>
      !!context.user &&
      canSeeRequest(context.user, event) &&
      (!variables.departmentId ||
        variables.departmentId === event.supplierId ||
        variables.departmentId === event.customerId),
    async resolve(
      this: SlaEventsResolver,
      event: SlaEventMessage,
      _v: unknown,
      context: GraphqlContext,
    ) {
      context.loaders = new RequestLoaders();
      const [request] = await this.query.findByIds([event.requestId]);
      return {
        ...event,
        occurredAt: new Date(event.occurredAt),
        request: RequestModel.from(request),
      };
    },
  })
  slaEvents(
    @Args('departmentId', { type: () => ID, nullable: true }, UuidPipe) _departmentId?: string,
  ) {
    return this.hub.slaEvents();
  }
}
