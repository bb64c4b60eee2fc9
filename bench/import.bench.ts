// npm run bench:import — the whole UCI incident log (24,918 incidents) through importRequests
// into a fresh database: requests per second. DATABASE_URL names the server (a database is
// created on it); without it, an embedded server in a temporary folder.
import 'reflect-metadata';
import * as fs from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import { NestFactory } from '@nestjs/core';
import { loadConfig } from '@intradesk/core';
import {
  createTemplateDatabase,
  dropDatabase,
  startEmbeddedPostgres,
  uniqueDatabaseName,
} from '@intradesk/db';
import { toAuthUser, UsersService, UserEntity } from '@intradesk/organization';
import { RequestImportService } from '@intradesk/requests';
import { DataSource } from 'typeorm';
import { WorkerModule } from '../apps/worker/src/worker.module';
import { readUciLog } from '../scripts/uci/uci-log';
import { prepareUciOrganisation } from '../scripts/uci/uci-setup';

async function main(): Promise<void> {
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
  const name = uniqueDatabaseName('intradesk_bench_import');
  const url = await createTemplateDatabase(adminUrl, name);
  try {
    let t = Date.now();
    const data = readUciLog();
    console.log(
      `read and converted the UCI log: ${data.ndjson.length} incidents, ${data.requesters.length} callers in ${((Date.now() - t) / 1000).toFixed(1)} s`,
    );
    const config = loadConfig({
      DATABASE_URL: url,
      JWT_SECRET: 'bench',
      LOG_LEVEL: 'error',
      DATABASE_POOL_SIZE: '4',
    });
    const app = await NestFactory.createApplicationContext(
      WorkerModule.forRoot({ config, databaseUrl: url }),
      { logger: ['error'] },
    );
    try {
      await app.get(UsersService).ensureAdmin('bench@example.org', 'bench-password');
      await prepareUciOrganisation(app, data);
      const admin = toAuthUser(
        (await app
          .get(DataSource)
          .getRepository(UserEntity)
          .findOneBy({ email: 'bench@example.org' }))!,
      );
      t = Date.now();
      const result = await app.get(RequestImportService).import(admin, data.ndjson.join('\n'));
      const seconds = (Date.now() - t) / 1000;
      if (result.errors.length)
        throw new Error(`refused lines: ${JSON.stringify(result.errors.slice(0, 5))}`);
      const [{ events }] = await app
        .get(DataSource)
        .query('SELECT count(*)::int AS events FROM request_history');
      console.log(
        `imported ${result.imported} requests (${events} history rows) in ${seconds.toFixed(1)} s: ${Math.round(result.imported / seconds)} requests/s`,
      );
    } finally {
      await app.close();
    }
  } finally {
    await dropDatabase(adminUrl, name);
    await stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
