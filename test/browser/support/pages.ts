/// <reference lib="dom" />
// (Functions passed to page.evaluate run in the browser.)
import * as fs from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { DEMO_PASSWORD } from '@intradesk/organization';
import { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { Names } from './names';

const FAILURES = path.join(tmpdir(), 'intradesk-browser-failures');
const open = new Set<Page>();

// Screenshots of every open page when a step fails (their paths go into the error).
async function screenshots(name: string): Promise<string[]> {
  fs.mkdirSync(FAILURES, { recursive: true });
  const base = name.replace(/[^\w-]+/g, '-').slice(0, 60);
  const files: string[] = [];
  let i = 0;
  for (const page of open) {
    const file = path.join(FAILURES, `${Date.now()}-${base}-${i++}.png`);
    const ok = await page.screenshot({ path: file, fullPage: true, timeout: 5_000 }).then(
      () => true,
      () => false,
    );
    if (ok) files.push(`${file} (${page.url()})`);
  }
  return files;
}

// Steps say which one failed, so a screen's owner knows where to look.
export async function step<T>(name: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    const shots = await screenshots(name);
    const message = `${error instanceof Error ? error.message : String(error)}${shots.length ? `\nscreenshots: ${shots.join(', ')}` : ''}`;
    const wrapped = new Error(`step "${name}" failed: ${message}`);
    wrapped.stack = `${wrapped.message}\n${error instanceof Error ? error.stack : ''}`;
    throw wrapped;
  }
}

export async function newPage(
  browser: Browser,
  baseUrl: string,
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({
    baseURL: baseUrl,
    locale: 'en-GB',
    viewport: { width: 1280, height: 900 },
  });
  // Generous for a busy 2-core machine; every wait ends as soon as its condition holds.
  context.setDefaultTimeout(15_000);
  const page = await context.newPage();
  open.add(page);
  page.on('close', () => open.delete(page));
  // The app's own errors fail loudly in the test output.
  page.on('pageerror', (error) => process.stderr.write(`page error: ${error.message}\n`));
  return { context, page };
}

// The Language combobox of the sign-in page (or the shell), then <html lang dir> follow.
export async function chooseLanguage(page: Page, names: Names): Promise<void> {
  // Named in the language on show: English at first, the chosen one once picked.
  const label = new RegExp(`^\\s*(Language|${names.text('Language')})`);
  await page.getByRole('combobox', { name: label }).selectOption({
    label: names.locale === 'fa' ? 'فارسی' : 'English',
  });
  const [lang, dir] = names.locale === 'fa' ? ['fa', 'rtl'] : ['en', 'ltr'];
  await page.waitForFunction(
    ([l, d]) => document.documentElement.lang === l && document.documentElement.dir === d,
    [lang, dir],
  );
}

export async function signIn(
  page: Page,
  names: Names,
  email: string,
  options: { wrongPasswordFirst?: boolean } = {},
): Promise<void> {
  await step('open /sign-in', () => page.goto('/sign-in'));
  if (names.locale !== 'en')
    await step(`choose ${names.locale} in the Language combobox`, () =>
      chooseLanguage(page, names),
    );
  const emailBox = page.getByRole('textbox', { name: names.name('Email') });
  const password = page.getByLabel(names.name('Password'));
  const submit = page.getByRole('button', { name: names.name('Sign in') });
  if (options.wrongPasswordFirst)
    await step('a wrong password shows role alert', async () => {
      await emailBox.fill(email);
      await password.fill('not-the-password');
      await submit.click();
      await page.getByRole('alert').waitFor();
    });
  await step(`sign in as ${email}`, async () => {
    await emailBox.fill(email);
    await password.fill(DEMO_PASSWORD);
    await submit.click();
    await page.getByRole('navigation', { name: names.name('Main') }).waitFor();
  });
}

export const mainNav = (page: Page, names: Names) =>
  page.getByRole('navigation', { name: names.name('Main') });

// Picks an option of a combobox, native <select> or ARIA, once it is offered (options may
// load after another choice).
export async function choose(combobox: Locator, option: RegExp): Promise<void> {
  await combobox.waitFor();
  const tag = await combobox.evaluate((el) => el.tagName);
  if (tag !== 'SELECT') {
    await combobox.click();
    await combobox.page().getByRole('option', { name: option }).first().click();
    return;
  }
  const handle = await combobox.elementHandle();
  const value = await combobox
    .page()
    .waitForFunction(
      ([select, source, flags]) => {
        const re = new RegExp(source as string, flags as string);
        const found = [...(select as HTMLSelectElement).options].find(
          (o) => !o.disabled && re.test((o.textContent ?? '').trim()),
        );
        return found ? found.value : false;
      },
      [handle, option.source, option.flags] as const,
      { timeout: 15_000 },
    )
    .then((h) => h.jsonValue() as Promise<string>);
  await combobox.selectOption(value);
}

// Marks the page's window: a reload or a full navigation loses the mark.
export async function markNoReload(page: Page): Promise<() => Promise<void>> {
  const mark = `mark-${Math.random()}`;
  await page.evaluate((m) => ((window as unknown as { __mark: string }).__mark = m), mark);
  return async () => {
    const now = await page.evaluate(() => (window as unknown as { __mark?: string }).__mark);
    if (now !== mark) throw new Error('the page was reloaded (it should update live)');
  };
}

// Records every time `secret` reaches the page: in its DOM (a MutationObserver from the first
// script on), in a GraphQL response or in a WebSocket frame.
export async function guardSecret(page: Page, secret: string): Promise<() => Promise<string[]>> {
  const leaks: string[] = [];
  await page.addInitScript((s) => {
    const w = window as unknown as { __leaks: string[] };
    w.__leaks = [];
    const check = () => {
      if (document.documentElement?.textContent?.includes(s)) w.__leaks.push(location.pathname);
    };
    new MutationObserver(check).observe(document, {
      subtree: true,
      childList: true,
      characterData: true,
    });
  }, secret);
  page.on('response', async (response) => {
    if (!response.url().includes('/graphql')) return;
    const body = await response.text().catch(() => '');
    if (body.includes(secret)) leaks.push(`HTTP response of ${response.url()}`);
  });
  page.on('websocket', (ws) =>
    ws.on('framereceived', (frame) => {
      if (String(frame.payload).includes(secret)) leaks.push('WebSocket frame');
    }),
  );
  return async () => {
    const inDom = await page.evaluate(() => (window as unknown as { __leaks: string[] }).__leaks);
    return [...leaks, ...inDom.map((p) => `DOM of ${p}`)];
  };
}

export const htmlLangDir = (page: Page) =>
  page.evaluate(() => ({
    lang: document.documentElement.lang,
    dir: document.documentElement.dir,
  }));
