import {
  Args,
  ArgsType,
  Field,
  ID,
  InputType,
  Int,
  Mutation,
  ObjectType,
  Parent,
  Query,
  registerEnumType,
  ResolveField,
  Resolver,
} from '@nestjs/graphql';
import {
  AuthUser,
  Connection,
  CurrentUser,
  Loaders,
  PageArgs,
  RequestLoaders,
  Roles,
  connectionOf,
} from '@intradesk/core';
import { OrganizationLoaderFactory, UserModel } from '@intradesk/organization';
import { ArrayMaxSize, IsEnum, IsIn, IsInt, IsOptional, Max, Min } from 'class-validator';
import { MailMessageEntity, MailStatus } from '../mail/mail-message.entity';
import { MAIL_OVERSEERS } from '../notifications.policy';
import { MAIL_LOCALES } from '../mail/mail-templates';
import { MailService } from '../mail/mail.service';

registerEnumType(MailStatus, {
  name: 'MailStatus',
  description:
    'PENDING (due), SENT, FAILED (given up), NOT_SENT (no SMTP_URL), DIGEST_QUEUED, DIGESTED',
});

@ObjectType('OutgoingMail', { description: 'One outgoing e-mail (administrators)' })
export class OutgoingMailModel {
  @Field(() => ID)
  id: string;

  @Field({ description: 'A notification kind, or DIGEST' })
  kind: string;

  @Field(() => MailStatus)
  status: MailStatus;

  @Field({ description: 'The RFC 5322 Message-ID' })
  messageId: string;

  recipientUserId: string;

  @Field(() => ID, { nullable: true })
  requestId: string | null;

  @Field(() => String, { nullable: true, description: 'Null until rendered' })
  toAddress: string | null;

  @Field(() => String, { nullable: true })
  locale: string | null;

  @Field(() => String, { nullable: true })
  subject: string | null;

  @Field(() => String, { nullable: true })
  textBody: string | null;

  @Field(() => String, { nullable: true })
  htmlBody: string | null;

  @Field(() => Int)
  attempts: number;

  @Field(() => String, { nullable: true })
  lastError: string | null;

  @Field(() => Date, { nullable: true })
  nextAttemptAt: Date | null;

  @Field(() => Date, { nullable: true })
  sentAt: Date | null;

  @Field()
  createdAt: Date;

  static from(e: MailMessageEntity): OutgoingMailModel {
    return Object.assign(new OutgoingMailModel(), {
      id: e.id,
      kind: e.kind,
      status: e.status,
      messageId: e.messageId,
      recipientUserId: e.recipientUserId,
      requestId: e.requestId,
      toAddress: e.toAddress,
      locale: e.locale,
      subject: e.subject,
      textBody: e.textBody,
      htmlBody: e.htmlBody,
      attempts: e.attempts,
      lastError: e.lastError,
      nextAttemptAt: e.nextAttemptAt,
      sentAt: e.sentAt,
      createdAt: e.createdAt,
    });
  }
}

@ObjectType()
export class OutgoingMailConnection extends Connection(OutgoingMailModel, 'OutgoingMail') {}

@ArgsType()
export class OutgoingMailArgs extends PageArgs {
  @Field(() => [MailStatus], { nullable: true, description: 'Any of these; all when left out' })
  @IsOptional()
  @ArrayMaxSize(10)
  @IsEnum(MailStatus, { each: true })
  status?: MailStatus[] | null;
}

@ObjectType('MailSettings')
export class MailSettingsModel {
  @Field(() => Int, { description: "The daily digest's local hour (0-23, department time zone)" })
  digestHour: number;

  @Field({ description: 'The language of e-mail: en, es, it, fa or el' })
  locale: string;
}

@InputType()
export class MailSettingsInput {
  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(23)
  digestHour?: number | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsIn([...MAIL_LOCALES])
  locale?: string | null;
}

@Resolver(() => OutgoingMailModel)
export class MailResolver {
  constructor(
    private readonly mail: MailService,
    private readonly organizationLoaders: OrganizationLoaderFactory,
  ) {}

  @Roles(...MAIL_OVERSEERS)
  @Query(() => OutgoingMailConnection, {
    description: 'Outgoing e-mail, newest first, e.g. status: [FAILED] (administrators)',
  })
  async outgoingMail(@Args() args: OutgoingMailArgs): Promise<OutgoingMailConnection> {
    return connectionOf(
      args,
      (size, after) => this.mail.outgoing(args.status, size, after),
      OutgoingMailModel.from,
    );
  }

  @ResolveField(() => UserModel, { nullable: true })
  recipient(@Parent() mail: OutgoingMailModel, @Loaders() loaders: RequestLoaders) {
    return loaders.get(this.organizationLoaders).userById.load(mail.recipientUserId);
  }

  @Query(() => MailSettingsModel, { description: "The caller's e-mail settings" })
  mailSettings(@CurrentUser() user: AuthUser): Promise<MailSettingsModel> {
    return this.mail.settings(user.id);
  }

  @Mutation(() => MailSettingsModel, {
    description: "Sets the caller's digest hour and e-mail language (left out: unchanged)",
  })
  updateMailSettings(
    @CurrentUser() user: AuthUser,
    @Args('input') input: MailSettingsInput,
  ): Promise<MailSettingsModel> {
    return this.mail.updateSettings(user.id, input);
  }
}
