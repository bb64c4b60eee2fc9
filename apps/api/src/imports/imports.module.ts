import { Module } from '@nestjs/common';
import { OrganizationModule } from '@intradesk/organization';
import { RequestsModule } from '@intradesk/requests';
import { ImportsController } from './imports.controller';

// POST /imports/org-chart and /imports/requests: the import files uploaded as streamed bodies.
@Module({
  imports: [OrganizationModule, RequestsModule],
  controllers: [ImportsController],
})
export class ImportsModule {}
