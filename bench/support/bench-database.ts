import * as fs from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import {
  createTemplateDatabase,
  dropDatabase,
  startEmbeddedPostgres,
  uniqueDatabaseName,
} from '@intradesk/db';

export interface BenchDatabase {
  url: string;
  close(): Promise<void>;
}

// A fresh, migrated database for one benchmark run: on DATABASE_URL's server when set, else on
// an embedded server in a temporary folder. Dropped (and the server stopped) on close.
export async function benchDatabase(prefix: string): Promise<BenchDatabase> {
  let adminUrl = process.env.DATABASE_URL;
  let stop = async () => undefined;
  if (!adminUrl) {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'intradesk-bench-'));
    const embedded = await startEmbeddedPostgres({ dataDir: dir, database: 'bench' });
    adminUrl = embedded.adminUrl;
    stop = async () => {
      await embedded.stop();
      await fs.rm(dir, { recursive: true, force: true });
    };
  }
  const name = uniqueDatabaseName(prefix);
  const url = await createTemplateDatabase(adminUrl, name);
  return {
    url,
    close: async () => {
      // KEEP_DATABASE=1 leaves it for profiling (with DATABASE_URL: an embedded server stops).
      if (process.env.KEEP_DATABASE) {
        console.log(`kept the database: ${url}`);
        return;
      }
      await dropDatabase(adminUrl, name);
      await stop();
    },
  };
}

// Median of a few timed runs (after one warm-up), in milliseconds.
export async function medianMs(runs: number, work: () => Promise<unknown>): Promise<number> {
  await work();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = process.hrtime.bigint();
    await work();
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}
