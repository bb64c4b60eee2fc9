/// <reference lib="dom" />
// Settings → Import (issue 13, item 7): an administrator uploads an org-chart CSV with one bad
// line (nothing changes and the line is named, cross-checked through the API), fixes it and
// imports it; then imports a request history (the UCI slice of test/fixtures) while the page
// shows a progress bar; axe-core in English and in Persian.
import * as path from 'node:path';
import { Browser, BrowserContext, Locator, Page, Route } from 'playwright-core';
import { readUciLog } from '../../scripts/uci/uci-log';
import { prepareUciOrganisation } from '../../scripts/uci/uci-setup';
import { expectAccessible } from './support/axe';
import { describeInBrowser, launchChromium } from './support/chromium';
import { Desk, startDesk } from './support/desk';
import { Locale, Names } from './support/names';
import { mainNav, newPage, signIn, step } from './support/pages';

const ADMIN = 'admin@demo.intradesk.test';
const SLICE = path.join(__dirname, '../fixtures/uci_incident_event_log.slice.csv.gz');
const HEADER = 'code,name,parent_code,level,time_zone,lead_email';
const BAD_CSV = [
  HEADER,
  'LEGAL,Legal,CORP,,,',
  'CONTRACTS,Contracts,LEGAL,,Mars/Olympus,',
  'PATENTS,Patents,LEGAL,,,',
].join('\n');
const DEPARTMENT = `query ImportedDepartment($code: String!) { department(code: $code) { code timeZone parent { code } } }`;
const COUNT = `query { requests(first: 1) { totalCount } }`;

