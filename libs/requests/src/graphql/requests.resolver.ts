import { Args, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import {
  AuthUser,
  CurrentUser,
  DomainException,
  Loaders,
  RequestLoaders,
  connectionOf,
  UuidPipe,
} from '@intradesk/core';
import { CatalogLoaderFactory, Priority, ServiceModel } from '@intradesk/catalog';
import { DepartmentModel, OrganizationLoaderFactory, UserModel } from '@intradesk/organization';
import { RequestSlaModel, SlaLoaderFactory } from '@intradesk/sla';
import { isCustomerSide, isSupplierSide, seesInternalNotes } from '../access/requests.policy';
import { allowedMoves, Side } from '../lifecycle/request-state-machine';
import { RequestOrderField, SortDirection } from '../requests/request-filter';
import { RequestsQueryService } from '../requests/requests-query.service';
import { RequestAssignmentService } from '../requests/request-assignment.service';
import { RequestCommentsService } from '../requests/request-comments.service';
import { RequestFilingService } from '../requests/request-filing.service';
import { RequestTransitionsService } from '../requests/request-transitions.service';
import { AttachmentModel } from './attachment.model';
import { CommentModel } from './comment.model';
import { HistoryEntryModel } from './history-entry.model';
import { CreateRequestInput, RequestFilter, RequestOrder } from './request.inputs';
import { RequestConnection, RequestModel } from './request.model';
import { HistoryKind, RequestStatus } from './requests.enums';
import { RequestsLoaderFactory } from './requests.loaders';
import { SlaPreviewModel } from './sla-preview.model';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

@Resolver(() => RequestModel)
export class RequestsResolver {
  constructor(
    private readonly filing: RequestFilingService,
    private readonly transitions: RequestTransitionsService,
    private readonly assignment: RequestAssignmentService,
    private readonly commenting: RequestCommentsService,
    private readonly query: RequestsQueryService,
    private readonly organizationLoaders: OrganizationLoaderFactory,
    private readonly catalogLoaders: CatalogLoaderFactory,
    private readonly requestsLoaders: RequestsLoaderFactory,
    private readonly slaLoaders: SlaLoaderFactory,
  ) {}

  @Query(() => RequestConnection, {
    description: 'Requests the caller may see, newest first unless ordered',
  })
  async requests(
    @CurrentUser() user: AuthUser,
    @Args('filter', { type: () => RequestFilter, nullable: true }) filter?: RequestFilter,
    @Args('first', { type: () => Int, nullable: true, description: '1 to 100; default 20' })
    first?: number,
    @Args('after', { type: () => String, nullable: true }) after?: string,
    @Args('orderBy', { type: () => RequestOrder, nullable: true }) orderBy?: RequestOrder,
  ): Promise<RequestConnection> {
    const ordering = {
      field: orderBy?.field ?? RequestOrderField.CREATED_AT,
      direction: orderBy?.direction ?? SortDirection.DESC,
    };
    return connectionOf(
      { first, after },
      (size, after) => this.query.page(user, filter ?? {}, ordering, size, after),
      RequestModel.from,
    );
  }

  @Query(() => RequestModel, { description: 'One request by id or by number (e.g. IT-42)' })
  async request(
    @CurrentUser() user: AuthUser,
    @Args('id', { type: () => ID, nullable: true }, UuidPipe) id?: string,
    @Args('number', { type: () => String, nullable: true }) number?: string,
  ): Promise<RequestModel> {
    if ((id == null) === (number == null)) {
      throw DomainException.badInput('Give exactly one of id and number', ['id', 'number']);
    }
    const entity = id
      ? await this.query.getVisible(user, id)
      : await this.query.getVisibleByNumber(user, number!);
    return RequestModel.from(entity);
  }

  @Query(() => SlaPreviewModel, {
    description:
      "Before filing: the relationship type and the OLA targets and due times (as if filed now) a request from the caller's department would get",
  })
  async slaPreview(
    @CurrentUser() user: AuthUser,
    @Args('supplierId', { type: () => ID }, UuidPipe) supplierId: string,
    @Args('serviceId', { type: () => ID, nullable: true }, UuidPipe) serviceId: string | null,
    @Args('priority', { type: () => Priority }) priority: Priority,
  ): Promise<SlaPreviewModel> {
    return SlaPreviewModel.from(
      await this.filing.preview(user, { supplierId, serviceId, priority }),
    );
  }

  @Query(() => SlaPreviewModel, {
    description:
      'Which SLA policy a request from customerId to supplierId would get (the selection filing uses), with its due times as if filed now',
  })
  async applicableSlaPolicy(
    @Args('supplierId', { type: () => ID }, UuidPipe) supplierId: string,
    @Args('customerId', { type: () => ID }, UuidPipe) customerId: string,
    @Args('serviceId', { type: () => ID, nullable: true }, UuidPipe) serviceId: string | null,
    @Args('priority', { type: () => Priority }) priority: Priority,
  ): Promise<SlaPreviewModel> {
    return SlaPreviewModel.from(
      await this.filing.previewFor(customerId, { supplierId, serviceId, priority }),
    );
  }

  @Mutation(() => RequestModel, { description: "Files a request from the caller's department" })
  async createRequest(
    @CurrentUser() user: AuthUser,
    @Args('input') input: CreateRequestInput,
  ): Promise<RequestModel> {
    return RequestModel.from(await this.filing.create(user, input));
  }

  @Mutation(() => RequestModel, {
    description: 'Assigns to a member of the supplier, or unassigns with null',
  })
  async assignRequest(
    @CurrentUser() user: AuthUser,
    @Args('id', { type: () => ID }, UuidPipe) id: string,
    @Args('assigneeId', { type: () => ID, nullable: true }, UuidPipe) assigneeId: string | null,
    @Args('expectedVersion', { type: () => Int }) expectedVersion: number,
  ): Promise<RequestModel> {
    return RequestModel.from(
      await this.assignment.assign(user, id, assigneeId ?? null, expectedVersion),
    );
  }

  @Mutation(() => RequestModel, { description: 'Moves a request along its lifecycle' })
  async changeRequestStatus(
    @CurrentUser() user: AuthUser,
    @Args('id', { type: () => ID }, UuidPipe) id: string,
    @Args('status', { type: () => RequestStatus }) status: RequestStatus,
    @Args('expectedVersion', { type: () => Int }) expectedVersion: number,
  ): Promise<RequestModel> {
    return RequestModel.from(
      await this.transitions.changeStatus(user, id, status, expectedVersion),
    );
  }

  @Mutation(() => RequestModel)
  async changeRequestPriority(
    @CurrentUser() user: AuthUser,
    @Args('id', { type: () => ID }, UuidPipe) id: string,
    @Args('priority', { type: () => Priority }) priority: Priority,
    @Args('expectedVersion', { type: () => Int }) expectedVersion: number,
  ): Promise<RequestModel> {
    return RequestModel.from(
      await this.assignment.changePriority(user, id, priority, expectedVersion),
    );
  }

  @Mutation(() => CommentModel, {
    description:
      "internal: true is a supplier-side note the customer never sees. Comments never conflict and leave the request's version alone; the customer's public reply to a request WAITING_ON_CUSTOMER moves it back to IN_PROGRESS",
  })
  async addComment(
    @CurrentUser() user: AuthUser,
    @Args('requestId', { type: () => ID }, UuidPipe) requestId: string,
    @Args('body') body: string,
    @Args('internal', { defaultValue: false }) internal: boolean,
    @Args('attachmentIds', {
      type: () => [ID],
      nullable: true,
      description:
        'Files uploaded for this comment (POST /requests/:id/attachments) that it carries; at most 20',
    })
    attachmentIds: string[] | null | undefined,
    @Args('expectedVersion', {
      type: () => Int,
      nullable: true,
      deprecationReason: 'Ignored: comments never conflict',
    })
    _expectedVersion?: number,
  ): Promise<CommentModel> {
    if (body.trim().length === 0 || body.length > 20_000) {
      throw DomainException.badInput('body must be 1 to 20000 characters', ['body']);
    }
    const ids = attachmentIds ?? [];
    if (ids.length > 20 || ids.some((id) => !UUID.test(id))) {
      throw DomainException.badInput('attachmentIds must be at most 20 attachment ids', [
        'attachmentIds',
      ]);
    }
    return CommentModel.from(
      await this.commenting.addComment(
        user,
        requestId,
        body,
        internal,
        ids.map((id) => id.toLowerCase()),
      ),
    );
  }

  @ResolveField(() => DepartmentModel)
  customer(@Parent() request: RequestModel, @Loaders() loaders: RequestLoaders) {
    return loaders.get(this.organizationLoaders).departmentById.load(request.customerId);
  }

  @ResolveField(() => DepartmentModel)
  supplier(@Parent() request: RequestModel, @Loaders() loaders: RequestLoaders) {
    return loaders.get(this.organizationLoaders).departmentById.load(request.supplierId);
  }

  @ResolveField(() => ServiceModel, { nullable: true })
  service(@Parent() request: RequestModel, @Loaders() loaders: RequestLoaders) {
    return request.serviceId
      ? loaders.get(this.catalogLoaders).serviceById.load(request.serviceId)
      : null;
  }

  @ResolveField(() => UserModel)
  requester(@Parent() request: RequestModel, @Loaders() loaders: RequestLoaders) {
    return loaders.get(this.organizationLoaders).userById.load(request.requesterId);
  }

  @ResolveField(() => UserModel, { nullable: true })
  assignee(@Parent() request: RequestModel, @Loaders() loaders: RequestLoaders) {
    return request.assigneeId
      ? loaders.get(this.organizationLoaders).userById.load(request.assigneeId)
      : null;
  }

  @ResolveField(() => [CommentModel], {
    description: 'Oldest first; internal notes only for the supplier side',
  })
  async comments(
    @Parent() request: RequestModel,
    @CurrentUser() user: AuthUser,
    @Loaders() loaders: RequestLoaders,
  ) {
    const comments = await loaders.get(this.requestsLoaders).commentsByRequestId.load(request.id);
    return seesInternalNotes(user, request) ? comments : comments.filter((c) => !c.internal);
  }

  @ResolveField(() => [AttachmentModel], {
    description: 'Files on the request itself (not on a comment), oldest first',
  })
  attachments(@Parent() request: RequestModel, @Loaders() loaders: RequestLoaders) {
    return loaders.get(this.requestsLoaders).attachmentsByRequestId.load(request.id);
  }

  @ResolveField(() => [AttachmentModel], {
    description: "The caller's own uploads waiting for their next comment, oldest first",
  })
  pendingAttachments(
    @Parent() request: RequestModel,
    @CurrentUser() user: AuthUser,
    @Loaders() loaders: RequestLoaders,
  ) {
    return loaders
      .get(this.requestsLoaders)
      .pendingAttachmentsByRequestId(user.id)
      .load(request.id);
  }

  @ResolveField(() => [HistoryEntryModel], {
    description: 'Every change, oldest first (internal notes hidden from the customer side)',
  })
  async history(
    @Parent() request: RequestModel,
    @CurrentUser() user: AuthUser,
    @Loaders() loaders: RequestLoaders,
  ) {
    const entries = await loaders.get(this.requestsLoaders).historyByRequestId.load(request.id);
    return seesInternalNotes(user, request) ? entries : entries.filter((e) => !e.internal);
  }

  @ResolveField(() => RequestSlaModel, {
    nullable: true,
    description: 'Its SLA clocks; null when no policy applied',
  })
  sla(@Parent() request: RequestModel, @Loaders() loaders: RequestLoaders) {
    return loaders.get(this.slaLoaders).slaByRequestId.load(request.id);
  }

  @ResolveField(() => [RequestStatus], {
    description: 'The statuses the caller may move this request to now',
  })
  allowedStatuses(@Parent() request: RequestModel, @CurrentUser() user: AuthUser): RequestStatus[] {
    const sides = new Set<Side>();
    if (isSupplierSide(user, request)) sides.add('SUPPLIER');
    if (isCustomerSide(user, request)) sides.add('CUSTOMER');
    return allowedMoves(request.status, sides);
  }
}

@Resolver(() => CommentModel)
export class CommentsResolver {
  constructor(
    private readonly organizationLoaders: OrganizationLoaderFactory,
    private readonly requestsLoaders: RequestsLoaderFactory,
  ) {}

  // Comments are reached only through a request the caller sees, with internal notes already
  // filtered (Request.comments) or as the caller's own new comment: its files share its scope.
  @ResolveField(() => [AttachmentModel], { description: 'Its files, oldest first' })
  attachments(@Parent() comment: CommentModel, @Loaders() loaders: RequestLoaders) {
    return loaders.get(this.requestsLoaders).attachmentsByCommentId.load(comment.id);
  }

  @ResolveField(() => UserModel)
  author(@Parent() comment: CommentModel, @Loaders() loaders: RequestLoaders) {
    return loaders.get(this.organizationLoaders).userById.load(comment.authorId);
  }
}

@Resolver(() => HistoryEntryModel)
export class HistoryEntriesResolver {
  constructor(private readonly organizationLoaders: OrganizationLoaderFactory) {}

  @ResolveField(() => UserModel, {
    nullable: true,
    description: 'Null for changes made by the system',
  })
  actor(@Parent() entry: HistoryEntryModel, @Loaders() loaders: RequestLoaders) {
    return entry.actorId
      ? loaders.get(this.organizationLoaders).userById.load(entry.actorId)
      : null;
  }

  @ResolveField(() => UserModel, {
    nullable: true,
    description: 'ASSIGNED: the assignee before (null when it was unassigned)',
  })
  fromUser(@Parent() entry: HistoryEntryModel, @Loaders() loaders: RequestLoaders) {
    return this.userOf(entry, entry.from, loaders);
  }

  @ResolveField(() => UserModel, {
    nullable: true,
    description: 'ASSIGNED: the assignee after (null when unassigned)',
  })
  toUser(@Parent() entry: HistoryEntryModel, @Loaders() loaders: RequestLoaders) {
    return this.userOf(entry, entry.to, loaders);
  }

  private userOf(entry: HistoryEntryModel, id: string | null, loaders: RequestLoaders) {
    return entry.kind === HistoryKind.ASSIGNED && id
      ? loaders.get(this.organizationLoaders).userById.load(id)
      : null;
  }
}
