/// <reference lib="dom" />
// Outgoing e-mail in the web app (issue 15, part 1): an administrator reads the outgoing
// messages under Settings, Outgoing mail (no SMTP_URL here, so they are kept, not sent), a page
// at a time with "Show more messages"; a member chooses the daily digest for replies and their e-mail follows the app's language;
// a message's one-click unsubscribe link, opened in the browser, asks first and then turns that
// e-mail off (English and Persian; saved as PNGs in the temp directory).
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Browser, BrowserContext, Page } from 'playwright-core';
import { AppConfig } from '@intradesk/core';
import {
  MailDeliveryJob,
  NotificationKind,
  NotificationsService,
  signUnsubscribeToken,
} from '@intradesk/notifications';
import { expectAccessible } from './support/axe';
import { describeInBrowser, launchChromium } from './support/chromium';
import { Desk, eventually, MEMBER, startDesk } from './support/desk';
import { Names } from './support/names';
import { mainNav, newPage, signIn, step } from './support/pages';

const ADMIN = 'admin@demo.intradesk.test';

describeInBrowser('Outgoing e-mail in the browser', () => {
  let desk: Desk;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  const open = async () => {
    const { context, page } = await newPage(browser, desk.baseUrl);
    contexts.push(context);
    return page;
  };
  const names = new Names('en', {});

  beforeAll(async () => {
    desk = await startDesk();
    browser = await launchChromium();
    // The demo's notifications queued mail, and survey invitations to everyone, so that there
    // is more than one page (50) of it; rendered and kept (no SMTP server).
    const users: { id: string }[] = await desk.app.dataSource.query(
      `SELECT id FROM users WHERE deactivated_at IS NULL ORDER BY email`,
    );
    const notifications = desk.app.app.get(NotificationsService);
    await desk.app.dataSource.transaction((manager) =>
      notifications.addMany(
        manager,
        Array.from({ length: 60 }, (_, i) => ({
          userId: users[i % users.length].id,
          kind: NotificationKind.SURVEY_INVITATION,
          message: `Survey ${i}`,
          params: { title: `Survey ${i}`, closesAt: new Date().toISOString() },
          createdAt: new Date(),
        })),
      ),
    );
    await desk.app.app.get(MailDeliveryJob).runUntilIdle();
    // Older than the demo's own mail, so that the newest messages are about requests.
    await desk.app.dataSource.query(
      `UPDATE mail_messages SET created_at = created_at - interval '400 days'
        WHERE kind = 'SURVEY_INVITATION' AND params->>'title' LIKE 'Survey %'`,
    );
  });
  afterAll(async () => {
    for (const context of contexts) await context.close();
    await browser?.close();
    await desk?.close();
  });

  test('an administrator reads the outgoing mail', async () => {
    const admin: Page = await open();
    await signIn(admin, names, ADMIN);
    await step('nav Main: Settings', async () => {
      await mainNav(admin, names).getByRole('link', { name: 'Settings' }).click();
      await admin.getByRole('heading', { level: 1, name: 'Settings' }).waitFor();
    });
    const section = admin.getByRole('region', { name: 'Outgoing mail' });
    const table = section.getByRole('table', { name: 'Outgoing mail' });
    const [{ total }] = await desk.app.dataSource.query(
      `SELECT count(*)::int AS total FROM mail_messages`,
    );
    const [{ notSent }] = await desk.app.dataSource.query(
      `SELECT count(*)::int AS "notSent" FROM mail_messages WHERE status = 'NOT_SENT'`,
    );
    expect(total).toBeGreaterThan(60);
    expect(notSent).toBeGreaterThan(50);
    const rowCount = async () => (await table.locator('tbody tr').all()).length;
    await step('the first page: 50 of them', async () => {
      await section
        .getByRole('status')
        .filter({ hasText: `Showing 50 of ${total}` })
        .waitFor();
      expect(await rowCount()).toBe(50);
    });
    await step('Show more messages (keyboard)', async () => {
      const more = section.getByRole('button', { name: 'Show more messages' });
      await more.focus();
      await admin.keyboard.press('Enter');
      const shown = Math.min(100, total);
      await section
        .getByRole('status')
        .filter({ hasText: `Showing ${shown} of ${total}` })
        .waitFor();
      expect(await rowCount()).toBe(shown);
    });
    await expectAccessible(admin, 'settings, outgoing mail, two pages');
    await step('Mail status: Not sent', async () => {
      await section
        .getByLabel('Mail status')
        .selectOption({ label: 'Not sent (no SMTP server set)' });
      // The filtered list, not the one before it.
      await section
        .getByRole('status')
        .filter({ hasText: `Showing 50 of ${notSent}` })
        .waitFor();
      await table.getByRole('row').nth(1).getByRole('button', { name: 'Read' }).waitFor();
    });
    await step('Read the first message', async () => {
      await table.getByRole('button', { name: 'Read' }).first().click();
      const text = section.getByRole('region', { name: 'Message text' });
      await text.waitFor();
      expect(await text.textContent()).toMatch(/\/requests\/[A-Z]+-\d+/);
    });
    await expectAccessible(admin, 'settings, outgoing mail');
  }, 180_000);

  test('a member chooses the daily digest for replies; e-mail follows the language', async () => {
    const member: Page = await open();
    await signIn(member, names, MEMBER);
    await member.goto(`${desk.baseUrl}/settings/notifications`);
    await member.getByRole('heading', { level: 1, name: 'Notification settings' }).waitFor();
    await step('E-mail: Replies on my requests: In the daily digest; digest at 7', async () => {
      await member
        .getByLabel('E-mail: Replies on my requests')
        .selectOption({ label: 'In the daily digest' });
      await member.getByLabel(/Daily digest at/).selectOption('7');
      await member.getByRole('button', { name: 'Save settings' }).click();
      await member.getByRole('status').filter({ hasText: 'Saved.' }).waitFor();
    });
    const api = await desk.as(MEMBER);
    const { notificationPreferences, mailSettings } = await api.data(
      '{ notificationPreferences { kind email } mailSettings { digestHour locale } }',
    );
    expect(
      notificationPreferences.find((p: { kind: string }) => p.kind === 'REQUEST_COMMENTED').email,
    ).toBe('DIGEST');
    expect(mailSettings.digestHour).toBe(7);
    await expectAccessible(member, 'notification settings with e-mail');
    await step('Language: Español', async () => {
      await member.getByLabel('Language').first().selectOption('es');
      await eventually(async () => {
        const { mailSettings: s } = await api.data('{ mailSettings { locale } }');
        expect(s.locale).toBe('es');
      }, 10_000);
    });
  }, 120_000);

  test.each([
    ['member.hr@demo.intradesk.test', 'en', 'Stop these e-mails', /^Done: no more e-mail about/],
    ['member.fin@demo.intradesk.test', 'fa', 'توقف این ایمیل‌ها', /^انجام شد/],
  ])(
    'an unsubscribe link (%s, %s) changes nothing when opened, and its button turns that e-mail off',
    async (email, locale, button, done) => {
      await desk.app.dataSource.query(`UPDATE users SET locale = $2 WHERE email = $1`, [
        email,
        locale,
      ]);
      const [{ id }] = await desk.app.dataSource.query(`SELECT id FROM users WHERE email = $1`, [
        email,
      ]);
      const secret = desk.app.app.get(AppConfig).mailReplySecret;
      const token = signUnsubscribeToken(secret, id, 'REQUEST_ASSIGNED', new Date());
      const api = await desk.as(email);
      const assigned = async () =>
        (
          (await api.data('{ notificationPreferences { kind email } }'))
            .notificationPreferences as { kind: string; email: string }[]
        ).find((p) => p.kind === 'REQUEST_ASSIGNED')!.email;
      const before = await assigned();
      expect(before).not.toBe('OFF');

      // Opened from a mail client: not signed in.
      const page: Page = await open();
      await page.goto(`${desk.baseUrl}/mail/unsubscribe?token=${token}`);
      await page.getByRole('heading', { level: 1 }).waitFor();
      expect(await page.locator('html').getAttribute('lang')).toBe(locale);
      expect(await page.locator('html').getAttribute('dir')).toBe(locale === 'fa' ? 'rtl' : 'ltr');
      expect(await assigned()).toBe(before);
      await expectAccessible(page, `unsubscribe page (${locale})`);
      await page.screenshot({ path: path.join(tmpdir(), `intradesk-unsubscribe-${locale}.png`) });

      await step(`press ${button}`, async () => {
        await page.getByRole('button', { name: button }).press('Enter');
        await page.getByRole('status').filter({ hasText: done }).waitFor();
      });
      expect(await assigned()).toBe('OFF');
      await expectAccessible(page, `unsubscribe done (${locale})`);
    },
    60_000,
  );
});
