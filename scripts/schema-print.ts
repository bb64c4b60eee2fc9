// Prints the code-first schema to schema/schema.graphql without a server or database;
// with --check, fails when the committed file differs.
import 'reflect-metadata';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { printCodeFirstSchema } from '../apps/api/src/graphql/print-schema';

const SCHEMA_FILE = path.resolve(__dirname, '../schema/schema.graphql');

async function main(): Promise<void> {
  const printed = await printCodeFirstSchema();
  if (process.argv.includes('--check')) {
    const committed = fs.existsSync(SCHEMA_FILE) ? fs.readFileSync(SCHEMA_FILE, 'utf8') : '';
    if (committed !== printed) {
      console.error('schema/schema.graphql is out of date: run npm run schema:print and commit it');
      process.exit(1);
    }
    console.log('schema check: schema/schema.graphql matches the code');
    return;
  }
  fs.writeFileSync(SCHEMA_FILE, printed);
  console.log(`wrote ${path.relative(process.cwd(), SCHEMA_FILE)}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
