// Settings → People and the set-password page: an administrator finds a person, deactivates them
// (who then cannot sign in), reactivates them, and makes a one-time link that, opened in a fresh
// browser, sets a password and signs in; the last administrator is refused in words; axe-core on
// both screens in English and Persian.
import { DEMO_EMAIL_DOMAIN } from '@intradesk/organization';
import { Browser, BrowserContext, Page } from 'playwright-core';
import { expectAccessible } from './support/axe';
import { describeInBrowser, launchChromium } from './support/chromium';
import { Desk, eventually, MEMBER, startDesk } from './support/desk';
import { Locale, Names } from './support/names';
import { chooseLanguage, mainNav, newPage, signIn, step } from './support/pages';

const ADMIN = `admin@${DEMO_EMAIL_DOMAIN}`;
const LOGIN =
  'mutation($e: String!, $p: String!) { login(email: $e, password: $p) { accessToken } }';

describeInBrowser('people administration in the browser', () => {
  let desk: Desk;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  // The member's password: each locale's run sets a new one.
  let memberPassword = 'intradesk-demo';
  const open = async () => {
    const { context, page } = await newPage(browser, desk.baseUrl);
    contexts.push(context);
    return page;
  };
  // What the API answers a sign-in: 'OK' or the refusal's reason (else code).
  const signInOutcome = async (email: string, password: string) => {
    const result = await desk.app.graphql.request(LOGIN, { e: email, p: password });
    const extensions = result.errors?.[0]?.extensions;
    return extensions ? String(extensions.reason ?? extensions.code) : 'OK';
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

  const openPeople = async (page: Page, names: Names) => {
    await step('nav Main: Settings, region People', async () => {
      await mainNav(page, names)
        .getByRole('link', { name: names.name('Settings') })
        .click();
      await page
        .getByRole('region', { name: names.exact('People') })
        .getByRole('table', { name: names.exact('People') })
        .getByRole('row')
        .nth(1)
        .waitFor();
    });
    return page.getByRole('region', { name: names.exact('People') });
  };

  describe.each<Locale>(['en', 'fa'])('in %s', (locale) => {
    let names: Names;
    let admin: Page;

    beforeAll(async () => {
      names = new Names(locale, desk.web.english);
      admin = await open();
    });
    afterAll(() => {
      const todo = names?.todo();
      if (todo) console.log(todo);
    });

    test('search, deactivate, reactivate and a set-password link', async () => {
      await signIn(admin, names, ADMIN);
      const people = await openPeople(admin, names);
      await expectAccessible(admin, `settings people (${locale})`);
      const table = people.getByRole('table', { name: names.exact('People') });
      const row = table.getByRole('row', { name: new RegExp(MEMBER.replace(/\./g, '\\.')) });

      await step('Search finds the member', async () => {
        await people.getByRole('searchbox', { name: names.name('Search') }).fill('member.mkt');
        await row.waitFor();
        await eventually(async () => expect(await table.getByRole('row').count()).toBe(2));
      });

      await step('Deactivate, confirmed in a dialog', async () => {
        await row.getByRole('button', { name: names.exact('Deactivate') }).click();
        const dialog = admin.getByRole('dialog');
        await expectAccessible(admin, `deactivate dialog (${locale})`);
        await dialog.getByRole('button', { name: names.exact('Deactivate') }).click();
        await dialog.waitFor({ state: 'detached' });
      });
      await step('the member cannot sign in (API)', async () =>
        expect(await signInOutcome(MEMBER, memberPassword)).toBe('USER_DEACTIVATED'),
      );

      await step('Show deactivated lists them as Deactivated; Reactivate', async () => {
        await people.getByRole('checkbox', { name: names.name('Show deactivated') }).check();
        await row.getByRole('cell', { name: names.exact('Deactivated') }).waitFor();
        await row.getByRole('button', { name: names.exact('Reactivate') }).click();
        await row.getByRole('cell', { name: names.exact('Active') }).waitFor();
      });
      await step('the member can sign in again (API)', async () =>
        expect(await signInOutcome(MEMBER, memberPassword)).toBe('OK'),
      );

      const link = await step('Reset password shows a one-time link with Copy', async () => {
        await row.getByRole('button', { name: names.exact('Reset password') }).click();
        const dialog = admin.getByRole('dialog');
        await dialog.getByRole('button', { name: names.exact('Copy') }).waitFor();
        await expectAccessible(admin, `reset link dialog (${locale})`);
        const url = await dialog
          .getByRole('textbox', { name: names.name('Set-password link') })
          .inputValue();
        expect(url).toMatch(/\/set-password\?token=[\w-]{43}$/);
        await dialog.getByRole('button', { name: names.exact('Close') }).click();
        return url;
      });

      const password = `a-new-password-${locale}`;
      await step('the link, in a fresh browser, sets a password and signs in', async () => {
        const fresh = await open();
        await fresh.goto(link);
        if (locale !== 'en') await chooseLanguage(fresh, names);
        await fresh.getByRole('heading', { level: 1 }).waitFor();
        await fresh.getByLabel(names.name('New password')).fill('short');
        await fresh.getByRole('button', { name: names.exact('Set password') }).click();
        await fresh.getByRole('alert').waitFor();
        await expectAccessible(fresh, `set-password page with its alert (${locale})`);
        await fresh.getByLabel(names.name('New password')).fill(password);
        await fresh.getByLabel(names.name('Confirm password')).fill(password);
        await fresh.getByRole('button', { name: names.exact('Set password') }).click();
        await mainNav(fresh, names).waitFor();
        await fresh.waitForURL(/\/my-requests$/);
        // The link works once.
        await fresh.goto(link);
        await fresh.getByLabel(names.name('New password')).fill('yet-another-one');
        await fresh.getByLabel(names.name('Confirm password')).fill('yet-another-one');
        await fresh.getByRole('button', { name: names.exact('Set password') }).click();
        await fresh.getByRole('alert').waitFor();
      });
      await step('the new password signs in (API)', async () => {
        expect(await signInOutcome(MEMBER, password)).toBe('OK');
        memberPassword = password;
      });
    });

    test('the last administrator is refused in words', async () => {
      const people = admin.getByRole('region', { name: names.exact('People') });
      await step('edit myself to Operations: role alert', async () => {
        await people.getByRole('searchbox', { name: names.name('Search') }).fill(ADMIN);
        const row = people.getByRole('row', { name: /admin@/ });
        await row.getByRole('button', { name: names.exact('Edit') }).click();
        const dialog = admin.getByRole('dialog');
        await dialog
          .getByRole('combobox', { name: names.exact('Role') })
          .selectOption({ label: names.text('Operations') });
        await dialog.getByRole('button', { name: names.exact('Save') }).click();
        await dialog.getByRole('alert').waitFor();
        expect(await dialog.getByRole('alert').textContent()).toContain(
          names.text(
            'This is the last active administrator. Make someone else an administrator first.',
          ),
        );
        await expectAccessible(admin, `edit dialog with its alert (${locale})`);
        await dialog.getByRole('button', { name: names.exact('Cancel') }).click();
      });
    });
  });
});
