import { Module } from '@nestjs/common';
import { CatalogGraphqlModule } from '@intradesk/catalog';
import { OrganizationGraphqlModule } from '@intradesk/organization';
import { SlaGraphqlModule, SlaModule } from '@intradesk/sla';
import { AtRiskService } from './at-risk/at-risk.service';
import { AtRiskResolver } from './graphql/at-risk.resolver';
import { AgentWorkloadResolver, QueueHealthResolver } from './graphql/queue-health.resolver';
import { QueueHealthService } from './queue-health/queue-health.service';
import { RequestImportResolver } from './graphql/request-import.resolver';
import { SlaEventsResolver } from './graphql/sla-events.resolver';
import { RequestEventsHub } from './events/request-events.hub';
import { RequestChangesResolver } from './graphql/request-changes.resolver';
import { NotificationRequestResolver } from './graphql/notification-request.resolver';
import {
  CommentsResolver,
  HistoryEntriesResolver,
  RequestsResolver,
} from './graphql/requests.resolver';
import { RequestsLoaderFactory } from './graphql/requests.loaders';
import { RequestsModule } from './requests.module';

export const requestsResolvers = [
  RequestsResolver,
  CommentsResolver,
  HistoryEntriesResolver,
  RequestChangesResolver,
  AtRiskResolver,
  QueueHealthResolver,
  AgentWorkloadResolver,
  RequestImportResolver,
  SlaEventsResolver,
  NotificationRequestResolver,
];

@Module({
  imports: [
    RequestsModule,
    OrganizationGraphqlModule,
    CatalogGraphqlModule,
    SlaModule,
    SlaGraphqlModule,
  ],
  providers: [
    ...requestsResolvers,
    RequestsLoaderFactory,
    RequestEventsHub,
    QueueHealthService,
    AtRiskService,
  ],
})
export class RequestsGraphqlModule {}
