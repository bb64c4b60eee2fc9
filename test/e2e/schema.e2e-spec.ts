import * as fs from 'node:fs';
import * as path from 'node:path';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import { lexicographicSortSchema, printSchema } from 'graphql';
import { printCodeFirstSchema } from '../../apps/api/src/graphql/print-schema';
import { startTestApp, TestApp } from '../utils/test-app';

const committed = fs.readFileSync(path.resolve(__dirname, '../../schema/schema.graphql'), 'utf8');

describe('schema/schema.graphql', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ seedDemo: false });
  });
  afterAll(() => t.close());

  it('equals the schema printed from the code without a server (npm run schema:print)', async () => {
    expect(await printCodeFirstSchema()).toBe(committed);
  });

  it('equals the schema the running API serves', () => {
    const served = t.app.get(GraphQLSchemaHost).schema;
    expect(printSchema(lexicographicSortSchema(served)) + '\n').toBe(committed);
  });
});
