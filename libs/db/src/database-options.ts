import type { Logger as TypeOrmLogger } from 'typeorm';

export interface DatabaseModuleOptions {
  url: string;
  poolSize?: number;
  applicationName?: string;
  replicaUrls?: string[];
  // e.g. a StatementCounter in tests
  logger?: TypeOrmLogger;
  // How long the job queue waits at shutdown for the runs in flight.
  drainTimeoutMs?: number;
}

// The options DatabaseModule.forRoot was given, for the providers that open their own pools.
export const DATABASE_OPTIONS = Symbol('DATABASE_OPTIONS');
