import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { OrganizationModule } from '@intradesk/organization';
import { RequestsModule } from '@intradesk/requests';
import { InboundMailCountEntity } from './inbound-mail-count.entity';
import { InboundMailCounter } from './inbound-mail-counter';
import { InboundMailReceiptEntity } from './inbound-mail-receipt.entity';
import { InboundMailService } from './inbound-mail.service';
import { InboundSmtpServer } from './inbound-smtp.server';
import { RepliedMessages } from './replied-messages';

export const inboundMailEntities = [InboundMailReceiptEntity, InboundMailCountEntity];

// Incoming e-mail: the SMTP receiver and what it files. Above requests in the dependency
// direction (it files through the requests lib), so a lib of its own: notifications, which
// requests imports, cannot import requests back.
@Module({
  imports: [TypeOrmModule.forFeature(inboundMailEntities), OrganizationModule, RequestsModule],
  providers: [InboundMailService, InboundSmtpServer, InboundMailCounter, RepliedMessages],
  exports: [InboundMailService, InboundSmtpServer, InboundMailCounter],
})
export class InboundMailModule {}
