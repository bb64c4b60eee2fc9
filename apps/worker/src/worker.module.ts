import { DynamicModule, Module } from '@nestjs/common';
import { AppConfig, TimeSource, CoreModule, SystemTimeSource } from '@intradesk/core';
import { DatabaseModule, StatementCounter } from '@intradesk/db';
import { FeedbackModule } from '@intradesk/feedback';
import { InboundMailModule } from '@intradesk/inbound-mail';
import { RequestsModule } from '@intradesk/requests';

// The SLA worker: domain modules only, no HTTP and no GraphQL.
@Module({})
export class WorkerModule {
  static forRoot(options: {
    config: AppConfig;
    databaseUrl: string;
    time?: TimeSource;
    // Benchmarks pass one to count SQL statements.
    statementCounter?: StatementCounter;
  }): DynamicModule {
    return {
      module: WorkerModule,
      imports: [
        CoreModule.forRoot(options.config, options.time ?? new SystemTimeSource()),
        DatabaseModule.forRoot({
          url: options.databaseUrl,
          poolSize: Math.min(options.config.DATABASE_POOL_SIZE, 5),
          applicationName: 'intradesk-worker',
          logger: options.statementCounter,
          drainTimeoutMs: options.config.SHUTDOWN_TIMEOUT_SECONDS * 1000,
        }),
        RequestsModule,
        // Imports store ratings (the import script runs on this module).
        FeedbackModule,
        // The SMTP receiver (INBOUND_SMTP_PORT).
        InboundMailModule,
      ],
    };
  }
}
