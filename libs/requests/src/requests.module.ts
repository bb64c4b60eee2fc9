import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AppConfig, parseS3Url } from '@intradesk/core';
import { DataSource } from 'typeorm';
import { CatalogModule } from '@intradesk/catalog';
import { OrganizationModule } from '@intradesk/organization';
import { NotificationsModule } from '@intradesk/notifications';
import { SlaModule } from '@intradesk/sla';
import { BreachScanJob } from './sla-worker/breach-scan.job';
import { AttachmentBlobEntity } from './attachments/attachment-blob.entity';
import { AttachmentEntity } from './attachments/attachment.entity';
import { ATTACHMENT_STORE, AttachmentStore } from './attachments/attachment-store';
import { AttachmentsService } from './attachments/attachments.service';
import { PostgresAttachmentStore } from './attachments/postgres-attachment-store';
import { S3AttachmentStore } from './attachments/s3-attachment-store';
import { CommentEntity } from './comments/comment.entity';
import { HistoryEntryEntity } from './history/history-entry.entity';
import { DemoRequestsSeeder } from './demo/demo-requests.seeder';
import { AutoCloseJob } from './jobs/auto-close.job';
import { PendingAttachmentsCleanupJob } from './jobs/pending-attachments-cleanup.job';
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
  AttachmentEntity,
  AttachmentBlobEntity,
];

// PostgreSQL unless ATTACHMENTS_S3_URL names a bucket (checked by loadConfig).
function attachmentStore(config: AppConfig, dataSource: DataSource): AttachmentStore {
  return config.ATTACHMENTS_S3_URL
    ? new S3AttachmentStore(parseS3Url(config.ATTACHMENTS_S3_URL))
    : new PostgresAttachmentStore(dataSource);
}

@Module({
  imports: [
    TypeOrmModule.forFeature(requestsEntities),
    OrganizationModule,
    CatalogModule,
    SlaModule,
    NotificationsModule,
  ],
  providers: [
    { provide: ATTACHMENT_STORE, inject: [AppConfig, DataSource], useFactory: attachmentStore },
    AttachmentsService,
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
    PendingAttachmentsCleanupJob,
    DemoRequestsSeeder,
    BreachScanJob,
  ],
  exports: [
    AttachmentsService,
    RequestImportService,
    RequestFilingService,
    RequestTransitionsService,
    RequestAssignmentService,
    RequestCommentsService,
    RequestsService,
    RequestsQueryService,
    AutoCloseJob,
    PendingAttachmentsCleanupJob,
    DemoRequestsSeeder,
    BreachScanJob,
  ],
})
export class RequestsModule {}
