// npm run import -- FILE[.gz]: historical requests (NDJSON, API.md's format) into the database
// named by DATABASE_URL, or the embedded one. All or nothing; prints every refused line.
import 'reflect-metadata';
import * as fs from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { NestFactory } from '@nestjs/core';
import { loadConfig } from '@intradesk/core';
import { runMigrationsLocked, startEmbeddedPostgres } from '@intradesk/db';
import { toAuthUser, UserEntity, UsersService } from '@intradesk/organization';
import { RequestImportService } from '@intradesk/requests';
import { SingleBar } from 'cli-progress';
import { DataSource } from 'typeorm';
import { WorkerModule } from '../apps/worker/src/worker.module';

async function main(): Promise<void> {
  const file = process.argv[2];
  if (!file) throw new Error('usage: npm run import -- FILE (NDJSON, optionally .gz)');
  const raw = fs.readFileSync(file);
  const ndjson = (file.endsWith('.gz') ? gunzipSync(raw) : raw).toString('utf8');

  const config = loadConfig({
    ...process.env,
    JWT_SECRET: process.env.JWT_SECRET ?? 'import-tooling',
    LOG_LEVEL: 'warn',
  });
  const embedded = config.DATABASE_URL
    ? null
    : await startEmbeddedPostgres({ dataDir: config.DATA_DIR, database: 'intradesk' });
  const app = await NestFactory.createApplicationContext(
    WorkerModule.forRoot({ config, databaseUrl: config.DATABASE_URL ?? embedded!.url }),
    { logger: ['error'], abortOnError: false },
  );
  try {
    const dataSource = app.get(DataSource);
    await runMigrationsLocked(dataSource);
    if (config.ADMIN_EMAIL && config.ADMIN_PASSWORD) {
      await app.get(UsersService).ensureAdmin(config.ADMIN_EMAIL, config.ADMIN_PASSWORD);
    }
    const admin = await dataSource
      .getRepository(UserEntity)
      .findOne({ where: { role: 'ADMIN' as never }, order: { createdAt: 'ASC' } });
    if (!admin)
      throw new Error(
        'No administrator yet: start the API once (or set ADMIN_EMAIL / ADMIN_PASSWORD)',
      );

    const bar = new SingleBar({
      format: 'importing [{bar}] {percentage}% | {value}/{total} requests | {eta_formatted} left',
      stream: process.stderr,
    });
    const started = Date.now();
    let barStarted = false;
    const result = await app
      .get(RequestImportService)
      .import(toAuthUser(admin), ndjson, (done, total) => {
        if (!barStarted) {
          bar.start(total, 0);
          barStarted = true;
        }
        if (done % 50 === 0 || done === total) bar.update(done);
      });
    if (barStarted) bar.stop();
    const seconds = (Date.now() - started) / 1000;
    if (result.errors.length > 0) {
      console.error(`Imported nothing: ${result.errors.length} bad line(s).`);
      for (const e of result.errors.slice(0, 50)) console.error(`  line ${e.line}: ${e.message}`);
      if (result.errors.length > 50) console.error(`  ... and ${result.errors.length - 50} more`);
      process.exitCode = 1;
    } else {
      console.log(
        `Imported ${result.imported} requests in ${seconds.toFixed(1)} s (${Math.round(result.imported / seconds)}/s).`,
      );
    }
  } finally {
    await app.close();
    await embedded?.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
