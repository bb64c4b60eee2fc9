/// <reference lib="dom" />
// (Functions passed to page.evaluate run in the browser.)
// The team lead's home: a lead finds an at-risk request in the table At risk and reassigns it
// from its row (cross-checked through the API); the department's pulse survey with a small
// group hidden; What-if: Simulate a policy shows the actual and simulated compliance side by
// side, with validation errors as role alert; axe-core on both screens in English and Persian.
import { DEMO_EMAIL_DOMAIN, demoEmail } from '@intradesk/organization';
import { Browser, BrowserContext, Page } from 'playwright-core';
import { expectAccessible } from './support/axe';
import { describeInBrowser, launchChromium } from './support/chromium';
import { Desk, eventually, startDesk } from './support/desk';
import { Locale, Names } from './support/names';
import { choose, mainNav, newPage, signIn, step } from './support/pages';

const LEAD = demoEmail('IT', 'lead');
const OPS = `ops@${DEMO_EMAIL_DOMAIN}`;

function check(condition: unknown, message: string): asserts condition {
  if (!condition) throw new Error(message);
}

describeInBrowser('At risk and What-if in the browser', () => {
  let desk: Desk;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  const open = async () => {
    const { context, page } = await newPage(browser, desk.baseUrl);
    contexts.push(context);
    return page;
  };
  let roundTitle = '';

  beforeAll(async () => {
    desk = await startDesk();
    browser = await launchChromium();
    // A closed pulse-survey round about IT: Marketing's three answers shown, HR's one hidden.
    const ops = await desk.as(OPS);
    roundTitle = `Pulse ${Date.now()}`;
    const round = (
      await ops.data<{ openSurveyRound: { id: string } }>(
        `mutation($i: OpenSurveyRoundInput!) { openSurveyRound(input: $i) { id } }`,
        {
          i: {
            title: roundTitle,
            periodFrom: '2026-01-01',
            periodTo: '2026-12-31',
            closesAt: new Date(Date.now() + 7 * 86_400_000).toISOString(),
          },
        },
      )
    ).openSurveyRound;
    const it = (await ops.data<{ department: { id: string } }>(`{ department(code: "IT") { id } }`))
      .department;
    const answer = async (email: string) => {
      const client = await desk.as(email);
      const mine = await client.data<{
        mySurveys: { edges: { node: { round: { id: string }; supplier: { id: string } } }[] };
      }>(`{ mySurveys(first: 100) { edges { node { round { id } supplier { id } } } } }`);
      const asked = mine.mySurveys.edges.some(
        ({ node: t }) => t.round.id === round.id && t.supplier.id === it.id,
      );
      if (!asked) return;
      await client.data(
        `mutation($i: AnswerSurveyInput!) { answerSurvey(input: $i) { answered } }`,
        { i: { roundId: round.id, supplierId: it.id, score: 4, recommend: 8 } },
      );
    };
    for (const who of ['member', 'lead', 'agent'] as const) await answer(demoEmail('MKT', who));
    await answer(demoEmail('HR', 'member'));
    await ops.data(`mutation($id: ID!) { closeSurveyRound(id: $id) { id } }`, { id: round.id });
  });
  afterAll(async () => {
    for (const context of contexts) await context.close();
    await browser?.close();
    await desk?.close();
  });

  describe.each<Locale>(['en', 'fa'])('in %s', (locale) => {
    let names: Names;
    let lead: Page;

    beforeAll(async () => {
      names = new Names(locale, desk.web.english);
      lead = await open();
    });
    afterAll(() => {
      const todo = names?.todo();
      if (todo) console.log(todo);
    });

    test('a lead finds an at-risk request and reassigns it from its row', async () => {
      await signIn(lead, names, LEAD);
      const table = lead.getByRole('table', { name: names.name('At risk') });
      await step('nav Main: At risk, table At risk', async () => {
        await mainNav(lead, names)
          .getByRole('link', { name: names.name('At risk') })
          .click();
        await table.waitFor();
      });
      await step('combobox Within: the longest window', async () => {
        const within = lead.getByRole('combobox', { name: names.name('Within') });
        const last = await within.locator('option').last().getAttribute('value');
        await within.selectOption(last!);
        await lead.waitForURL(/within=10080/);
      });
      const row = table.locator('tbody tr[data-request-number]').first();
      await step('the table lists at-risk requests, breached first', async () => {
        await row.waitFor();
      });
      const number = (await row.getAttribute('data-request-number'))!;
      const members = (
        await (
          await desk.as(LEAD)
        ).data<{ department: { members: { name: string; email: string; role: string }[] } }>(
          `{ department(code: "IT") { members { name email role } } }`,
        )
      ).department.members;
      const before = (
        await (
          await desk.as(LEAD)
        ).data<{ request: { assignee: { email: string } | null; version: number } }>(
          `query($n: String!) { request(number: $n) { version assignee { email } } }`,
          { n: number },
        )
      ).request;
      const target = members.find(
        (m) => (m.role === 'AGENT' || m.role === 'LEAD') && m.email !== before.assignee?.email,
      );
      check(target, `no other agent in IT to reassign ${number} to`);
      await step(`reassign ${number} to ${target.name} from its row`, async () => {
        const assignee =
          locale === 'en'
            ? table.getByRole('combobox', { name: `Assignee for ${number}` })
            : row.getByRole('combobox');
        await choose(assignee, new RegExp(`^${target.name}$`));
        await lead.getByRole('status').filter({ hasText: target.name }).waitFor();
      });
      await step('API: request(number) has the new assignee', () =>
        eventually(async () => {
          const after = (
            await (
              await desk.as(LEAD)
            ).data<{ request: { assignee: { email: string } | null; version: number } }>(
              `query($n: String!) { request(number: $n) { version assignee { email } } }`,
              { n: number },
            )
          ).request;
          check(
            after.assignee?.email === target.email && after.version > before.version,
            `API: ${number} is assigned to ${after.assignee?.email}, not ${target.email}`,
          );
        }),
      );
      await step('the row shows the new assignee', () =>
        lead.waitForFunction(
          ([n, name]) => {
            const select = document.querySelector<HTMLSelectElement>(
              `tr[data-request-number="${n}"] select`,
            );
            return select?.selectedOptions[0]?.textContent === name;
          },
          [number, target.name] as const,
        ),
      );
      await step(
        'queue health, escalations, the trend and the pulse survey are shown',
        async () => {
          await lead.getByRole('table', { name: names.name('Workload by agent') }).waitFor();
          await lead.getByRole('heading', { name: names.name('Escalations received') }).waitFor();
          await lead
            .getByRole('img', { name: names.name('SLA compliance and satisfaction by month') })
            .waitFor();
          const pulse = lead.getByRole('table', { name: names.name('Pulse survey by customer') });
          await pulse.waitFor();
          await lead.getByText(roundTitle).waitFor();
        },
      );
      await expectAccessible(lead, `at risk (${locale})`);
    });

    test('What-if: Simulate a policy, actual and simulated side by side', async () => {
      await step('open /reports/what-if', async () => {
        await lead.goto('/reports/what-if');
        await lead
          .getByRole('heading', { level: 1, name: names.name('Simulate a policy') })
          .waitFor();
      });
      if (locale === 'en')
        await step('a bad target shows role alert', async () => {
          const minutes = lead.getByRole('spinbutton', { name: /^P1\b.*First response: minutes/ });
          await minutes.fill('75');
          await lead.getByRole('button', { name: 'Simulate' }).click();
          await lead.getByRole('alert').waitFor();
          check(
            (await minutes.getAttribute('aria-invalid')) === 'true',
            'the bad field is not aria-invalid',
          );
          await expectAccessible(lead, `what-if with errors (${locale})`);
          await minutes.fill('30');
        });
      await step('button Simulate: the result table, per priority', async () => {
        await lead.getByRole('button', { name: names.name('Simulate') }).click();
        const result = lead.getByRole('table', {
          name: names.name('Actual and simulated compliance'),
        });
        await result.getByRole('row').nth(5).waitFor();
        await lead
          .getByRole('img', {
            name: names.name('Actual and simulated resolution compliance by priority'),
          })
          .waitFor();
      });
      await expectAccessible(lead, `what-if (${locale})`);
    });
  });
});
