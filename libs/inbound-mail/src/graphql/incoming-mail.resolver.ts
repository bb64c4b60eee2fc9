import { Field, Int, ObjectType, Query, Resolver } from '@nestjs/graphql';
import { Roles } from '@intradesk/core';
import { InboundMailCounter } from '../inbound-mail-counter';
import { INCOMING_MAIL_OVERSEERS } from '../inbound-mail.policy';

@ObjectType('IncomingMailCount', {
  description:
    'How many incoming messages (per desk address) ended how: COMMENTED, FILED, DUPLICATE, or the reason they were refused or dropped (README, Incoming e-mail)',
})
export class IncomingMailCountModel {
  @Field()
  outcome: string;

  @Field(() => Int)
  count: number;

  @Field({ description: 'When this outcome last happened' })
  lastAt: Date;
}

@Resolver()
export class IncomingMailResolver {
  constructor(private readonly counter: InboundMailCounter) {}

  @Roles(...INCOMING_MAIL_OVERSEERS)
  @Query(() => [IncomingMailCountModel], {
    description: "The SMTP receiver's outcomes and their counts, by outcome (administrators)",
  })
  incomingMailCounts(): Promise<IncomingMailCountModel[]> {
    return this.counter.list();
  }
}
