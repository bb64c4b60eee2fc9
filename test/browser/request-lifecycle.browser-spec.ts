/// <reference lib="dom" />
// (Functions passed to page.evaluate run in the browser.)
// Stories 1-3 of the web app, part 1, in a real Chromium, in English and in Persian: a member of
// Marketing files a request to IT, IT's agent works it while the member's page follows live, and
// the member rates it. Each step's effect is checked through the API as well.
import { Browser, BrowserContext, Page } from 'playwright-core';
import { formatMinutes } from '../../apps/web/src/sla/business-duration';
import { describeInBrowser, launchChromium } from './support/chromium';
import {
  AGENT,
  Desk,
  eventually,
  MEMBER,
  requestState,
  startDesk,
  unreadCount,
} from './support/desk';
import { Locale, Names } from './support/names';
import {
  choose,
  guardSecret,
  htmlLangDir,
  mainNav,
  markNoReload,
  newPage,
  signIn,
  step,
} from './support/pages';

function expectEqual<T>(actual: T, expected: T, what: string): void {
  if (JSON.stringify(actual) !== JSON.stringify(expected))
    throw new Error(`${what}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`);
}

describeInBrowser('requesters and agents in the browser', () => {
  let desk: Desk;
  let browser: Browser;

  beforeAll(async () => {
    desk = await startDesk();
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await desk?.close();
  });

  describe.each<Locale>(['en', 'fa'])('in %s', (locale) => {
    let names: Names;
    let contexts: BrowserContext[] = [];
    let member: Page;
    let agent: Page;
    let number = '';
    let memberNotReloaded: () => Promise<void>;
    let agentNotReloaded: () => Promise<void>;
    let leaksOfNote: () => Promise<string[]>;
    const stamp = `${locale}-${Date.now().toString(36)}`;
    const title = `Laptop for new hire (${locale})`;
    const description = `Starts on Monday; needs the design suite (${stamp}).`;
    const reply = `We have one in stock, ${stamp}.`;
    const note = `Internal: charge to cost centre 4711 ${stamp}`;
    const question = `Which room should it go to, ${stamp}?`;
    const customerReply = `Monday 9:00 at reception, ${stamp}.`;
    const ratingComment = `Quick and friendly, ${stamp}.`;

    const memberApi = () => desk.as(MEMBER);
    const agentApi = () => desk.as(AGENT);
    const status = (s: string) => names.format(`status.${s}`);
    const conversation = (page: Page) =>
      page.getByRole('list', { name: names.name('Conversation') });

    beforeAll(async () => {
      names = new Names(locale, desk.web.english);
      const m = await newPage(browser, desk.baseUrl);
      const a = await newPage(browser, desk.baseUrl);
      contexts = [m.context, a.context];
      member = m.page;
      agent = a.page;
      // Before the first page loads, so the note is watched for from the start.
      leaksOfNote = await guardSecret(member, note);
    });
    afterAll(async () => {
      const todo = names?.todo();
      if (todo) console.log(todo);
      for (const context of contexts) await context.close();
    });

    test('story 1: a member of Marketing files "Laptop for new hire" to IT', async () => {
      await signIn(member, names, MEMBER, { wrongPasswordFirst: true });
      if (locale === 'fa')
        expectEqual(await htmlLangDir(member), { lang: 'fa', dir: 'rtl' }, '<html lang dir>');
      await signIn(agent, names, AGENT);
      await step('the agent opens Queue (nav Main) and sees the table Queue', async () => {
        await mainNav(agent, names)
          .getByRole('link', { name: names.name('Queue') })
          .click();
        await agent.getByRole('table', { name: names.name('Queue') }).waitFor();
      });
      agentNotReloaded = await markNoReload(agent);

      await step('the member opens New request (nav Main)', () =>
        mainNav(member, names)
          .getByRole('link', { name: names.name('New request') })
          .click(),
      );
      await step('combobox Supplier department: IT', () =>
        choose(
          member.getByRole('combobox', { name: names.name('Supplier department') }),
          /(^|\W)IT(\W|$)/,
        ),
      );
      await step('combobox Service: Laptop', () =>
        choose(member.getByRole('combobox', { name: names.name('Service') }), /^Laptop\b/),
      );
      await step('combobox Priority: P2', () =>
        choose(member.getByRole('combobox', { name: names.name('Priority') }), /^P2\b/),
      );
      await step('textboxes Title and Description', async () => {
        await member.getByRole('textbox', { name: names.name('Title') }).fill(title);
        await member.getByRole('textbox', { name: names.name('Description') }).fill(description);
      });

      const api = await memberApi();
      const it = await api.data(`{ department(code: "IT") { id } }`);
      const services = await api.data(`query($s: ID) { services(supplierId: $s) { id name } }`, {
        s: it.department.id,
      });
      const laptop = services.services.find((s: { name: string }) => s.name === 'Laptop');
      const preview = (
        await api.data(
          `query($s: ID!, $v: ID) { slaPreview(supplierId: $s, serviceId: $v, priority: P2) {
             relationshipType firstResponseMinutes resolutionMinutes } }`,
          { s: it.department.id, v: laptop.id },
        )
      ).slaPreview;
      expectEqual(preview.relationshipType, 'HORIZONTAL', 'API: slaPreview.relationshipType');
      await step('before filing, "Horizontal" and the targets are shown', async () => {
        const main = member.getByRole('main');
        await main.filter({ hasText: names.text('Horizontal') }).waitFor();
        for (const minutes of [preview.firstResponseMinutes, preview.resolutionMinutes])
          if (minutes !== null)
            await main.filter({ hasText: formatMinutes(minutes, locale) }).waitFor();
      });

      memberNotReloaded = async () => undefined;
      await step('File request opens the request page /requests/IT-n', async () => {
        await member.getByRole('button', { name: names.name('File request') }).click();
        await member.waitForURL(/\/requests\/IT-\d+$/);
      });
      number = /\/requests\/(IT-\d+)$/.exec(member.url())![1];
      await step(`heading level 1 with ${number} and the title`, () =>
        member
          .getByRole('heading', { level: 1 })
          .filter({ hasText: number })
          .filter({ hasText: title })
          .waitFor(),
      );
      memberNotReloaded = await markNoReload(member);

      const filed = await requestState(api, number);
      expectEqual(
        [filed.title, filed.description, filed.status, filed.priority],
        [title, description, 'NEW', 'P2'],
        'API: the filed request',
      );
      expectEqual(
        [filed.supplier.code, filed.customer.code, filed.service?.name, filed.requester.email],
        ['IT', 'MKT', 'Laptop', MEMBER],
        'API: who and what',
      );
    });

    test('story 2: the agent works it; the member follows live and never sees the note', async () => {
      if (!number) throw new Error('story 1 did not file the request');
      const api = await agentApi();
      const agentName = (await api.data(`{ me { name } }`)).me.name as string;
      const queue = agent.getByRole('table', { name: names.name('Queue') });
      await step(`the new request ${number} appears in the open Queue without reload`, () =>
        queue.getByRole('row').filter({ hasText: number }).first().waitFor(),
      );
      await agentNotReloaded();
      await step(`the agent opens ${number} from the queue`, async () => {
        await queue
          .getByRole('row')
          .filter({ hasText: number })
          .first()
          .getByRole('link', { name: new RegExp(number) })
          .first()
          .click();
        await agent.waitForURL(new RegExp(`/requests/${number}$`));
        await agent.getByRole('heading', { level: 1 }).filter({ hasText: number }).waitFor();
      });

      await step('Assign to me', async () => {
        await agent.getByRole('button', { name: names.name('Assign to me') }).click();
        await eventually(async () =>
          expectEqual((await requestState(api, number)).assignee?.email, AGENT, 'API: assignee'),
        );
      });
      await step("the member's page shows the assignment live (History names the agent)", () =>
        member
          .getByRole('region', { name: names.name('History') })
          .filter({ hasText: agentName })
          .waitFor(),
      );

      await step('Start work', async () => {
        await agent.getByRole('button', { name: names.name('Start work') }).click();
        await eventually(async () =>
          expectEqual((await requestState(api, number)).status, 'IN_PROGRESS', 'API: status'),
        );
      });
      await step(`the member's page shows "${status('IN_PROGRESS')}" live`, () =>
        member
          .getByRole('main')
          .filter({ hasText: status('IN_PROGRESS') })
          .waitFor(),
      );

      await step('reply: textbox Comment, Send', async () => {
        await agent.getByRole('textbox', { name: names.name('Comment') }).fill(reply);
        await agent.getByRole('button', { name: names.name('Send') }).click();
        await eventually(async () => {
          const comments = (await requestState(api, number)).comments;
          expectEqual(
            comments.some((c) => c.body === reply && !c.internal),
            true,
            'API: the reply',
          );
        });
      });
      await step("the member's list Conversation shows the reply live", () =>
        conversation(member).filter({ hasText: reply }).waitFor(),
      );

      await step('internal note: checkbox Internal note, Send', async () => {
        await agent.getByRole('textbox', { name: names.name('Comment') }).fill(note);
        await agent.getByRole('checkbox', { name: names.name('Internal note') }).check();
        await agent.getByRole('button', { name: names.name('Send') }).click();
        await eventually(async () => {
          const comments = (await requestState(api, number)).comments;
          expectEqual(
            comments.some((c) => c.body === note && c.internal),
            true,
            'API: the internal note',
          );
        });
        await conversation(agent)
          .getByRole('listitem')
          .filter({ hasText: note })
          .filter({ hasText: names.text('Internal note') })
          .waitFor();
      });
      const memberView = await requestState(await memberApi(), number);
      expectEqual(
        memberView.comments.some((c) => c.body === note),
        false,
        "API: the note in the member's view",
      );

      await step(
        'a question: Comment, Ask and wait for customer (the move in the same step)',
        async () => {
          // UI.md's Wait for customer is there beside it, for a move without a question.
          await agent.getByRole('button', { name: names.name('Wait for customer') }).waitFor();
          await agent.getByRole('textbox', { name: names.name('Comment') }).fill(question);
          await agent
            .getByRole('button', { name: names.name('Ask and wait for customer') })
            .click();
          await eventually(async () => {
            const r = await requestState(api, number);
            expectEqual(
              [r.status, r.sla?.resolution.state, r.comments.some((c) => c.body === question)],
              ['WAITING_ON_CUSTOMER', 'PAUSED', true],
              'API: the question, the status and the resolution clock',
            );
          });
        },
      );
      await step(`the member's page shows "${status('WAITING_ON_CUSTOMER')}" live`, () =>
        member
          .getByRole('main')
          .filter({ hasText: status('WAITING_ON_CUSTOMER') })
          .waitFor(),
      );
      await step('region Service level: paused, waiting on the member', () =>
        member
          .getByRole('region', { name: names.name('Service level') })
          .filter({ hasText: names.format('sla.pausedOnYou') })
          .waitFor(),
      );

      await step('the member is notified: Notifications, n unread', () =>
        // n as the API counts it now (a notification may still be on its way).
        eventually(async () => {
          const unread = await unreadCount(await memberApi());
          if (unread < 1) throw new Error('API: the member has no unread notification');
          await member
            .getByRole('button', {
              name: names.format('notifications.button', { count: unread }),
              exact: true,
            })
            .waitFor({ timeout: 500 });
        }, 10_000),
      );
      await step(`the open Notifications list names ${number}; Escape closes it`, async () => {
        await member.getByRole('button', { name: names.name('Notifications') }).click();
        const panel = member.getByRole('region', { name: names.name('Notifications') });
        await panel.filter({ hasText: number }).waitFor();
        await member.keyboard.press('Escape');
        await panel.waitFor({ state: 'hidden' });
      });

      await step(
        'the member replies (no Internal note checkbox on the customer side)',
        async () => {
          if (
            (await member.getByRole('checkbox', { name: names.name('Internal note') }).count()) > 0
          )
            throw new Error('the customer side has a checkbox Internal note');
          await member.getByRole('textbox', { name: names.name('Comment') }).fill(customerReply);
          await member.getByRole('button', { name: names.name('Send') }).click();
          await eventually(async () => {
            const r = await requestState(api, number);
            expectEqual(
              [r.status, r.sla?.resolution.state],
              ['IN_PROGRESS', 'RUNNING'],
              'API: status and sla.resolution.state',
            );
          });
        },
      );
      await step('the clock runs again: region Service level no longer paused', async () => {
        const region = member.getByRole('region', { name: names.name('Service level') });
        await member.waitForFunction(
          ([el, paused]) => !(el as HTMLElement).innerText.includes(paused as string),
          [await region.elementHandle(), names.format('sla.pausedOnYou')] as const,
        );
      });
      await step(
        `the agent's page shows the reply and "${status('IN_PROGRESS')}" live`,
        async () => {
          await conversation(agent).filter({ hasText: customerReply }).waitFor();
          await agent
            .getByRole('main')
            .filter({ hasText: status('IN_PROGRESS') })
            .waitFor();
        },
      );
      await memberNotReloaded();
      await agentNotReloaded();
    });

    test('story 3: the agent resolves it; the member is notified and rates it', async () => {
      if (!number) throw new Error('story 1 did not file the request');
      const api = await agentApi();
      const before = await unreadCount(await memberApi());
      await step('Resolve', async () => {
        await agent.getByRole('button', { name: names.name('Resolve') }).click();
        await eventually(async () =>
          expectEqual((await requestState(api, number)).status, 'RESOLVED', 'API: status'),
        );
      });
      await step('the member is notified (the unread count goes up)', () =>
        eventually(async () => {
          const unread = await unreadCount(await memberApi());
          if (unread <= before) throw new Error(`API: unread still ${unread}`);
          await member
            .getByRole('button', {
              name: names.format('notifications.button', { count: unread }),
              exact: true,
            })
            .waitFor({ timeout: 500 });
        }, 10_000),
      );
      await step(`the member's page shows "${status('RESOLVED')}" live`, () =>
        member
          .getByRole('main')
          .filter({ hasText: status('RESOLVED') })
          .waitFor(),
      );
      await step('radio group Rating, 5 stars, Rating comment, Submit rating', async () => {
        // A radiogroup, or a fieldset of radios (role group) as the web conventions build it.
        const group = member
          .getByRole('radiogroup', { name: names.exact('Rating') })
          .or(member.getByRole('group', { name: names.exact('Rating') }));
        // "5 stars" is a plural message: by its id where the screen has it, else the fifth radio.
        const five =
          locale === 'en'
            ? group.getByRole('radio', { name: /^5 stars/ })
            : desk.web.english['request.rating.stars']
              ? group.getByRole('radio', {
                  name: names.format('request.rating.stars', { n: 5 }),
                  exact: true,
                })
              : group.getByRole('radio').nth(4);
        await five.check();
        await member
          .getByRole('textbox', { name: names.name('Rating comment') })
          .fill(ratingComment);
        await member.getByRole('button', { name: names.name('Submit rating') }).click();
        await eventually(async () =>
          expectEqual(
            (await requestState(await memberApi(), number)).rating,
            { score: 5, comment: ratingComment },
            'API: rating',
          ),
        );
      });
      expectEqual(await leaksOfNote(), [], "where the internal note reached the member's page");
      await memberNotReloaded();
      if (locale === 'fa')
        expectEqual(await htmlLangDir(member), { lang: 'fa', dir: 'rtl' }, '<html lang dir>');
    });
  });
});
