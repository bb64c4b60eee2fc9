import { INestApplication, Logger as NestLogger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import type { NextFunction, Request, Response } from 'express';
import helmet from 'helmet';
import { AppConfig } from '@intradesk/core';
import { runMigrationsLocked } from '@intradesk/db';
import { DemoSeedService, DemoSignIn, UsersService } from '@intradesk/organization';
import { DemoRequestsSeeder } from '@intradesk/requests';
import { CalendarsService } from '@intradesk/sla';
import { DataSource } from 'typeorm';
import { AppModule, AppModuleOptions } from './app.module';
import { PinoNestLogger } from '@intradesk/core';
import { requestLogging } from './logging/request-logging';
import { HttpDrain } from './runtime/http-drain';
import {
  bodyParserErrors,
  declaredBodyLimit,
  graphqlHttpLimits,
} from './graphql/limits/graphql-http-limits';
import { AbuseBlocklist } from './graphql/limits/abuse-blocklist';
import { webApp, webContentSecurityPolicy } from './web/web-app';

// The upload routes read their bodies themselves, with limits of their own.
const UPLOAD_PATH = /^\/(imports\/|attachments\/?$|requests\/[^/]+\/attachments\/?$)/;

function unlessUpload(middleware: (req: Request, res: Response, next: NextFunction) => void) {
  return (req: Request, res: Response, next: NextFunction) =>
    UPLOAD_PATH.test(req.path) ? next() : middleware(req, res, next);
}

// The configured application, not yet listening: used by main.ts and by the e2e tests.
export async function createApp(options: AppModuleOptions): Promise<INestApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(options), {
    logger: new PinoNestLogger(options.logger),
    bodyParser: false,
    // Throw boot errors (missing providers, bad config) to the caller instead of exiting.
    abortOnError: false,
  });
  app.set('trust proxy', options.config.trustProxy);
  app.use(app.get(HttpDrain).track());
  app.use(requestLogging(options.logger));
  // Security headers, with the web app's content security policy everywhere (there is no
  // Apollo Sandbox page any more: it loaded its scripts from a CDN).
  app.use(
    helmet({
      contentSecurityPolicy: webContentSecurityPolicy,
      crossOriginEmbedderPolicy: options.config.isProduction,
    }),
  );
  const blocklist = app.get(AbuseBlocklist);
  app.use('/graphql', blocklist.gate());
  // The import uploads and attachments take files as streamed bodies with limits of their own
  // (IMPORT_MAX_BODY_BYTES, ATTACHMENT_MAX_BYTES); the JSON parser skips their media types.
  app.use(unlessUpload(declaredBodyLimit(options.config.MAX_BODY_BYTES, blocklist)));
  app.useBodyParser('json', { limit: options.config.MAX_BODY_BYTES });
  app.use(bodyParserErrors(blocklist));
  app.use(
    '/graphql',
    graphqlHttpLimits({
      maxDocumentBytes: options.config.GRAPHQL_MAX_DOCUMENT_BYTES,
      maxTokens: options.config.GRAPHQL_MAX_TOKENS,
      blocklist,
    }),
  );
  app.use(webApp({ dir: options.config.WEB_DIR }));
  // No enableShutdownHooks(): main.ts handles SIGTERM itself, draining HTTP before app.close().
  return app;
}

export interface PreparedDatabase {
  migrations: string[];
  demoSignIns: DemoSignIn[] | null;
}

// Migrations first, then the configured administrator, then (embedded only) the demo organisation.
export async function prepareDatabase(
  app: INestApplication,
  config: AppConfig,
  options: { seedDemo: boolean; seedDemoRequests?: boolean },
): Promise<PreparedDatabase> {
  const migrations = await runMigrationsLocked(app.get(DataSource));
  if (migrations.length > 0) new NestLogger('Migrations').log(`applied ${migrations.join(', ')}`);
  await app.get(CalendarsService).ensureDefault();
  if (config.ADMIN_EMAIL && config.ADMIN_PASSWORD) {
    await app.get(UsersService).ensureAdmin(config.ADMIN_EMAIL, config.ADMIN_PASSWORD);
  }
  const demo = app.get(DemoSeedService);
  const seeded = options.seedDemo ? await demo.seedIfEmpty() : null;
  const demoSignIns = seeded ?? (options.seedDemo ? await demo.existingDemoSignIns() : null);
  // The demo organisation gets a living desk (only while it has no requests at all).
  if (demoSignIns && options.seedDemoRequests !== false)
    await app.get(DemoRequestsSeeder).seedIfEmpty();
  return { migrations, demoSignIns };
}
