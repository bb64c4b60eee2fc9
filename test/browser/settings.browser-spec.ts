/// <reference lib="dom" />
// Settings for operations and administrators (issue 13, item 5): an administrator moves a
// department (and sees a cycle refused in words), saves a business calendar with an overnight
// shift and previews a due time in it, creates an SLA policy and asks which policy applies;
// every section of the page under axe-core in English and in Persian.
import { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { expectAccessible } from './support/axe';
import { describeInBrowser, launchChromium } from './support/chromium';
import { Desk, eventually, startDesk } from './support/desk';
import { Locale, Names } from './support/names';
import { choose, mainNav, newPage, signIn, step } from './support/pages';

const ADMIN = 'admin@demo.intradesk.test';
const OPS = 'ops@demo.intradesk.test';

const PARENT = `query Parent($code: String!) { department(code: $code) { level parent { code } } }`;
const CALENDARS = `query { businessCalendars { name timeZone weeklyHours { day start end } } }`;
const DUE = `query($c: ID!, $s: DateTime!, $m: Int!) { businessDueAt(calendarId: $c, start: $s, minutes: $m) }`;
const POLICIES = `query { slaPolicies { name priority supplierId firstResponseMinutes resolutionMinutes warnAtPercent } }`;

describeInBrowser('Settings in the browser', () => {
  let desk: Desk;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  const open = async () => {
    const { context, page } = await newPage(browser, desk.baseUrl);
    contexts.push(context);
    return page;
  };

  beforeAll(async () => {
    desk = await startDesk();
    browser = await launchChromium();
  });
  afterAll(async () => {
    for (const context of contexts) await context.close();
    await browser?.close();
    await desk?.close();
  });

  const toSettings = async (page: Page, names: Names) =>
    step('nav Main: Settings', async () => {
      await mainNav(page, names)
        .getByRole('link', { name: names.name('Settings') })
        .click();
      await page.getByRole('heading', { level: 1, name: names.name('Settings') }).waitFor();
    });
  const region = (page: Page, names: Names, name: string): Locator =>
    page.getByRole('region', { name: names.exact(name) });

  describe('an administrator', () => {
    const names = new Names('en', {});
    let admin: Page;

    beforeAll(async () => {
      admin = await open();
      await signIn(admin, names, ADMIN);
      await toSettings(admin, names);
    });

    test('moves a department, and a move into its own subtree is refused in words', async () => {
      const departments = region(admin, names, 'Departments');
      await step('select Logistics in the org chart', async () => {
        await departments.getByRole('treeitem', { name: /Logistics/ }).click();
        await departments.getByRole('heading', { name: /Logistics/ }).waitFor();
      });
      await step('New parent: Corporate, Move', async () => {
        await choose(departments.getByLabel('New parent'), /Corporate \(CORP\)/);
        await departments.getByRole('button', { name: 'Move' }).click();
        await departments
          .getByRole('status')
          .filter({ hasText: /now sits under/ })
          .waitFor();
      });
      await step('the API agrees: LOG is under CORP', async () => {
        const api = await desk.as(ADMIN);
        const { department } = await api.data(PARENT, { code: 'LOG' });
        expect(department.parent.code).toBe('CORP');
      });
      await step('the tree shows Logistics under Corporate', async () => {
        const item = departments.getByRole('treeitem', { name: /Logistics/ });
        await eventually(async () => expect(await item.getAttribute('aria-level')).toBe('3'));
        // Its parent row: the nearest row above it one level up.
        const rows = await departments
          .getByRole('treeitem')
          .evaluateAll((items) =>
            items.map((i) => ({ level: i.getAttribute('aria-level'), text: i.textContent ?? '' })),
          );
        const at = rows.findIndex((r) => r.text.includes('LOG'));
        const parent = rows
          .slice(0, at)
          .reverse()
          .find((r) => r.level === '2');
        expect(parent?.text).toContain('CORP');
      });
      await step('Corporate under Payroll is a cycle: refused with role alert', async () => {
        await departments.getByRole('treeitem', { name: /Corporate/ }).click();
        await departments.getByRole('heading', { name: /Corporate/ }).waitFor();
        await choose(departments.getByLabel('New parent'), /Payroll \(PAY\)/);
        await departments.getByRole('button', { name: 'Move' }).click();
        const alert = departments.getByRole('alert');
        await alert.waitFor();
        expect(await alert.textContent()).toMatch(
          /Payroll \(PAY\) is inside Corporate \(CORP\).*loop/,
        );
        const { department } = await (await desk.as(ADMIN)).data(PARENT, { code: 'CORP' });
        expect(department.parent.code).toBe('CO');
      });
      await step('the tree by keyboard: arrows move, Enter selects', async () => {
        const first = departments.getByRole('treeitem').first();
        await first.focus();
        await admin.keyboard.press('ArrowDown');
        await admin.keyboard.press('Enter');
        const focused = await admin.evaluate(() => document.activeElement?.getAttribute('role'));
        expect(focused).toBe('treeitem');
        await departments.getByRole('treeitem', { selected: true }).waitFor();
      });
    });

    test('saves a calendar with an overnight shift and previews a due time in it', async () => {
      const calendars = region(admin, names, 'Business calendars');
      await step(
        'New calendar: Night desk in UTC, Monday 22:00 to 06:00 besides 09:00-17:00',
        async () => {
          await calendars.getByRole('button', { name: 'New calendar' }).click();
          await calendars.getByLabel('Calendar name').fill('Night desk');
          await calendars.getByLabel('Time zone', { exact: true }).fill('UTC');
          await calendars.getByRole('button', { name: 'Add a shift on Monday' }).click();
          await calendars.getByLabel('Monday, shift 2: start').fill('22:00');
          await calendars.getByLabel('Monday, shift 2: end').fill('06:00');
          await calendars.getByText('overnight, ends the next day').waitFor();
          await calendars.getByRole('button', { name: 'Save calendar' }).click();
          await calendars
            .getByRole('status')
            .filter({ hasText: 'Calendar Night desk saved' })
            .waitFor();
        },
      );
      const api = await desk.as(ADMIN);
      await step('the API holds the shift split at midnight', async () => {
        const { businessCalendars } = await api.data(CALENDARS);
        const night = businessCalendars.find((c: { name: string }) => c.name === 'Night desk');
        expect(night.timeZone).toBe('UTC');
        expect(night.weeklyHours).toEqual(
          expect.arrayContaining([
            { day: 'MONDAY', start: '09:00', end: '17:00' },
            { day: 'MONDAY', start: '22:00', end: '24:00' },
            { day: 'TUESDAY', start: '00:00', end: '06:00' },
          ]),
        );
      });
      await step('preview: Monday 7 December 2026 21:00 + 240 working minutes', async () => {
        await calendars.getByLabel('Clock starts').fill('2026-12-07T21:00');
        await calendars.getByLabel('Working minutes').fill('240');
        await calendars.getByRole('button', { name: 'Preview due time' }).click();
        const status = calendars.getByRole('status').filter({ hasText: /Due .*of working time/ });
        await status.waitFor();
        // 22:00 to 02:00 across midnight: Tuesday 8 December, 02:00 UTC.
        expect(await status.textContent()).toMatch(
          /(Tuesday, December 8, 2026|Tuesday,? 8 December 2026).*(2:00|02:00)/,
        );
        const { businessCalendars } = await api.data(`query { businessCalendars { id name } }`);
        const id = businessCalendars.find((c: { name: string }) => c.name === 'Night desk').id;
        const { businessDueAt } = await api.data(DUE, {
          c: id,
          s: '2026-12-07T21:00:00Z',
          m: 240,
        });
        expect(businessDueAt).toBe('2026-12-08T02:00:00.000Z');
      });
    });

    test('creates an SLA policy and finds which policy applies to a sample request', async () => {
      const policies = region(admin, names, 'SLA policies');
      await step(
        'New policy: IT, P4, 3 h first response, 2 days resolution, warn at 75%',
        async () => {
          await policies.getByRole('button', { name: 'New policy' }).click();
          await policies.getByLabel('Policy name').fill('IT low priority');
          await choose(policies.getByLabel('Supplier', { exact: true }), /^IT \(IT\)/);
          await choose(policies.getByLabel('Priority', { exact: true }), /^P4/);
          const first = policies.getByRole('group', { name: 'First response target' });
          await first.getByLabel('hours').fill('3');
          const resolution = policies.getByRole('group', { name: 'Resolution target' });
          await resolution.getByLabel('hours').fill('16');
          await policies.getByLabel('Warn at').fill('75');
          await policies.getByRole('button', { name: 'Create policy' }).click();
          await policies.getByRole('status').filter({ hasText: 'Policy saved' }).waitFor();
          await policies
            .getByRole('table', { name: 'SLA policies' })
            .getByRole('cell', { name: 'IT low priority', exact: true })
            .waitFor();
        },
      );
      await step('the API holds it', async () => {
        const { slaPolicies } = await (await desk.as(OPS)).data(POLICIES);
        expect(slaPolicies).toContainEqual(
          expect.objectContaining({
            name: 'IT low priority',
            priority: 'P4',
            firstResponseMinutes: 180,
            resolutionMinutes: 960,
            warnAtPercent: 75,
          }),
        );
      });
      await step('Which policy applies? Marketing asks IT at P4', async () => {
        await choose(policies.getByLabel('Sample supplier'), /^IT \(IT\)/);
        await choose(policies.getByLabel('Sample customer'), /^Marketing/);
        await choose(policies.getByLabel('Sample priority'), /^P4/);
        await policies.getByRole('button', { name: 'Find the policy' }).click();
        await policies
          .getByRole('status')
          .filter({ hasText: /Policy “IT low priority” applies/ })
          .waitFor();
      });
      await step('Edit it: a new name and a warning at 90%', async () => {
        await policies.getByRole('button', { name: 'Edit IT low priority' }).click();
        await policies.getByLabel('Policy name').fill('IT low priority (P4)');
        await policies.getByLabel('Warn at').fill('90');
        await policies.getByRole('button', { name: 'Save policy' }).click();
        await policies.getByRole('status').filter({ hasText: 'Policy saved' }).waitFor();
        const { slaPolicies } = await (await desk.as(OPS)).data(POLICIES);
        expect(slaPolicies).toContainEqual(
          expect.objectContaining({
            name: 'IT low priority (P4)',
            priority: 'P4',
            warnAtPercent: 90,
          }),
        );
      });
    });
    test('archives and restores, sets a level and a lead; adds a service and a webhook', async () => {
      const api = await desk.as(ADMIN);
      const departments = region(admin, names, 'Departments');
      const state = async (code: string) =>
        (
          await api.data(
            `query($code: String!) { department(code: $code) { archived level explicitLevel lead { name } members { name } } }`,
            { code },
          )
        ).department;
      await step('Archive Assembly Line A: gone from the tree until Show archived', async () => {
        await departments.getByRole('treeitem', { name: /Assembly Line A/ }).click();
        await departments.getByRole('button', { name: 'Archive', exact: true }).click();
        await departments.getByRole('status').filter({ hasText: 'is archived' }).waitFor();
        expect((await state('LINE-A')).archived).toBe(true);
        await departments
          .getByRole('treeitem', { name: /Assembly Line A/ })
          .waitFor({ state: 'detached' });
        await departments.getByLabel('Show archived').check();
        await departments.getByRole('treeitem', { name: /Assembly Line A/ }).waitFor();
      });
      await step('Restore it', async () => {
        await departments.getByRole('button', { name: 'Restore', exact: true }).click();
        await departments.getByRole('status').filter({ hasText: 'is active again' }).waitFor();
        expect((await state('LINE-A')).archived).toBe(false);
        await departments.getByLabel('Show archived').uncheck();
      });
      await step('Explicit level 3 on Sales, then a new lead for Sales', async () => {
        await departments.getByRole('treeitem', { name: /Sales/ }).click();
        await departments.getByLabel('Explicit level').fill('3');
        await departments.getByRole('button', { name: 'Set level' }).click();
        await departments.getByRole('status').filter({ hasText: 'Level set to 3' }).waitFor();
        expect(await state('SALES')).toMatchObject({ level: 3, explicitLevel: 3 });
        const before = await state('SALES');
        const other = before.members.find(
          (m: { name: string }) => m.name !== before.lead?.name,
        ).name;
        await choose(departments.getByLabel('Team lead'), new RegExp(`^${other}$`));
        await departments.getByRole('button', { name: 'Set lead' }).click();
        await departments.getByRole('status').filter({ hasText: 'now leads' }).waitFor();
        expect((await state('SALES')).lead.name).toBe(other);
      });
      await step('Sales works in Europe/Madrid by the Night desk calendar', async () => {
        await departments.getByLabel('Time zone', { exact: true }).fill('Mars/Olympus');
        await departments.getByRole('button', { name: 'Save time zone and calendar' }).click();
        await departments.locator('[aria-invalid="true"]').waitFor();
        await departments.getByLabel('Time zone', { exact: true }).fill('Europe/Madrid');
        await choose(departments.getByLabel('Business calendar'), /^Night desk/);
        await departments.getByRole('button', { name: 'Save time zone and calendar' }).click();
        await departments
          .getByRole('status')
          .filter({ hasText: 'now works in Europe/Madrid, by the calendar Night desk' })
          .waitFor();
        const sales = (
          await api.data(`query { department(code: "SALES") { timeZone calendar { name } } }`)
        ).department;
        expect(sales).toEqual({ timeZone: 'Europe/Madrid', calendar: { name: 'Night desk' } });
      });
      await step('a new service for IT', async () => {
        const services = region(admin, names, 'Services');
        await services.getByRole('button', { name: 'New service' }).click();
        await choose(services.getByLabel('Supplier department'), /^IT \(IT\)/);
        await services.getByLabel('Service name').fill('Docking station');
        await services.getByLabel('Service description').fill('A desk dock and its cables');
        await services.getByRole('button', { name: 'Create service' }).click();
        await services
          .getByRole('status')
          .filter({ hasText: 'Service Docking station saved' })
          .waitFor();
        await services.getByRole('cell', { name: 'Docking station', exact: true }).waitFor();
      });
      await step('a webhook for IT: its secret shown once, its deliveries listed', async () => {
        const webhooks = region(admin, names, 'Webhooks');
        await choose(webhooks.getByLabel('Webhooks of'), /^IT \(IT\)/);
        await webhooks.getByLabel('Webhook address').fill('not a url');
        await webhooks.getByRole('button', { name: 'Add webhook' }).click();
        await webhooks.locator('[aria-invalid="true"]').waitFor();
        await webhooks.getByLabel('Webhook address').fill('https://hooks.example.test/it');
        await webhooks.getByRole('button', { name: 'Add webhook' }).click();
        await webhooks.getByRole('status').filter({ hasText: 'shown only once' }).waitFor();
        const secret = (await webhooks.locator('code.secret').textContent()) ?? '';
        expect(secret.length).toBeGreaterThan(20);
        await webhooks.getByRole('button', { name: /Deliveries of https:\/\/hooks/ }).click();
        await webhooks.getByRole('table', { name: /Deliveries to/ }).waitFor();
        const { departmentWebhooks } = await api.data(
          `query($d: ID!) { departmentWebhooks(departmentId: $d) { url } }`,
          {
            d: (await api.data(`{ department(code: "IT") { id } }`)).department.id,
          },
        );
        expect(departmentWebhooks).toContainEqual({ url: 'https://hooks.example.test/it' });
      });
      const itWebhooks = async () =>
        (
          await api.data(`query($d: ID!) { departmentWebhooks(departmentId: $d) { url active } }`, {
            d: (await api.data(`{ department(code: "IT") { id } }`)).department.id,
          })
        ).departmentWebhooks as { url: string; active: boolean }[];
      const HOOK = 'https://hooks.example.test/it';
      await step('Pause it: the row says Paused and the API says inactive', async () => {
        const webhooks = region(admin, names, 'Webhooks');
        const row = webhooks.locator('tr', { hasText: HOOK });
        await webhooks.getByRole('button', { name: `Pause ${HOOK}` }).click();
        await webhooks.getByRole('status').filter({ hasText: 'paused' }).waitFor();
        await row.getByRole('cell', { name: 'Paused' }).waitFor();
        expect(await itWebhooks()).toContainEqual({ url: HOOK, active: false });
      });
      await step('Resume it: Active again, here and in the API', async () => {
        const webhooks = region(admin, names, 'Webhooks');
        const row = webhooks.locator('tr', { hasText: HOOK });
        await webhooks.getByRole('button', { name: `Resume ${HOOK}` }).click();
        await webhooks.getByRole('status').filter({ hasText: 'resumed' }).waitFor();
        await row.getByRole('cell', { name: 'Active' }).waitFor();
        expect(await itWebhooks()).toContainEqual({ url: HOOK, active: true });
      });
      await step('Delete asks first: Cancel keeps it, Delete webhook removes it', async () => {
        const webhooks = region(admin, names, 'Webhooks');
        await webhooks.getByRole('button', { name: `Delete ${HOOK}` }).click();
        let dialog = admin.getByRole('dialog', { name: `Delete the webhook ${HOOK}?` });
        await dialog.waitFor();
        // Cancel has the focus, so Enter on a stray keypress deletes nothing.
        await admin.keyboard.press('Enter');
        await dialog.waitFor({ state: 'detached' });
        expect((await itWebhooks()).map((w) => w.url)).toContain(HOOK);
        await webhooks.getByRole('button', { name: `Delete ${HOOK}` }).click();
        dialog = admin.getByRole('dialog', { name: `Delete the webhook ${HOOK}?` });
        await dialog.getByRole('button', { name: 'Delete webhook' }).click();
        await dialog.waitFor({ state: 'detached' });
        await webhooks.getByRole('status').filter({ hasText: 'deleted' }).waitFor();
        await webhooks.locator('tr', { hasText: HOOK }).waitFor({ state: 'detached' });
        expect((await itWebhooks()).map((w) => w.url)).not.toContain(HOOK);
      });
      await step('a webhook deleted meanwhile: Pause is refused with role alert', async () => {
        const webhooks = region(admin, names, 'Webhooks');
        const gone = 'https://hooks.example.test/gone';
        const itId = (await api.data(`{ department(code: "IT") { id } }`)).department.id;
        const { createDepartmentWebhook } = await api.data(
          `mutation($d: ID!, $u: String!) { createDepartmentWebhook(departmentId: $d, url: $u) { webhook { id } } }`,
          { d: itId, u: gone },
        );
        // Another department, and back: the list is fetched again and shows it.
        await choose(webhooks.getByLabel('Webhooks of'), /^Finance \(FIN\)/);
        await choose(webhooks.getByLabel('Webhooks of'), /^IT \(IT\)/);
        await webhooks.getByRole('button', { name: `Pause ${gone}` }).waitFor();
        await api.data(`mutation($id: ID!) { deleteDepartmentWebhook(id: $id) }`, {
          id: createDepartmentWebhook.webhook.id,
        });
        await webhooks.getByRole('button', { name: `Pause ${gone}` }).click();
        await webhooks.getByRole('alert').waitFor();
      });
    });
  });

  describe.each<Locale>(['en', 'fa'])('axe-core in %s', (locale) => {
    let names: Names;
    let page: Page;

    beforeAll(async () => {
      names = new Names(locale, desk.web.english);
      page = await open();
    });
    afterAll(() => {
      const todo = names?.todo();
      if (todo) console.log(todo);
    });

    test('Settings as an administrator, every section open', async () => {
      await signIn(page, names, ADMIN);
      await toSettings(page, names);
      await step('each section is a region named by its heading', async () => {
        // (People and Import have their own browser tests.)
        for (const name of [
          'Departments',
          'Services',
          'Business calendars',
          'SLA policies',
          'Webhooks',
        ])
          await region(page, names, name).waitFor();
      });
      await step('open a department, a calendar, a policy, a service and webhooks', async () => {
        const departments = region(page, names, 'Departments');
        await departments.getByRole('treeitem', { name: /Finance/ }).click();
        await departments.getByRole('heading', { name: /Finance/ }).waitFor();
        const calendars = region(page, names, 'Business calendars');
        await calendars.getByRole('table').getByRole('button').first().click();
        await calendars.getByRole('button', { name: names.name('Preview due time') }).waitFor();
        const policies = region(page, names, 'SLA policies');
        await policies.getByRole('table').getByRole('button').first().click();
        const services = region(page, names, 'Services');
        await services.getByRole('table').getByRole('button').first().click();
        const webhooks = region(page, names, 'Webhooks');
        await choose(webhooks.getByRole('combobox').first(), /\(IT\)/);
        await webhooks.getByRole('table').waitFor();
      });
      await expectAccessible(page, `settings, admin (${locale})`);
      await step('a webhook paused, and the Delete question', async () => {
        const api = await desk.as(ADMIN);
        const url = `https://hooks.example.test/axe-${locale}`;
        const itId = (await api.data(`{ department(code: "IT") { id } }`)).department.id;
        const { createDepartmentWebhook } = await api.data(
          `mutation($d: ID!, $u: String!) { createDepartmentWebhook(departmentId: $d, url: $u) { webhook { id } } }`,
          { d: itId, u: url },
        );
        await api.data(
          `mutation($id: ID!) { setDepartmentWebhookActive(id: $id, active: false) { id } }`,
          {
            id: createDepartmentWebhook.webhook.id,
          },
        );
        const webhooks = region(page, names, 'Webhooks');
        await choose(webhooks.getByRole('combobox').first(), /\(FIN\)/);
        await choose(webhooks.getByRole('combobox').first(), /\(IT\)/);
        const row = webhooks.locator('tr', { hasText: url });
        await row.getByRole('cell', { name: names.exact('Paused') }).waitFor();
        await row
          .getByRole('button', { name: names.format('settings.webhooks.resumeNamed', { url }) })
          .waitFor();
        await expectAccessible(page, `settings, a paused webhook (${locale})`);
        await row
          .getByRole('button', { name: names.format('settings.webhooks.deleteNamed', { url }) })
          .click();
        const dialog = page.getByRole('dialog');
        await dialog.waitFor();
        await expectAccessible(page, `settings, delete a webhook? (${locale})`);
        await dialog.getByRole('button', { name: names.exact('Cancel') }).click();
        await dialog.waitFor({ state: 'detached' });
      });
      await step('the org chart by keyboard, mirrored right to left', async () => {
        const tree = region(page, names, 'Departments').getByRole('tree');
        await tree.getByRole('treeitem').first().focus();
        // Into the first child: ArrowRight left to right, ArrowLeft right to left.
        await page.keyboard.press(locale === 'fa' ? 'ArrowLeft' : 'ArrowRight');
        const focused = () =>
          page.evaluate(() => document.activeElement?.querySelector('.dept-code')?.textContent);
        expect(await focused()).toBe('COM');
        await page.keyboard.press('s');
        expect(await focused()).toBe('SALES');
        await page.keyboard.press('End');
        await page.keyboard.press('Home');
        expect(await focused()).toBe('CO');
      });
      await step('a refusal and a validation error are shown accessibly', async () => {
        const departments = region(page, names, 'Departments');
        await departments.getByRole('treeitem', { name: /Company/ }).click();
        await choose(departments.getByLabel(names.name('New parent')), /\(FIN\)/);
        await departments.getByRole('button', { name: names.exact('Move') }).click();
        await departments.getByRole('alert').waitFor();
        const form = page.locator('form', { has: page.locator('input[maxlength="32"]') });
        await form.getByRole('button').last().click();
        await form.locator('[aria-invalid="true"]').first().waitFor();
      });
      await expectAccessible(page, `settings with an alert and field errors (${locale})`);
    });

    test('Settings as operations (departments read-only)', async () => {
      const ops = await open();
      await signIn(ops, names, OPS);
      await toSettings(ops, names);
      const departments = region(ops, names, 'Departments');
      await departments.getByRole('treeitem', { name: /Finance/ }).click();
      await departments.getByRole('heading', { name: /Finance/ }).waitFor();
      expect(await departments.getByRole('button', { name: names.exact('Move') }).count()).toBe(0);
      await expectAccessible(ops, `settings, operations (${locale})`);
    });
  });
});
