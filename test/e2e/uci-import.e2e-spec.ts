import { DEMO_EMAIL_DOMAIN, toAuthUser, UserEntity } from '@intradesk/organization';
import { RequestImportService } from '@intradesk/requests';
import { readUciLog } from '../../scripts/uci/uci-log';
import { prepareUciOrganisation } from '../../scripts/uci/uci-setup';
import { startTestApp, TestApp } from '../utils/test-app';

// A slice of the real UCI incident log (the whole log: npm run bench:import).
describe('importing the UCI incident log', () => {
  let t: TestApp;
  const data = readUciLog({ limit: 400 });

  beforeAll(async () => {
    t = await startTestApp();
    await prepareUciOrganisation(t.app, data);
  });
  afterAll(() => t.close());

  const admin = async () =>
    toAuthUser(
      (await t.dataSource
        .getRepository(UserEntity)
        .findOneBy({ email: `admin@${DEMO_EMAIL_DOMAIN}` }))!,
    );

  it('refuses the whole file when one line is bad, naming it', async () => {
    const lines = [...data.ndjson.slice(0, 10), '{"ref":"BROKEN"}', ...data.ndjson.slice(10, 20)];
    const result = await t.app.get(RequestImportService).import(await admin(), lines.join('\n'));
    expect(result.imported).toBe(0);
    expect(result.errors).toEqual([{ line: 11, message: expect.stringContaining('required') }]);
    expect(await t.dataSource.query('SELECT count(*)::int AS n FROM requests')).toEqual([{ n: 0 }]);
  });

  it('imports every incident of the slice with its timeline', async () => {
    const result = await t.app
      .get(RequestImportService)
      .import(await admin(), data.ndjson.join('\n'));
    expect(result).toEqual({ imported: 400, errors: [] });
    const [counts] = await t.dataSource.query(`
      SELECT count(*)::int AS requests,
             count(*) FILTER (WHERE status IN ('RESOLVED', 'CLOSED'))::int AS done,
             (SELECT count(*)::int FROM request_history) AS history
        FROM requests`);
    expect(counts.requests).toBe(400);
    expect(counts.done).toBeGreaterThan(300);
    expect(counts.history).toBeGreaterThan(800);
  });
});
