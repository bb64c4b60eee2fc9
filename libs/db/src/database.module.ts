import { DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { dataSourceOptions } from './data-source-options';
import { DATABASE_OPTIONS, DatabaseModuleOptions } from './database-options';
import { JobQueue } from './jobs/job-queue';
import { PgNotifications } from './pg-notifications';
import { RateLimitCounters } from './rate-limits/rate-limit-counters';

@Module({})
export class DatabaseModule {
  // Entities come from each domain module's TypeOrmModule.forFeature.
  static forRoot(options: DatabaseModuleOptions): DynamicModule {
    return {
      module: DatabaseModule,
      imports: [
        TypeOrmModule.forRoot({
          ...dataSourceOptions({ ...options, entities: [] }),
          autoLoadEntities: true,
          ...(options.logger ? { logger: options.logger, logging: ['query' as const] } : {}),
        }),
      ],
      providers: [
        { provide: DATABASE_OPTIONS, useValue: options },
        { provide: PgNotifications, useFactory: () => new PgNotifications(options.url) },
        JobQueue,
        RateLimitCounters,
      ],
      exports: [DATABASE_OPTIONS, PgNotifications, JobQueue, RateLimitCounters],
      global: true,
    };
  }
}
