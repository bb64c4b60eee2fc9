import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import { AppConfig } from '@intradesk/core';
import { EmbeddedDatabase, startEmbeddedPostgres } from '@intradesk/db';
import type { Logger } from 'pino';

export interface DatabaseRuntime {
  url: string;
  embedded: EmbeddedDatabase | null;
}

// DATABASE_URL when set; otherwise the embedded server with its data in DATA_DIR.
export async function openDatabase(config: AppConfig, logger: Logger): Promise<DatabaseRuntime> {
  if (config.DATABASE_URL) return { url: config.DATABASE_URL, embedded: null };
  const embedded = await startEmbeddedPostgres({
    dataDir: config.DATA_DIR,
    database: 'intradesk',
    log: (message) => logger.info(message),
  });
  return { url: embedded.url, embedded };
}

// Embedded mode only: a random signing secret made once and kept beside the data.
export async function embeddedJwtSecret(dataDir: string): Promise<string> {
  const file = path.resolve(dataDir, 'jwt-secret');
  try {
    return (await fs.readFile(file, 'utf8')).trim();
  } catch {
    const secret = randomBytes(48).toString('base64url');
    await fs.mkdir(path.dirname(file), { recursive: true });
    await fs.writeFile(file, secret + '\n', { mode: 0o600 });
    return secret;
  }
}
