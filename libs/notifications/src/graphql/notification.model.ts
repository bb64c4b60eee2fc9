import { ArgsType, Field, ID, InputType, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Connection, PageArgs } from '@intradesk/core';
import { IsBoolean, IsEnum, IsOptional } from 'class-validator';
import { MailChoice } from '../mail/mail-choice.enum';

import { NotificationKind } from '../notification-kind.enum';
import { NotificationEntity } from '../notification.entity';

registerEnumType(NotificationKind, { name: 'NotificationKind' });
registerEnumType(MailChoice, {
  name: 'MailChoice',
  description: 'How a kind of notification comes by e-mail',
});

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

  @Field(() => MailChoice, {
    description: 'By e-mail: at once, in the daily digest, or not at all',
  })
  email: MailChoice;
}

@InputType()
export class NotificationPreferenceInput {
  @Field(() => NotificationKind)
  @IsEnum(NotificationKind)
  kind: NotificationKind;

  @Field(() => Boolean, { nullable: true, description: 'Left out: unchanged' })
  @IsOptional()
  @IsBoolean()
  inApp?: boolean | null;

  @Field(() => MailChoice, { nullable: true, description: 'Left out: unchanged' })
  @IsOptional()
  @IsEnum(MailChoice)
  email?: MailChoice | null;
}
