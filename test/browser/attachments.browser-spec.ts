/// <reference lib="dom" />
// (Functions passed to page.evaluate run in the browser.)
// Attachments in the web app (issue 15, part 3): a member attaches a screenshot with the
// Attach files button, sends it with a comment, and sees it in the conversation as an inline
// thumbnail and a download link; the agent's page shows it too, and the bytes are the same.
// And on the New request form (English and Persian): a member attaches a file by keyboard, sees
// a file past the limit refused in words, files the request and finds the file on its page.
// The form with its file is saved as a PNG (NEW_REQUEST_SHOTS, else the temp directory).
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Browser, BrowserContext, Page } from 'playwright-core';
import { departmentIds } from '../factories/organization.factory';
import { fileRequest } from '../factories/requests.factory';
import { expectAccessible } from './support/axe';
import { describeInBrowser, launchChromium } from './support/chromium';
import { AGENT, Desk, eventually, MEMBER, startDesk } from './support/desk';
import { Locale, Names } from './support/names';
import { choose, mainNav, newPage, signIn, step } from './support/pages';

const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);
// ATTACHMENT_MAX_BYTES for this spec: small, so a file past it is quick to send.
const MAX_BYTES = 64 * 1024;

describeInBrowser('attachments in the browser', () => {
  let desk: Desk;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  const names = new Names('en', {});
  const open = async () => {
    const { context, page } = await newPage(browser, desk.baseUrl);
    contexts.push(context);
    return page;
  };

  beforeAll(async () => {
    desk = await startDesk({ ATTACHMENT_MAX_BYTES: String(MAX_BYTES) });
    browser = await launchChromium();
  });
  afterAll(async () => {
    for (const context of contexts) await context.close();
    await browser?.close();
    await desk?.close();
  });

  test('a member attaches a screenshot to a comment and both sides see it', async () => {
    const ids = await departmentIds(desk.app.dataSource);
    const request = await fileRequest(await desk.as(MEMBER), ids.IT, { title: 'Printer error' });
    const member: Page = await open();
    await signIn(member, names, MEMBER);
    await member.goto(`${desk.baseUrl}/requests/${request.number}`);
    await member.getByRole('heading', { level: 1 }).filter({ hasText: request.number }).waitFor();

    await step('Attach files: error.png', async () => {
      const chooser = member.waitForEvent('filechooser');
      await member.getByRole('button', { name: 'Attach files' }).click();
      await (await chooser).setFiles({ name: 'error.png', mimeType: 'image/png', buffer: PNG });
      const pending = member.getByRole('list', { name: 'Files to send' });
      await pending.getByText('Ready').waitFor();
      await pending.getByRole('button', { name: 'Remove error.png' }).waitFor();
    });
    await expectAccessible(member, 'request page with a file to send');

    await step('Comment and Send', async () => {
      await member.getByLabel('Comment').fill('The printer shows this error');
      await member.getByRole('button', { name: 'Send' }).click();
      await member.getByRole('list', { name: 'Files to send' }).waitFor({ state: 'detached' });
    });

    const conversation = member.getByRole('list', { name: 'Conversation' });
    const files = conversation.getByRole('list', { name: 'Attachments' });
    await step('the conversation shows the thumbnail and the link', async () => {
      const thumb = files.getByRole('img', { name: 'error.png' });
      await thumb.waitFor();
      await eventually(async () => {
        const width = await thumb.evaluate((img) => (img as HTMLImageElement).naturalWidth);
        if (width !== 1) throw new Error(`the thumbnail has not loaded (naturalWidth ${width})`);
      });
      await files.getByRole('link', { name: 'error.png' }).last().waitFor();
    });
    await expectAccessible(member, 'request page with an attachment');

    const agent: Page = await open();
    await signIn(agent, names, AGENT);
    await agent.goto(`${desk.baseUrl}/requests/${request.number}`);
    const agentFiles = agent
      .getByRole('list', { name: 'Conversation' })
      .getByRole('list', { name: 'Attachments' });
    await agentFiles.getByRole('img', { name: 'error.png' }).waitFor();
    const href = await agentFiles
      .getByRole('link', { name: 'error.png' })
      .last()
      .getAttribute('href');
    const bytes = await agent.evaluate(async (url) => {
      const response = await fetch(url!, { credentials: 'same-origin' });
      return Array.from(new Uint8Array(await response.arrayBuffer()));
    }, href);
    const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');
    expect(sha(Buffer.from(bytes))).toBe(sha(PNG));
  }, 180_000);

  test.each<Locale>(['en', 'fa'])(
    'a member files a request with a file attached and sees it on its page (%s)',
    async (locale) => {
      const names = new Names(locale, desk.web.english);
      const member: Page = await open();
      await signIn(member, names, MEMBER);
      const title = `Projector flickers (${locale})`;
      await step(
        'nav Main: New request, Supplier department IT, Service Laptop, Title',
        async () => {
          await mainNav(member, names)
            .getByRole('link', { name: names.name('New request') })
            .click();
          await choose(
            member.getByRole('combobox', { name: names.name('Supplier department') }),
            /(^|\W)IT(\W|$)/,
          );
          await choose(member.getByRole('combobox', { name: names.name('Service') }), /^Laptop\b/);
          await member.getByRole('textbox', { name: names.name('Title') }).fill(title);
        },
      );

      const files = member.getByRole('list', { name: names.name('Files to send') });
      await step('Tab to Attach files: flicker.png, then one past the limit', async () => {
        const attach = member.getByRole('button', { name: names.name('Attach files') });
        // Reached by Tab from the description (the next control of the form).
        await member.getByRole('textbox', { name: names.name('Description') }).focus();
        await member.keyboard.press('Tab');
        expect(await attach.evaluate((el) => el === document.activeElement)).toBe(true);
        // (A key press opens no file chooser under headless Chromium here; a click does.)
        let chooser = member.waitForEvent('filechooser');
        await attach.click();
        await (await chooser).setFiles({ name: 'flicker.png', mimeType: 'image/png', buffer: PNG });
        await files.getByText(names.text('Ready')).waitFor();
        chooser = member.waitForEvent('filechooser');
        await attach.click();
        await (
          await chooser
        ).setFiles({
          name: 'video.bin',
          mimeType: 'application/octet-stream',
          buffer: Buffer.alloc(MAX_BYTES + 1, 1),
        });
        // Refused in words, on its own row.
        const refused = files.getByRole('listitem').filter({ hasText: 'video.bin' });
        await refused.getByRole('alert').waitFor();
        const words = await refused.getByRole('alert').innerText();
        if (locale === 'en') expect(words).toMatch(/^Too large: a file may be up to 66 kB$/);
        else expect(words).not.toMatch(/Too large/);
      });
      await expectAccessible(member, `new request with files (${locale})`);
      await step('the form with its files, as a PNG', async () => {
        const dir = process.env.NEW_REQUEST_SHOTS ?? tmpdir();
        await member.screenshot({
          path: path.join(dir, `new-request-files-${locale}.png`),
          fullPage: true,
        });
      });

      await step('Remove video.bin, then File request opens the request page', async () => {
        await files
          .getByRole('button', {
            name: names.format('request.attachments.remove', { name: 'video.bin' }),
          })
          .click();
        await files.getByText('video.bin').waitFor({ state: 'detached' });
        await member.getByRole('button', { name: names.name('File request') }).click();
        await member.waitForURL(/\/requests\/IT-\d+$/);
      });
      await step('the request page shows the file under its description', async () => {
        const description = member.getByRole('region', { name: names.name('Description') });
        const list = description.getByRole('list', { name: names.name('Attachments') });
        await list.getByRole('link', { name: 'flicker.png' }).last().waitFor();
        await list.getByRole('img', { name: 'flicker.png' }).waitFor();
      });
      await expectAccessible(member, `request page with its filed file (${locale})`);
    },
    180_000,
  );
});