describeInBrowser('Settings → Import in the browser', () => {
  let desk: Desk;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  const uci = readUciLog({ file: SLICE });
  const open = async () => {
    const { context, page } = await newPage(browser, desk.baseUrl);
    contexts.push(context);
    return page;
  };

  beforeAll(async () => {
    desk = await startDesk();
    browser = await launchChromium();
    // The slice's organisation and callers, so that its history has somewhere to go.
    await prepareUciOrganisation(desk.app.app, uci);
  });
  afterAll(async () => {
    for (const context of contexts) await context.close();
    await browser?.close();
    await desk?.close();
  });

  const toImport = async (page: Page, names: Names): Promise<Locator> =>
    step('nav Main: Settings, region Import', async () => {
      await mainNav(page, names)
        .getByRole('link', { name: names.name('Settings') })
        .click();
      await page.getByRole('heading', { level: 1, name: names.name('Settings') }).waitFor();
      const region = page.getByRole('region', { name: names.exact('Import') });
      await region.waitFor();
      return region;
    });
  const csvFile = (text: string) => ({
    name: 'org-chart.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(text),
  });

  describe('an administrator', () => {
    const names = new Names('en', {});
    let page: Page;
    let region: Locator;

    beforeAll(async () => {
      page = await open();
      await signIn(page, names, ADMIN);
      region = await toImport(page, names);
    });

    test('imports an org chart: one bad line changes nothing and is named; fixed, it imports', async () => {
      const form = region.getByRole('form', { name: 'Org chart file' });
      await step('Org chart CSV with a bad time zone on line 3, Import', async () => {
        await form.getByLabel('Org chart CSV').setInputFiles(csvFile(BAD_CSV));
        await form.getByRole('button', { name: 'Import' }).click();
      });
      await step('alert: nothing was changed, Line 3 named', async () => {
        const alert = form.getByRole('alert');
        await alert.filter({ hasText: 'Nothing was changed: 1 bad line' }).waitFor();
        await alert
          .getByRole('listitem')
          .filter({ hasText: /^Line 3: .*Mars\/Olympus/ })
          .waitFor();
        expect(await alert.getByRole('listitem').count()).toBe(1);
      });
      await step('the API agrees: no LEGAL department', async () => {
        const api = await desk.as(ADMIN);
        const answer = await api.request(DEPARTMENT, { code: 'LEGAL' });
        expect(answer.errors?.[0].extensions?.code).toBe('NOT_FOUND');
      });
      await step('the fixed file, Import: status says 3 created', async () => {
        await form
          .getByLabel('Org chart CSV')
          .setInputFiles(csvFile(BAD_CSV.replace('Mars/Olympus', 'Europe/London')));
        await form.getByRole('button', { name: 'Import' }).click();
        await form
          .getByRole('status')
          .filter({ hasText: 'Org chart imported: 3 departments created, 0 updated' })
          .waitFor();
        expect(await form.getByRole('alert').count()).toBe(0);
      });
      await step('the API agrees: CONTRACTS under LEGAL in Europe/London', async () => {
        const api = await desk.as(ADMIN);
        const { department } = await api.data(DEPARTMENT, { code: 'CONTRACTS' });
        expect(department).toEqual({
          code: 'CONTRACTS',
          timeZone: 'Europe/London',
          parent: { code: 'LEGAL' },
        });
      });
    });

    test('imports a request history with a progress bar', async () => {
      const api = await desk.as(ADMIN);
      const before = (await api.data(COUNT)).requests.totalCount as number;
      const form = region.getByRole('form', { name: 'Request history file' });
      // The upload is held until the progress bar has been seen (the slice imports in well
      // under a second here), then let through.
      let release!: () => void;
      const held = new Promise<void>((resolve) => (release = resolve));
      await page.route('**/imports/requests', async (route: Route) => {
        await held;
        await route.continue();
      });
      await step('Requests NDJSON: the UCI slice, Import', async () => {
        await form.getByLabel('Requests NDJSON').setInputFiles({
          name: 'uci-slice.ndjson',
          mimeType: 'application/x-ndjson',
          buffer: Buffer.from(`${uci.ndjson.join('\n')}\n`),
        });
        await form.getByRole('button', { name: 'Import' }).click();
      });
      await step('role progressbar named Import progress, with its value in words', async () => {
        const bar = form.getByRole('progressbar', { name: 'Import progress' });
        await bar.waitFor();
        expect(await bar.getAttribute('aria-valuetext')).toMatch(/%/);
        expect(await bar.getAttribute('max')).not.toBeNull();
        release();
      });
      await step(`status: History imported: ${uci.ndjson.length} requests`, async () => {
        await form
          .getByRole('status')
          .filter({ hasText: `History imported: ${uci.ndjson.length} requests` })
          .waitFor({ timeout: 30_000 });
        expect(await form.getByRole('progressbar').count()).toBe(0);
      });
      await page.unroute('**/imports/requests');
      await step('the API agrees: the requests exist', async () => {
        expect((await api.data(COUNT)).requests.totalCount).toBe(before + uci.ndjson.length);
      });
    });
  });

  describe.each<Locale>(['en', 'fa'])('axe-core in %s', (locale) => {
    let names: Names;

    beforeAll(() => {
      names = new Names(locale, desk.web.english);
    });
    afterAll(() => {
      const todo = names?.todo();
      if (todo) console.log(todo);
    });

    test('the Import section, with bad lines listed and a summary', async () => {
      const page = await open();
      await signIn(page, names, ADMIN);
      const region = await toImport(page, names);
      await expectAccessible(page, `settings import (${locale})`);
      await step('a bad org chart: the alert with its line', async () => {
        const orgChart = region.getByRole('form', { name: names.name('Org chart file') });
        await orgChart
          .getByLabel(names.name('Org chart CSV'))
          .setInputFiles(csvFile(`${HEADER}\nBAD CODE!,Bad,CO,,,\n`));
        await orgChart.getByRole('button', { name: names.exact('Import') }).click();
        await orgChart.getByRole('alert').getByRole('listitem').waitFor();
      });
      await step('Import without a file: the field says so', async () => {
        const history = region.getByRole('form', { name: names.name('Request history file') });
        await history.getByRole('button', { name: names.exact('Import') }).click();
        await history.locator('[aria-invalid="true"]').waitFor();
      });
      await expectAccessible(page, `settings import with an alert and a field error (${locale})`);
    });
  });
});
