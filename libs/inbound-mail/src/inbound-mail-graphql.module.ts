import { Module } from '@nestjs/common';
import { IncomingMailResolver } from './graphql/incoming-mail.resolver';
import { InboundMailModule } from './inbound-mail.module';

export const inboundMailResolvers = [IncomingMailResolver];

@Module({
  imports: [InboundMailModule],
  providers: inboundMailResolvers,
})
export class InboundMailGraphqlModule {}
