import { Field, ID, ObjectType } from '@nestjs/graphql';
import { NotificationEntity } from '../notification.entity';

@ObjectType('Notification')
export class NotificationModel {
  @Field(() => ID)
  id: string;

  @Field({ description: 'SLA_WARNING, SLA_BREACHED or SLA_ESCALATED' })
  kind: string;

  @Field()
  message: string;

  @Field(() => ID, { nullable: true })
  requestId: string | null;

  @Field()
  createdAt: Date;

  @Field(() => Date, { nullable: true })
  readAt: Date | null;

  static from(entity: NotificationEntity): NotificationModel {
    return Object.assign(new NotificationModel(), {
      id: String(entity.id),
      kind: entity.kind,
      message: entity.message,
      requestId: entity.requestId,
      createdAt: entity.createdAt,
      readAt: entity.readAt,
    });
  }
}
