/// <reference lib="dom" />
// (Functions passed to page.evaluate run in the browser.)
// Attachments in the web app (issue 15, part 3): a member attaches a screenshot with the
// Attach files button, sends it with a comment, and sees it in the conversation as an inline
// thumbnail and a download link; the agent's page shows it too, and the bytes are the same.
import { createHash } from 'node:crypto';
import { Browser, BrowserContext, Page } from 'playwright-core';
import { departmentIds } from '../factories/organization.factory';
import { fileRequest } from '../factories/requests.factory';
import { expectAccessible } from './support/axe';
import { describeInBrowser, launchChromium } from './support/chromium';
import { AGENT, Desk, eventually, MEMBER, startDesk } from './support/desk';
import { Names } from './support/names';
import { newPage, signIn, step } from './support/pages';

const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);

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
    desk = await startDesk();
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
});
