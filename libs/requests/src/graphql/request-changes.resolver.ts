import { Args, ID, Resolver, Subscription } from '@nestjs/graphql';
import { GraphqlContext, RequestLoaders, UuidPipe } from '@intradesk/core';
import { canSeeRequest, seesInternalNotes } from '../access/requests.policy';
import { RequestChangedEvent } from '../events/request-events';
import { RequestEventsHub } from '../events/request-events.hub';
import { RequestEntity } from '../requests/request.entity';
import { RequestsQueryService } from '../requests/requests-query.service';
import { RequestChangeModel } from './request-change.model';
import { RequestModel } from './request.model';

interface Variables {
  departmentId?: string | null;
}

// Same visibility as the queries: the two departments (internal notes: the supplier only),
// operations and administrators; optionally narrowed to one department's queue.
function deliverable(
  event: RequestChangedEvent,
  variables: Variables,
  context: GraphqlContext,
): boolean {
  const user = context.user;
  if (!user || !canSeeRequest(user, event)) return false;
  if (event.internal && !seesInternalNotes(user, event)) return false;
  const department = variables.departmentId;
  return !department || department === event.supplierId || department === event.customerId;
}

@Resolver(() => RequestChangeModel)
export class RequestChangesResolver {
  constructor(
    private readonly hub: RequestEventsHub,
    private readonly query: RequestsQueryService,
  ) {}

  // Every subscriber of this process receives the same event object: the request is read once
  // per event, not once per subscriber.
  private readonly requests = new WeakMap<RequestChangedEvent, Promise<RequestEntity>>();

  private requestOf(event: RequestChangedEvent): Promise<RequestEntity> {
    let request = this.requests.get(event);
    if (!request) {
      request = this.query.findByIds([event.requestId]).then(([found]) => found);
      this.requests.set(event, request);
    }
    return request;
  }

  @Subscription(() => RequestChangeModel, {
    description: 'Changes to requests the subscriber may see; departmentId narrows to one queue',
    filter: deliverable,
    async resolve(
      this: RequestChangesResolver,
      event: RequestChangedEvent,
      _variables: Variables,
      context: GraphqlContext,
    ): Promise<RequestChangeModel> {
      // A subscription keeps one context for its lifetime: fresh loaders per event, so nested
      // fields never show data cached from an earlier event.
      context.loaders = new RequestLoaders();
      return { kind: event.kind, request: RequestModel.from(await this.requestOf(event)) };
    },
  })
  requestChanged(
    @Args('departmentId', { type: () => ID, nullable: true }, UuidPipe) _departmentId?: string,
  ) {
    return this.hub.iterator();
  }
}
