import { INestApplication } from '@nestjs/common';
import { TimeSource, loadConfig } from '@intradesk/core';
import { cloneDatabase, dropDatabase, StatementCounter, uniqueDatabaseName } from '@intradesk/db';
import { DEMO_PASSWORD } from '@intradesk/organization';
import { DataSource } from 'typeorm';
import { createApp, prepareDatabase } from '../../apps/api/src/app.factory';
import { createLogger } from '@intradesk/core';
import { GraphqlClient } from './graphql-client';

export interface TestApp {
  app: INestApplication;
  baseUrl: string;
  databaseUrl: string;
  dataSource: DataSource;
  // Anonymous client; .as(token) for a signed-in one.
  graphql: GraphqlClient;
  statements: StatementCounter;
  login(email: string, password?: string): Promise<GraphqlClient>;
  close(): Promise<void>;
}

export interface TestAppOptions {
  // A second API process on the same database (it neither clones nor drops one).
  sameDatabaseAs?: TestApp;
  seedDemo?: boolean;
  // The demo's requests and catalogue, off by default: most tests want an empty desk.
  seedDemoRequests?: boolean;
  time?: TimeSource;
  env?: Record<string, string>;
  // Reports read a "replica" that is this database under another application name, so a test
  // can see which connections ran what.
  replicaApplicationName?: string;
}

// A real API on a random port over this test file's own database, cloned from the migrated template.
export async function startTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const adminUrl = process.env.INTRADESK_TEST_ADMIN_URL;
  const template = process.env.INTRADESK_TEST_TEMPLATE;
  if (!adminUrl || !template)
    throw new Error('e2e tests need the global setup (run them through jest)');
  const name = uniqueDatabaseName(process.env.INTRADESK_TEST_PREFIX!);
  const shared = options.sameDatabaseAs;
  const databaseUrl = shared ? shared.databaseUrl : await cloneDatabase(adminUrl, template, name);
  const config = loadConfig({
    NODE_ENV: 'test',
    DATABASE_URL: databaseUrl,
    JWT_SECRET: 'e2e-secret-that-is-long-enough-for-production-checks',
    SURVEY_SECRET: 'e2e-survey-secret-long-enough-for-production-0123',
    LOG_LEVEL: 'silent',
    DATABASE_POOL_SIZE: '5',
    AUTO_CLOSE_INTERVAL_SECONDS: '0',
    // Tests call much faster than people; the rate-limit tests set their own.
    RATE_LIMIT_PER_USER: '1000000',
    RATE_LIMIT_PER_ADDRESS: '1000000',
    ABUSE_REFUSALS_PER_WINDOW: '1000000',
    // Tokens expire at the time source's time: a test that moves it by weeks keeps its
    // sign-ins (the expiry test sets its own).
    ...(options.time ? { JWT_EXPIRES_IN: '400d' } : {}),
    // Mail is due at once (mail-ask-for-information sets its own gathering).
    MAIL_GATHER_SECONDS: '0',
    // Webhook tests deliver to receivers on 127.0.0.1; the SSRF tests set their own.
    WEBHOOK_ALLOW_PRIVATE_NETWORKS: 'true',
    ...(options.replicaApplicationName
      ? {
          DATABASE_REPLICA_URLS: `${databaseUrl}${databaseUrl.includes('?') ? '&' : '?'}application_name=${options.replicaApplicationName}`,
        }
      : {}),
    ...options.env,
  });
  const statements = new StatementCounter();
  const app = await createApp({
    config,
    databaseUrl,
    logger: createLogger(config.LOG_LEVEL),
    time: options.time,
    statementCounter: statements,
  });
  await prepareDatabase(app, config, {
    seedDemo: shared ? false : (options.seedDemo ?? true),
    seedDemoRequests: options.seedDemoRequests ?? false,
  });
  await app.listen(0, '127.0.0.1');
  const baseUrl = (await app.getUrl()).replace('[::1]', '127.0.0.1');
  const graphql = new GraphqlClient(`${baseUrl}/graphql`);
  return {
    app,
    baseUrl,
    databaseUrl,
    dataSource: app.get(DataSource),
    graphql,
    statements,
    login: async (email, password = DEMO_PASSWORD) => {
      const data = await graphql.data<{ login: { accessToken: string } }>(
        'mutation($email: String!, $password: String!) { login(email: $email, password: $password) { accessToken } }',
        { email, password },
      );
      return graphql.as(data.login.accessToken);
    },
    close: async () => {
      await app.close();
      if (!shared) await dropDatabase(adminUrl, name);
    },
  };
}
