// Runs outside Jest's module registry, so libs are imported by path here.
import { dropDatabasesWithPrefix } from '../../libs/db/src';
import type { TestServerState } from './global-setup';

export default async function globalTeardown(): Promise<void> {
  const state = (globalThis as { intradeskTestServer?: TestServerState }).intradeskTestServer;
  if (!state) return;
  await dropDatabasesWithPrefix(state.adminUrl, state.prefix);
  await state.stop();
}
