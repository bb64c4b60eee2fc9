/// <reference lib="dom" />
// (Functions passed to page.evaluate run in the browser.)
// Every screen of the web app, part 1, under axe-core in English and in Persian (no serious or
// critical violation); story 4 (a member who picks فارسی gets the app right to left, in
// Persian); and the queue and the request page by keyboard alone.
import { Browser, BrowserContext, Page } from 'playwright-core';
import { expectAccessible } from './support/axe';
import { describeInBrowser, launchChromium } from './support/chromium';
import { AGENT, Desk, eventually, MEMBER, requestState, startDesk } from './support/desk';
import { Locale, Names } from './support/names';
import { choose, htmlLangDir, mainNav, newPage, signIn, step } from './support/pages';

describeInBrowser('the screens in the browser', () => {
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

  describe.each<Locale>(['en', 'fa'])('axe-core in %s', (locale) => {
    let names: Names;
    let member: Page;
    let agent: Page;

    beforeAll(async () => {
      names = new Names(locale, desk.web.english);
      member = await open();
      agent = await open();
    });
    afterAll(() => {
      const todo = names?.todo();
      if (todo) console.log(todo);
    });

    test('sign-in page (and its wrong-password alert)', async () => {
      await step('open /sign-in', () => member.goto('/sign-in'));
      if (locale === 'fa') await step('choose فارسی', () => switchTo(member, names));
      await expectAccessible(member, `sign-in (${locale})`);
      await step('a wrong password shows role alert', async () => {
        await member.getByRole('textbox', { name: names.name('Email') }).fill(MEMBER);
        await member.getByLabel(names.name('Password')).fill('wrong-password');
        await member.getByRole('button', { name: names.name('Sign in') }).click();
        await member.getByRole('alert').waitFor();
      });
      await expectAccessible(member, `sign-in with its alert (${locale})`);
    });

    test('my requests', async () => {
      await signIn(member, names, MEMBER);
      await step('nav Main: My requests, table My requests', async () => {
        await mainNav(member, names)
          .getByRole('link', { name: names.name('My requests') })
          .click();
        await member
          .getByRole('table', { name: names.name('My requests') })
          .getByRole('row')
          .nth(1)
          .waitFor();
      });
      await expectAccessible(member, `my requests (${locale})`);
    });

    test('new request, with the targets shown', async () => {
      await step('nav Main: New request, Supplier department IT, Service Laptop', async () => {
        await mainNav(member, names)
          .getByRole('link', { name: names.name('New request') })
          .click();
        await choose(
          member.getByRole('combobox', { name: names.name('Supplier department') }),
          /(^|\W)IT(\W|$)/,
        );
        await choose(member.getByRole('combobox', { name: names.name('Service') }), /^Laptop\b/);
        await member
          .getByRole('main')
          .filter({ hasText: names.text('Horizontal') })
          .waitFor();
      });
      await expectAccessible(member, `new request (${locale})`);
    });

    test('the notifications panel open', async () => {
      await step('button Notifications opens the list', async () => {
        await member.getByRole('button', { name: names.name('Notifications') }).click();
        await member.getByRole('region', { name: names.name('Notifications') }).waitFor();
      });
      await expectAccessible(member, `notifications panel (${locale})`);
      await member.keyboard.press('Escape');
    });

    test('request page, customer side (a resolved request waiting for a rating)', async () => {
      await step('open a resolved request from My requests', async () => {
        await mainNav(member, names)
          .getByRole('link', { name: names.name('My requests') })
          .click();
        const table = member.getByRole('table', { name: names.name('My requests') });
        await table.getByRole('row').nth(1).waitFor();
        const pending = await (
          await desk.as(MEMBER)
        ).data<{ pendingRatings: { edges: { node: { request: { number: string } } }[] } }>(
          `{ pendingRatings(first: 5) { edges { node { request { number } } } } }`,
        );
        const number = pending.pendingRatings.edges[0]?.node.request.number;
        if (!number) throw new Error('API: the demo member has no request waiting for a rating');
        await member.goto(`/requests/${number}`);
        await member.getByRole('heading', { level: 1 }).filter({ hasText: number }).waitFor();
        await member.getByRole('button', { name: names.name('Submit rating') }).waitFor();
      });
      await expectAccessible(member, `request page, customer side (${locale})`);
    });

    test('queue', async () => {
      await signIn(agent, names, AGENT);
      await step('nav Main: Queue, table Queue with rows', async () => {
        await mainNav(agent, names)
          .getByRole('link', { name: names.name('Queue') })
          .click();
        await agent
          .getByRole('table', { name: names.name('Queue') })
          .getByRole('row')
          .nth(1)
          .waitFor();
      });
      await expectAccessible(agent, `queue (${locale})`);
    });

    test('request page, supplier side', async () => {
      await step('open the first request of the queue', async () => {
        const row = agent
          .getByRole('table', { name: names.name('Queue') })
          .getByRole('row')
          .nth(1);
        await row.getByRole('link').first().click();
        await agent.waitForURL(/\/requests\/[A-Z]+-\d+$/);
        await agent.getByRole('textbox', { name: names.name('Comment') }).waitFor();
      });
      await expectAccessible(agent, `request page, supplier side (${locale})`);
    });

    test('the shortcuts help (?)', async () => {
      await step('? opens the list of shortcuts', async () => {
        await agent.locator('body').press('?');
        await agent.getByRole('dialog').waitFor();
      });
      await expectAccessible(agent, `shortcuts help (${locale})`);
      await agent.keyboard.press('Escape');
      await agent.getByRole('dialog').waitFor({ state: 'hidden' });
    });
  });

  test('story 4: a member who picks فارسی gets the whole app right to left, in Persian', async () => {
    const names = new Names('fa', desk.web.english);
    const page = await open();
    await signIn(page, names, MEMBER);
    await step('<html lang="fa" dir="rtl"> after signing in', async () => {
      const html = await htmlLangDir(page);
      if (html.lang !== 'fa' || html.dir !== 'rtl') throw new Error(JSON.stringify(html));
    });
    await step('My requests (nav Main) in Persian', async () => {
      await mainNav(page, names)
        .getByRole('link', { name: names.exact('My requests') })
        .click();
      await page
        .getByRole('table', { name: names.name('My requests') })
        .getByRole('row')
        .nth(1)
        .waitFor();
    });
    // The English defaults of the shell's and My requests' own messages (nav., shell., myRequests.)
    // must not be on show; user-entered text (titles, names in <bdi> / dir=auto) may be anything.
    const ids = Object.keys(desk.web.english).filter((id) =>
      /^(nav|shell|myRequests|notifications)\./.test(id),
    );
    const untranslated = ids.filter((id) => !names.hasTranslation(id));
    if (untranslated.length)
      console.log(`TODO(i18n fa): no Persian yet for ${untranslated.join(', ')}`);
    const chrome = await uiText(page);
    const english = ids
      .filter((id) => names.hasTranslation(id) && !/[{}]/.test(desk.web.english[id]))
      .map((id) => ({ id, text: desk.web.english[id] }))
      .filter(({ id, text }) => !names.format(id).includes(text) && /[a-z]{3}/i.test(text));
    const left = english.filter(({ text }) => chrome.includes(text));
    await step('no English UI strings left on the shell and My requests', async () => {
      if (left.length)
        throw new Error(`English on show: ${left.map((l) => `${l.id} "${l.text}"`).join(', ')}`);
      // Department codes (MKT, SALES) are data, like the brand name.
      const words = [...new Set(chrome.match(/[A-Za-z]{3,}/g) ?? [])].filter(
        (w) => w !== 'Intradesk' && !/^[A-Z]+$/.test(w),
      );
      if (words.length) throw new Error(`Latin words in the Persian UI: ${words.join(', ')}`);
    });
  });

  test('the queue and the request page by keyboard alone', async () => {
    const names = new Names('en', desk.web.english);
    const page = await open();
    await signIn(page, names, AGENT);
    await step('open /queue', async () => {
      await page.goto('/queue');
      await page.getByRole('table', { name: 'Queue' }).getByRole('row').nth(1).waitFor();
    });
    await step(
      'Tab reaches the skip link first; Enter moves focus to the main content',
      async () => {
        await page.keyboard.press('Tab');
        const first = await page.evaluate(() => document.activeElement?.textContent?.trim());
        if (!/^Skip/.test(first ?? '')) throw new Error(`the first Tab stop is "${first}"`);
        await page.keyboard.press('Enter');
        await page.waitForFunction(() => document.activeElement?.id === 'main');
      },
    );
    await step('? lists the shortcuts (j, k among them); Escape closes the list', async () => {
      await page.keyboard.press('?');
      const dialog = page.getByRole('dialog', { name: /^Keyboard shortcuts/ });
      await dialog.waitFor();
      for (const key of ['j', 'k'])
        await dialog.locator('kbd', { hasText: new RegExp(`^${key}$`) }).waitFor();
      await page.keyboard.press('Escape');
      await dialog.waitFor({ state: 'hidden' });
    });
    const selected = () =>
      page.evaluate(
        () =>
          document.querySelector('tr.selected, tr[aria-selected="true"]')?.querySelector('a')
            ?.textContent,
      );
    const number = await step('j, j, k move the selection down, down, up', async () => {
      await page.keyboard.press('j');
      await page.waitForFunction(() =>
        document.querySelector('tr.selected, tr[aria-selected="true"]'),
      );
      const a = await selected();
      await page.keyboard.press('j');
      await page.waitForFunction((first) => {
        const row = document.querySelector('tr.selected, tr[aria-selected="true"]');
        return row && row.querySelector('a')?.textContent !== first;
      }, a);
      await page.keyboard.press('k');
      await page.waitForFunction((first) => {
        const row = document.querySelector('tr.selected, tr[aria-selected="true"]');
        return row?.querySelector('a')?.textContent === first;
      }, a);
      return a!;
    });
    await step(`Enter opens the selected request ${number}`, async () => {
      await page.keyboard.press('Enter');
      await page.waitForURL(new RegExp(`/requests/${number}$`));
      await page.getByRole('heading', { level: 1 }).filter({ hasText: number }).waitFor();
    });
    const text = `Sent by keyboard alone ${Date.now()}`;
    await step('c focuses Comment; type; Tab to Send; Enter sends', async () => {
      const comment = page.getByRole('textbox', { name: /^Comment/ });
      await comment.waitFor();
      await page.locator('body').press('c');
      await page.waitForFunction(
        (el) => document.activeElement === el,
        await comment.elementHandle(),
      );
      await page.keyboard.type(text);
      const send = await page.getByRole('button', { name: /^Send/ }).elementHandle();
      for (let i = 0; i < 10; i++) {
        await page.keyboard.press('Tab');
        if (await page.evaluate((el) => document.activeElement === el, send)) break;
      }
      if (!(await page.evaluate((el) => document.activeElement === el, send)))
        throw new Error('Send is not within 10 Tab stops of Comment');
      await page.keyboard.press('Enter');
      const api = await desk.as(AGENT);
      await eventually(async () => {
        const r = await requestState(api, number);
        if (!r.comments.some((c) => c.body === text)) throw new Error('API: no such comment');
      });
    });
  });
});

// The language picker of the page on show, then <html lang dir> follow.
async function switchTo(page: Page, names: Names): Promise<void> {
  await page.getByRole('combobox', { name: /^Language/ }).selectOption({ label: 'فارسی' });
  await page.waitForFunction(
    ([l]) => document.documentElement.lang === l && document.documentElement.dir === 'rtl',
    [names.locale],
  );
}

// The app's own words on show: headings, navigation, labels, buttons, table heads and captions,
// without user-entered text (<bdi>, dir=auto), pickers' endonyms and keyboard keys.
function uiText(page: Page): Promise<string> {
  return page.evaluate(() => {
    const parts: string[] = [];
    const skip = 'bdi, [dir="auto"], select, option, kbd, code, [lang]:not(html)';
    for (const el of document.querySelectorAll(
      'header, nav, h1, h2, h3, label, legend, button, th, caption, [role="status"], p',
    )) {
      const clone = el.cloneNode(true) as HTMLElement;
      clone.querySelectorAll(skip).forEach((n) => n.remove());
      parts.push(clone.textContent ?? '');
      const label = el.getAttribute('aria-label');
      if (label) parts.push(label);
    }
    return parts.join('\n');
  });
}
