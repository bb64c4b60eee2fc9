import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import {
  TimeSource,
  ConfigValidationError,
  createLogger,
  loadConfig,
  PinoNestLogger,
} from '@intradesk/core';
import { SurveySealJob } from '@intradesk/feedback';
import { MailDeliveryJob, WebhookDeliveryJob } from '@intradesk/notifications';
import { AutoCloseJob, BreachScanJob, PendingAttachmentsCleanupJob } from '@intradesk/requests';
import { RateLimitCounters } from '@intradesk/db';
import { InboundSmtpServer } from '@intradesk/inbound-mail';
import { WorkerModule } from './worker.module';

// The SLA worker process: several may run side by side on one database.
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
  if (!config.DATABASE_URL) {
    console.error(
      'The worker needs DATABASE_URL. With the embedded database, `npm start` already runs the worker inside the API.',
    );
    process.exit(1);
  }
  const logger = createLogger(config.LOG_LEVEL, 'intradesk-worker');
  const app = await NestFactory.createApplicationContext(
    WorkerModule.forRoot({ config, databaseUrl: config.DATABASE_URL }),
    { logger: new PinoNestLogger(logger), abortOnError: false },
  );
  app.enableShutdownHooks();
  // Recurring jobs on the job queue (each runs once now, then every interval); SIGTERM waits for
  // the runs in flight.
  await app.get(BreachScanJob).start();
  await app.get(WebhookDeliveryJob).start();
  await app.get(MailDeliveryJob).start();
  await app.get(SurveySealJob).start();
  await app.get(AutoCloseJob).start();
  await app.get(PendingAttachmentsCleanupJob).start();
  await app
    .get(RateLimitCounters)
    .schedulePurge(config.RATE_LIMIT_WINDOW_SECONDS, () => app.get(TimeSource).now());
  // Incoming e-mail, when INBOUND_SMTP_PORT is set (every worker may listen: each message is
  // filed once, by its Message-ID).
  await app.get(InboundSmtpServer).start();
  logger.info('SLA worker running');
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
