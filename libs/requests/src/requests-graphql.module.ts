import { Module } from '@nestjs/common';
import { CatalogGraphqlModule } from '@intradesk/catalog';
import { OrganizationGraphqlModule } from '@intradesk/organization';
import { RequestEventsHub } from './events/request-events.hub';
import { RequestChangesResolver } from './graphql/request-changes.resolver';
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
];

@Module({
  imports: [RequestsModule, OrganizationGraphqlModule, CatalogGraphqlModule],
  providers: [...requestsResolvers, RequestsLoaderFactory, RequestEventsHub],
})
export class RequestsGraphqlModule {}
