import { ArgsType, Field, ID, InputType, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Connection, PageArgs } from '@intradesk/core';
import { IsBoolean, IsEnum } from 'class-validator';
import { NotificationKind } from '../notification-kind.enum';
import { NotificationEntity } from '../notification.entity';

registerEnumType(NotificationKind, { name: 'NotificationKind' });

@ObjectType('Notification')
export class NotificationModel {
  @Field(() => ID)
  id: string;

  @Field(() => NotificationKind)
  kind: NotificationKind;

  @Field({ description: 'In English words: people, departments and request numbers by name' })
  message: string;

  @Field(() => ID, { nullable: true })
  requestId: string | null;

  @Field()
  createdAt: Date;

  @Field(() => Date, { nullable: true })
  readAt: Date | null;

  actorId: string | null;

  static from(entity: NotificationEntity): NotificationModel {
    return Object.assign(new NotificationModel(), {
      id: String(entity.id),
      kind: entity.kind as NotificationKind,
      message: entity.message,
      requestId: entity.requestId,
      createdAt: entity.createdAt,
      readAt: entity.readAt,
      actorId: entity.actorId,
    });
  }
}

@ObjectType()
export class NotificationConnection extends Connection(NotificationModel, 'Notification') {}

@ArgsType()
export class NotificationsArgs extends PageArgs {
  @Field({ defaultValue: false })
  @IsBoolean()
  unreadOnly: boolean;
}

@ObjectType('NotificationPreference', {
  description: 'Whether the caller gets one kind of notification (default: on)',
})
export class NotificationPreferenceModel {
  @Field(() => NotificationKind)
  kind: NotificationKind;

  @Field({ description: 'Shown in the app (and live over notificationAdded)' })
  inApp: boolean;
}

@InputType()
export class NotificationPreferenceInput {
  @Field(() => NotificationKind)
  @IsEnum(NotificationKind)
  kind: NotificationKind;

  @Field()
  @IsBoolean()
  inApp: boolean;
}
