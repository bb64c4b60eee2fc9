import { DynamicModule, Module } from '@nestjs/common';
import { APP_GUARD, APP_PIPE } from '@nestjs/core';
import { ApolloDriver, ApolloDriverConfig } from '@nestjs/apollo';
import { GraphQLModule } from '@nestjs/graphql';
import { AppConfig, AuthGuard, TimeSource, CoreModule, SystemTimeSource } from '@intradesk/core';
import { CatalogGraphqlModule, CatalogModule } from '@intradesk/catalog';
import { DatabaseModule, StatementCounter } from '@intradesk/db';
import { RequestsGraphqlModule, RequestsModule } from '@intradesk/requests';
import { FeedbackGraphqlModule, FeedbackModule } from '@intradesk/feedback';
import { ReportingGraphqlModule, ReportingModule } from '@intradesk/reporting';
import { SlaGraphqlModule, SlaModule } from '@intradesk/sla';
import { NotificationsGraphqlModule, NotificationsModule } from '@intradesk/notifications';
import { InboundMailGraphqlModule, InboundMailModule } from '@intradesk/inbound-mail';
import {
  AuthService,
  OrganizationGraphqlModule,
  OrganizationModule,
} from '@intradesk/organization';
import type { Logger } from 'pino';
import { graphqlOptions } from './graphql/graphql-options';
import { InputValidationPipe } from './graphql/input-validation.pipe';
import { HealthModule } from './health/health.module';
import { ImportsModule } from './imports/imports.module';
import { AttachmentsModule } from './attachments/attachments.module';
import { GraphqlRateLimitGuard } from './graphql/rate-limit.guard';
import { AbuseModule } from './graphql/limits/abuse.module';
import { AbuseBlocklist } from './graphql/limits/abuse-blocklist';

export interface AppModuleOptions {
  config: AppConfig;
  databaseUrl: string;
  logger: Logger;
  time?: TimeSource;
  // Tests pass one to count SQL statements.
  statementCounter?: StatementCounter;
}

@Module({})
export class AppModule {
  static forRoot(options: AppModuleOptions): DynamicModule {
    const { config } = options;
    return {
      module: AppModule,
      imports: [
        CoreModule.forRoot(config, options.time ?? new SystemTimeSource()),
        DatabaseModule.forRoot({
          url: options.databaseUrl,
          poolSize: config.DATABASE_POOL_SIZE,
          replicaUrls: config.databaseReplicaUrls,
          applicationName: 'intradesk-api',
          logger: options.statementCounter,
          drainTimeoutMs: config.SHUTDOWN_TIMEOUT_SECONDS * 1000,
        }),
        OrganizationModule,
        OrganizationGraphqlModule,
        CatalogModule,
        CatalogGraphqlModule,
        SlaModule,
        SlaGraphqlModule,
        NotificationsModule,
        NotificationsGraphqlModule,
        RequestsModule,
        RequestsGraphqlModule,
        FeedbackModule,
        FeedbackGraphqlModule,
        ReportingModule,
        ReportingGraphqlModule,
        // The SMTP receiver, started only where the worker runs (see main.ts).
        InboundMailModule,
        InboundMailGraphqlModule,
        GraphQLModule.forRootAsync<ApolloDriverConfig>({
          driver: ApolloDriver,
          imports: [OrganizationModule, AbuseModule],
          inject: [AuthService, AbuseBlocklist],
          useFactory: (auth: AuthService, blocklist: AbuseBlocklist) =>
            graphqlOptions(config, auth, blocklist, options.logger),
        }),
        HealthModule,
        ImportsModule,
        AttachmentsModule,
        AbuseModule,
      ],
      providers: [
        // In this order: every root field is counted, then checked for a signed-in caller.
        { provide: APP_GUARD, useClass: GraphqlRateLimitGuard },
        { provide: APP_GUARD, useClass: AuthGuard },
        { provide: APP_PIPE, useClass: InputValidationPipe },
      ],
    };
  }
}
