import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CatalogModule } from '@intradesk/catalog';
import { OrganizationModule } from '@intradesk/organization';
import { NotificationsModule } from '@intradesk/notifications';
import { SlaModule } from '@intradesk/sla';
import { BreachScanJob } from './sla-worker/breach-scan.job';
import { CommentEntity } from './comments/comment.entity';
import { HistoryEntryEntity } from './history/history-entry.entity';
import { DemoRequestsSeeder } from './demo/demo-requests.seeder';
import { AutoCloseJob } from './jobs/auto-close.job';
import { RequestCounterEntity } from './requests/request-counter.entity';
import { RequestEntity } from './requests/request.entity';
import { RequestsQueryService } from './requests/requests-query.service';
import { RequestImportService } from './import/request-import.service';
import { RequestClocks } from './requests/request-clocks';
import { RequestNotifier } from './notifications/request-notifier';
import { RequestAssignmentService } from './requests/request-assignment.service';
import { RequestCommentsService } from './requests/request-comments.service';
import { RequestFilingService } from './requests/request-filing.service';
import { RequestTransitionsService } from './requests/request-transitions.service';
import { RequestWriter } from './requests/request-writer.service';
import { RequestsService } from './requests/requests.service';

export const requestsEntities = [
  RequestEntity,
  RequestCounterEntity,
  CommentEntity,
  HistoryEntryEntity,
];

@Module({
  imports: [
    TypeOrmModule.forFeature(requestsEntities),
    OrganizationModule,
    CatalogModule,
    SlaModule,
    NotificationsModule,
  ],
  providers: [
    RequestWriter,
    RequestFilingService,
    RequestTransitionsService,
    RequestAssignmentService,
    RequestCommentsService,
    RequestsService,
    RequestImportService,
    RequestClocks,
    RequestNotifier,
    RequestsQueryService,
    AutoCloseJob,
    DemoRequestsSeeder,
    BreachScanJob,
  ],
  exports: [
    RequestImportService,
    RequestFilingService,
    RequestTransitionsService,
    RequestAssignmentService,
    RequestCommentsService,
    RequestsService,
    RequestsQueryService,
    AutoCloseJob,
    DemoRequestsSeeder,
    BreachScanJob,
  ],
})
export class RequestsModule {}
