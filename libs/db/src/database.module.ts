import { DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { Logger as TypeOrmLogger } from 'typeorm';
import { dataSourceOptions } from './data-source-options';
import { PgNotifications } from './pg-notifications';

export interface DatabaseModuleOptions {
  url: string;
  poolSize?: number;
  applicationName?: string;
  replicaUrls?: string[];
  // e.g. a StatementCounter in tests
  logger?: TypeOrmLogger;
}

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
      providers: [{ provide: PgNotifications, useFactory: () => new PgNotifications(options.url) }],
      exports: [PgNotifications],
      global: true,
    };
  }
}
