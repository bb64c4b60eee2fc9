import { DataSourceOptions, EntitySchema, MixedList } from 'typeorm';
import { migrations } from './migrations';
import { SnakeNamingStrategy } from './snake-naming.strategy';

export interface DatabaseConnectionOptions {
  url: string;
  // Entity classes of every domain module.
  entities: MixedList<Function | string | EntitySchema>;
  poolSize?: number;
  applicationName?: string;
  // Read replicas: used only where a query runner is asked for in "slave" mode (reports).
  replicaUrls?: string[];
}

export function dataSourceOptions(options: DatabaseConnectionOptions): DataSourceOptions {
  return {
    type: 'postgres',
    url: options.url,
    ...(options.replicaUrls?.length
      ? {
          replication: {
            master: { url: options.url },
            slaves: options.replicaUrls.map((url) => ({ url })),
            // Everything reads the primary (read-your-writes) unless it asks for a replica.
            defaultMode: 'master' as const,
          },
        }
      : {}),
    entities: options.entities,
    migrations,
    migrationsTableName: 'migrations',
    namingStrategy: new SnakeNamingStrategy(),
    // gen_random_uuid() is built into PostgreSQL 13+: no extension to install.
    uuidExtension: 'pgcrypto',
    installExtensions: false,
    synchronize: false,
    migrationsRun: false,
    extra: {
      max: options.poolSize ?? 10,
      application_name: options.applicationName ?? 'intradesk',
      // Fail fast rather than queue forever when the server is unreachable.
      connectionTimeoutMillis: 5_000,
    },
  };
}
