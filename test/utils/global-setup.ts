// Runs outside Jest's module registry, so libs are imported by path here.
import * as fs from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import { createTemplateDatabase, startEmbeddedPostgres } from '../../libs/db/src';

export interface TestServerState {
  adminUrl: string;
  prefix: string;
  stop: () => Promise<void>;
}

// One PostgreSQL server and one migrated template per run; each test file clones the template.
export default async function globalSetup(): Promise<void> {
  const prefix = `intradesk_test_${process.pid}`;
  let adminUrl = process.env.TEST_DATABASE_URL;
  let stop = async () => undefined;
  if (!adminUrl) {
    const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'intradesk-test-pg-'));
    const embedded = await startEmbeddedPostgres({ dataDir, database: 'intradesk_test' });
    adminUrl = embedded.adminUrl;
    stop = async () => {
      await embedded.stop();
      await fs.rm(dataDir, { recursive: true, force: true });
    };
  }
  await createTemplateDatabase(adminUrl, `${prefix}_template`);
  process.env.INTRADESK_TEST_ADMIN_URL = adminUrl;
  process.env.INTRADESK_TEST_TEMPLATE = `${prefix}_template`;
  process.env.INTRADESK_TEST_PREFIX = prefix;
  (globalThis as { intradeskTestServer?: TestServerState }).intradeskTestServer = {
    adminUrl,
    prefix,
    stop,
  };
}
