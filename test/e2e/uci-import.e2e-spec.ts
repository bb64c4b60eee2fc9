import * as path from 'node:path';
import { DEMO_EMAIL_DOMAIN, toAuthUser, UserEntity } from '@intradesk/organization';
import { RequestImportService } from '@intradesk/requests';
import { readUciLog } from '../../scripts/uci/uci-log';
import { prepareUciOrganisation } from '../../scripts/uci/uci-setup';
import { startTestApp, TestApp } from '../utils/test-app';

// A slice of the real UCI incident log shipped in test/fixtures (the whole log: npm run
// bench:import). Expected figures come from the slice's own timelines.
const SLICE = path.join(__dirname, '../fixtures/uci_incident_event_log.slice.csv.gz');

describe('importing the UCI incident log', () => {
  let t: TestApp;
  const data = readUciLog({ file: SLICE });
  const timelines = data.ndjson.map(
    (line) => JSON.parse(line).events as { type: string; to?: string }[],
  );
  const finalStatus = (events: { type: string; to?: string }[]) =>
    events.filter((e) => e.type === 'STATUS').pop()?.to ?? 'NEW';

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
    expect(data.ndjson.length).toBeGreaterThanOrEqual(50);
    expect(result).toEqual({ imported: data.ndjson.length, errors: [] });
    const [counts] = await t.dataSource.query(`
      SELECT count(*)::int AS requests,
             count(*) FILTER (WHERE status IN ('RESOLVED', 'CLOSED'))::int AS done,
             count(*) FILTER (WHERE status = 'WAITING_ON_CUSTOMER')::int AS waiting,
             (SELECT count(*)::int FROM request_history) AS history
        FROM requests`);
    const done = timelines.filter((e) => ['RESOLVED', 'CLOSED'].includes(finalStatus(e))).length;
    expect(counts.requests).toBe(data.ndjson.length);
    expect(counts.done).toBe(done);
    expect(done).toBeGreaterThan(data.ndjson.length / 2);
    expect(counts.waiting).toBe(
      timelines.filter((e) => finalStatus(e) === 'WAITING_ON_CUSTOMER').length,
    );
    // One history row for the creation and one for each status change of the timeline.
    expect(counts.history).toBe(timelines.reduce((n, events) => n + events.length, 0));
    // Every incident that waited on its caller has that wait in its history.
    const waited = timelines.filter((e) => e.some((x) => x.to === 'WAITING_ON_CUSTOMER')).length;
    expect(waited).toBeGreaterThan(0);
    const [{ paused }] = await t.dataSource.query(
      `SELECT count(DISTINCT request_id)::int AS paused FROM request_history WHERE to_value = 'WAITING_ON_CUSTOMER'`,
    );
    expect(paused).toBe(waited);
  });
});
