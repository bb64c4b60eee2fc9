import {
  Args,
  ArgsType,
  Field,
  ID,
  Int,
  Mutation,
  ObjectType,
  Query,
  registerEnumType,
  Resolver,
} from '@nestjs/graphql';
import {
  AuthUser,
  Connection,
  CurrentUser,
  IdField,
  PageArgs,
  connectionOf,
  UuidPipe,
} from '@intradesk/core';
import { IsEnum, IsOptional } from 'class-validator';
import { DeliveryStatus, WebhookDeliveryEntity, WebhookEntity } from '../webhooks/webhook.entity';
import { WebhooksService } from '../webhooks/webhooks.service';

registerEnumType(DeliveryStatus, { name: 'WebhookDeliveryStatus' });

@ObjectType('Webhook')
export class WebhookModel {
  @Field(() => ID)
  id: string;

  @Field(() => ID)
  departmentId: string;

  @Field()
  url: string;

  @Field()
  active: boolean;

  @Field()
  createdAt: Date;

  static from(entity: WebhookEntity): WebhookModel {
    return Object.assign(new WebhookModel(), {
      id: entity.id,
      departmentId: entity.departmentId,
      url: entity.url,
      active: entity.active,
      createdAt: entity.createdAt,
    });
  }
}

@ObjectType('CreatedWebhook')
export class CreatedWebhookModel {
  @Field(() => WebhookModel)
  webhook: WebhookModel;

  @Field({
    description:
      'HMAC-SHA256 key of X-Intradesk-Signature ("sha256=<hex>" of the body); shown only now',
  })
  secret: string;
}

@ObjectType('WebhookDelivery')
export class WebhookDeliveryModel {
  @Field(() => ID)
  id: string;

  @Field()
  event: string;

  @Field(() => DeliveryStatus)
  status: DeliveryStatus;

  @Field(() => Int)
  attempts: number;

  @Field(() => String, { nullable: true })
  lastError: string | null;

  @Field(() => Date, { nullable: true })
  nextAttemptAt: Date | null;

  @Field()
  createdAt: Date;

  @Field(() => Date, { nullable: true })
  deliveredAt: Date | null;

  static from(entity: WebhookDeliveryEntity): WebhookDeliveryModel {
    return Object.assign(new WebhookDeliveryModel(), {
      id: String(entity.id),
      event: entity.event,
      status: entity.status,
      attempts: entity.attempts,
      lastError: entity.lastError,
      nextAttemptAt: entity.nextAttemptAt,
      createdAt: entity.createdAt,
      deliveredAt: entity.deliveredAt,
    });
  }
}

@ObjectType()
export class WebhookDeliveryConnection extends Connection(
  WebhookDeliveryModel,
  'WebhookDelivery',
) {}

@ArgsType()
export class WebhookDeliveriesArgs extends PageArgs {
  @IdField()
  webhookId: string;

  @Field(() => DeliveryStatus, { nullable: true })
  @IsOptional()
  @IsEnum(DeliveryStatus)
  status?: DeliveryStatus;
}

@Resolver(() => WebhookModel)
export class WebhooksResolver {
  constructor(private readonly webhooks: WebhooksService) {}

  @Mutation(() => CreatedWebhookModel, {
    description: "POSTs the department's SLA events to url, signed",
  })
  async createDepartmentWebhook(
    @CurrentUser() user: AuthUser,
    @Args('departmentId', { type: () => ID }, UuidPipe) departmentId: string,
    @Args('url') url: string,
  ): Promise<CreatedWebhookModel> {
    const created = await this.webhooks.create(user, departmentId, url);
    return { webhook: WebhookModel.from(created), secret: created.secret };
  }

  @Mutation(() => WebhookModel, {
    description:
      'Pauses (false) or resumes (true) a webhook: paused, it gets no new events and its pending deliveries wait',
  })
  async setDepartmentWebhookActive(
    @CurrentUser() user: AuthUser,
    @Args('id', { type: () => ID }, UuidPipe) id: string,
    @Args('active') active: boolean,
  ): Promise<WebhookModel> {
    return WebhookModel.from(await this.webhooks.setActive(user, id, active));
  }

  @Mutation(() => ID, { description: 'Deletes a webhook and its deliveries; returns its id' })
  async deleteDepartmentWebhook(
    @CurrentUser() user: AuthUser,
    @Args('id', { type: () => ID }, UuidPipe) id: string,
  ): Promise<string> {
    await this.webhooks.remove(user, id);
    return id;
  }

  @Query(() => [WebhookModel])
  async departmentWebhooks(
    @CurrentUser() user: AuthUser,
    @Args('departmentId', { type: () => ID }, UuidPipe) departmentId: string,
  ): Promise<WebhookModel[]> {
    return (await this.webhooks.list(user, departmentId)).map(WebhookModel.from);
  }

  @Query(() => WebhookDeliveryConnection, {
    description: 'The deliveries of a webhook, newest first, e.g. status: FAILED',
  })
  async webhookDeliveries(
    @CurrentUser() user: AuthUser,
    @Args() args: WebhookDeliveriesArgs,
  ): Promise<WebhookDeliveryConnection> {
    return connectionOf(
      args,
      (size, after) => this.webhooks.deliveries(user, args.webhookId, args.status, size, after),
      WebhookDeliveryModel.from,
    );
  }
}
