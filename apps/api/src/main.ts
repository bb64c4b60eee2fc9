import 'reflect-metadata';
import { TimeSource, ConfigValidationError, loadConfig } from '@intradesk/core';
import { SurveySealJob } from '@intradesk/feedback';
import { DEMO_PASSWORD } from '@intradesk/organization';
import { MailDeliveryJob, WebhookDeliveryJob } from '@intradesk/notifications';
import { AutoCloseJob, BreachScanJob, PendingAttachmentsCleanupJob } from '@intradesk/requests';
import { RateLimitCounters } from '@intradesk/db';
import { InboundSmtpServer } from '@intradesk/inbound-mail';
import { createApp, prepareDatabase } from './app.factory';
import { createLogger } from '@intradesk/core';
import { embeddedJwtSecret, openDatabase } from './runtime/database-runtime';
import { HttpDrain } from './runtime/http-drain';

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigValidationError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
  const logger = createLogger(config.LOG_LEVEL);
  const database = await openDatabase(config, logger);
  config.JWT_SECRET ??= await embeddedJwtSecret(config.DATA_DIR);

  const app = await createApp({ config, databaseUrl: database.url, logger });
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down: draining requests in flight');
    const unfinished = await app
      .get(HttpDrain)
      .drain(app.getHttpServer(), config.SHUTDOWN_TIMEOUT_SECONDS * 1000);
    if (unfinished > 0) logger.warn({ unfinished }, 'requests still running at the drain timeout');
    await app.close().catch((error) => logger.error({ err: error }, 'error while closing the API'));
    await database.embedded
      ?.stop()
      .catch((error) => logger.error({ err: error }, 'error while stopping PostgreSQL'));
    process.exit(0);
  };
  process.once('SIGINT', () => void stop('SIGINT'));
  process.once('SIGTERM', () => void stop('SIGTERM'));

  const seedDemo =
    config.SEED_DEMO === 'true' || (config.SEED_DEMO === 'auto' && database.embedded !== null);
  const prepared = await prepareDatabase(app, config, { seedDemo });
  await app.listen(config.PORT, config.HOST);
  // The SLA worker in this process: always in embedded mode (auto), or when asked.
  const worker =
    config.RUN_WORKER_IN_API === 'true' ||
    (config.RUN_WORKER_IN_API === 'auto' && database.embedded !== null);
  // Without it, the worker processes run these (one run of each across processes).
  if (worker) {
    await app.get(BreachScanJob).start();
    await app.get(WebhookDeliveryJob).start();
    await app.get(MailDeliveryJob).start();
    await app.get(SurveySealJob).start();
    await app.get(AutoCloseJob).start();
    await app.get(PendingAttachmentsCleanupJob).start();
    await app
      .get(RateLimitCounters)
      .schedulePurge(config.RATE_LIMIT_WINDOW_SECONDS, () => app.get(TimeSource).now());
    await app.get(InboundSmtpServer).start();
  }

  const url = `http://localhost:${config.PORT}/graphql`;
  logger.info({ url }, 'Intradesk API ready');
  const lines = [`\n  Intradesk API ready at ${url}`];
  if (database.embedded) lines.push(`  embedded PostgreSQL data in ${config.DATA_DIR}/pg`);
  if (prepared.demoSignIns) {
    lines.push(`  demo organisation: every demo account's password is "${DEMO_PASSWORD}":`);
    for (const s of prepared.demoSignIns) {
      lines.push(`    ${s.role.padEnd(6)} ${s.email}  (${s.department ?? '-'})`);
    }
  }
  process.stdout.write(lines.join('\n') + '\n\n');
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
