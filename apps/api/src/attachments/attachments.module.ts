import { Module } from '@nestjs/common';
import { OrganizationModule } from '@intradesk/organization';
import { RequestsModule } from '@intradesk/requests';
import { AttachmentsController } from './attachments.controller';

// POST /requests/:id/attachments, GET /attachments/:id(/inline), DELETE /attachments/:id.
@Module({
  imports: [OrganizationModule, RequestsModule],
  controllers: [AttachmentsController],
})
export class AttachmentsModule {}
