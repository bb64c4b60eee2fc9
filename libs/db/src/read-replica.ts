import { DataSource } from 'typeorm';

// A read-only query on a replica when DATABASE_REPLICA_URLS names some (TypeORM picks one at
// random), else on the primary. For reports: they tolerate a replica's lag of a few seconds.
export async function queryReplica<T = Record<string, unknown>>(
  dataSource: DataSource,
  sql: string,
  params: unknown[] = [],
): Promise<T[]> {
  const runner = dataSource.createQueryRunner('slave');
  try {
    return (await runner.query(sql, params)) as T[];
  } finally {
    await runner.release();
  }
}
