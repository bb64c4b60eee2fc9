/// <reference lib="dom" />
// (Functions passed to page.evaluate run in the browser.)
// Surveys and kudos in the browser (issue 13, item 4): operations open a pulse survey round, a
// member answers it with Answer survey, operations close it and read the results with the small
// groups shown as hidden; a member gives kudos from a request page and from the Kudos page, and
// the person thanked sees them. Each step is cross-checked through the API; axe-core on both
// screens in English and Persian.
import { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { demoEmail } from '@intradesk/organization';
import { expectAccessible } from './support/axe';
import { describeInBrowser, launchChromium } from './support/chromium';
import { AGENT, Desk, eventually, MEMBER, startDesk } from './support/desk';
import { Names } from './support/names';
import { choose, mainNav, markNoReload, newPage, signIn, step } from './support/pages';

const OPS = 'ops@demo.intradesk.test';
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

interface Round {
  id: string;
  title: string;
  open: boolean;
  minAnswers: number;
}
interface Task {
  answered: boolean;
  round: { id: string };
  supplier: { id: string; code: string; name: string };
}
interface Scores {
  suppressed: boolean;
  answers: number | null;
}
interface SupplierResult {
  supplier: { code: string; name: string };
  overall: Scores;
  byCustomer: { customer: { code: string }; scores: Scores }[];
}
interface KudosItem {
  message: string;
  from: { email: string } | null;
  request: { number: string } | null;
}

const OPEN = `mutation($i: OpenSurveyRoundInput!) { openSurveyRound(input: $i) { id title open minAnswers } }`;
const ROUNDS = `{ surveyRounds(first: 100) { edges { node { id title open minAnswers } } } }`;
const MINE = `{ mySurveys(first: 100) { edges { node { answered round { id } supplier { id code name } } } } }`;
const ANSWER = `mutation($i: AnswerSurveyInput!) { answerSurvey(input: $i) { answered } }`;
const RESULTS = `query($id: ID!) { surveyResults(roundId: $id) {
  supplier { code name } overall { suppressed answers }
  byCustomer { customer { code } scores { suppressed answers } } } }`;
const RECEIVED = `query($u: ID) { kudosReceived(userId: $u) { edges { node { message from { email } request { number } } } } }`;
type Nodes<T> = { edges: { node: T }[] };
const nodes = <T>(connection: Nodes<T>): T[] => connection.edges.map((e) => e.node);

function check(condition: unknown, what: string): void {
  if (!condition) throw new Error(what);
}

// A radiogroup, or a fieldset of radios (role group).
const radioGroup = (scope: Locator | Page, name: RegExp) =>
  scope.getByRole('radiogroup', { name }).or(scope.getByRole('group', { name }));

describeInBrowser('surveys and kudos in the browser', () => {
  let desk: Desk;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  const open = async () => {
    const { context, page } = await newPage(browser, desk.baseUrl);
    contexts.push(context);
    return page;
  };
  const title = `Pulse check ${Date.now()}`;
  let round: Round;

  beforeAll(async () => {
    desk = await startDesk();
    browser = await launchChromium();
  });
  afterAll(async () => {
    for (const context of contexts) await context.close();
    await browser?.close();
    await desk?.close();
  });

  test('ops open a round, a member answers it, ops close it and read the results', async () => {
    const names = new Names('en', desk.web.english);
    const ops = await open();
    const member = await open();
    await signIn(ops, names, OPS);
    await step('nav Main: Surveys; Round title, Open round', async () => {
      await mainNav(ops, names)
        .getByRole('link', { name: names.name('Surveys') })
        .click();
      await ops.getByRole('textbox', { name: names.name('Round title') }).fill(title);
      await ops.getByRole('button', { name: names.name('Open round') }).click();
      await ops.getByRole('status').filter({ hasText: title }).waitFor();
      await ops
        .getByRole('table', { name: names.name('Survey rounds') })
        .getByRole('row', { name: new RegExp(escape(title)) })
        .waitFor();
    });
    round = await step('API: surveyRounds has the open round', async () => {
      const rounds = nodes(
        (await (await desk.as(OPS)).data<{ surveyRounds: Nodes<Round> }>(ROUNDS)).surveyRounds,
      );
      const found = rounds.find((r) => r.title === title);
      check(found?.open, `API: no open round "${title}" in ${JSON.stringify(rounds)}`);
      return found!;
    });
    await expectAccessible(ops, 'surveys, operations, a round open (en)');

    const memberApi = await desk.as(MEMBER);
    const tasks = nodes((await memberApi.data<{ mySurveys: Nodes<Task> }>(MINE)).mySurveys).filter(
      (t) => t.round.id === round.id,
    );
    // The member answers about IT in the browser; two colleagues of Marketing answer about it
    // too (API), so IT's group reaches the threshold; the other suppliers keep one answer.
    const it = tasks.find((t) => t.supplier.code === 'IT');
    const other = tasks.find((t) => t.supplier.code !== 'IT');
    check(
      it && other,
      `API: Marketing is not asked about IT and another supplier: ${JSON.stringify(tasks)}`,
    );

    await signIn(member, names, MEMBER);
    await step('nav Main: Surveys; Your invitations lists IT; Answer survey', async () => {
      await mainNav(member, names)
        .getByRole('link', { name: names.name('Surveys') })
        .click();
      await member
        .getByRole('list', { name: names.name('Your invitations') })
        .getByRole('listitem')
        .filter({ hasText: it!.supplier.name })
        .first()
        .waitFor();
      await member
        .getByRole('button', {
          name: new RegExp(
            `^${escape(names.text('Answer survey'))}\\s+${escape(it!.supplier.name)}$`,
          ),
        })
        .click();
      await member.getByRole('dialog').waitFor();
    });
    await expectAccessible(member, 'surveys, the Answer survey dialog (en)');
    await step('radio group Score: 4 stars; recommend 8; Comment; Send answer', async () => {
      const dialog = member.getByRole('dialog');
      await radioGroup(dialog, names.exact('Score'))
        .getByRole('radio', { name: /^4 stars$/ })
        .check();
      await radioGroup(dialog, names.name('Would you recommend them to a colleague?'))
        .getByRole('radio', { name: /^8$/ })
        .check();
      await dialog.getByRole('textbox', { name: names.name('Comment') }).fill('Quick and kind');
      await dialog.getByRole('button', { name: names.name('Send answer') }).click();
      await member.getByRole('dialog').waitFor({ state: 'hidden' });
      await member.getByRole('status').filter({ hasText: it!.supplier.name }).waitFor();
      await member
        .getByRole('list', { name: names.name('Your invitations') })
        .getByRole('listitem')
        .filter({ hasText: it!.supplier.name })
        .filter({ hasText: names.text('Answered') })
        .waitFor();
    });
    await step('API: mySurveys says the member answered about IT', async () => {
      const now = nodes((await memberApi.data<{ mySurveys: Nodes<Task> }>(MINE)).mySurveys);
      const answered = now.find((t) => t.round.id === round.id && t.supplier.code === 'IT');
      check(answered?.answered, `API: not answered: ${JSON.stringify(now)}`);
    });
    for (const who of ['lead', 'agent'] as const)
      await (
        await desk.as(demoEmail('MKT', who))
      ).data(ANSWER, {
        i: { roundId: round.id, supplierId: it!.supplier.id, score: 5, recommend: 9 },
      });
    await memberApi.data(ANSWER, {
      i: { roundId: round.id, supplierId: other!.supplier.id, score: 2, recommend: 3 },
    });

    await step('ops: Close round on the row, confirm in the dialog', async () => {
      await ops.reload();
      const row = ops
        .getByRole('table', { name: names.name('Survey rounds') })
        .getByRole('row', { name: new RegExp(escape(title)) });
      await row.getByRole('button', { name: names.name('Close round') }).click();
      const dialog = ops.getByRole('dialog');
      await dialog.waitFor();
      await dialog.getByRole('button', { name: names.name('Close round') }).click();
      await dialog.waitFor({ state: 'hidden' });
    });
    const results = await step('API: the round is closed; surveyResults', async () => {
      const ops$ = await desk.as(OPS);
      const rounds = nodes((await ops$.data<{ surveyRounds: Nodes<Round> }>(ROUNDS)).surveyRounds);
      check(rounds.find((r) => r.id === round.id)?.open === false, 'API: the round is still open');
      return (await ops$.data<{ surveyResults: SupplierResult[] }>(RESULTS, { id: round.id }))
        .surveyResults;
    });
    const itResult = results.find((r) => r.supplier.code === 'IT');
    const otherResult = results.find((r) => r.supplier.code === other!.supplier.code);
    check(
      itResult && !itResult.overall.suppressed && itResult.overall.answers === 3,
      `API: IT's 3 answers are not shown: ${JSON.stringify(itResult)}`,
    );
    check(
      otherResult?.overall.suppressed,
      `API: a 1-answer group is shown: ${JSON.stringify(otherResult)}`,
    );
    // The threshold as the API gives it, written in the page's digits.
    const hidden = names.format('surveys.results.hidden', {
      count: new Intl.NumberFormat(names.locale).format(round.minAnswers),
    });
    await step(`results: IT with 3 answers, ${other!.supplier.code} "${hidden}"`, async () => {
      const table = ops.getByRole('table', { name: names.name('Survey results') });
      await table.waitFor();
      const itRow = table
        .getByRole('row', { name: new RegExp(`^${escape(itResult!.supplier.name)}\\b`) })
        .first();
      await itRow.getByRole('cell', { name: /^3$/ }).waitFor();
      await table
        .getByRole('row', { name: new RegExp(`^${escape(otherResult!.supplier.name)}\\b`) })
        .first()
        .getByRole('cell', { name: hidden })
        .waitFor();
      // Every suppressed group of the API says so on screen, and no more.
      const suppressed =
        results.filter((r) => r.overall.suppressed).length +
        results.flatMap((r) => r.byCustomer).filter((c) => c.scores.suppressed).length;
      const shown = await table.getByRole('cell', { name: hidden }).count();
      check(
        shown === suppressed,
        `${shown} cells say "${hidden}", the API suppressed ${suppressed}`,
      );
    });
    await expectAccessible(ops, 'surveys, results of a closed round (en)');
  });

  test('a member gives kudos from a request page and from the Kudos page; the person sees them', async () => {
    const names = new Names('en', desk.web.english);
    const member = await open();
    const agent = await open();
    const memberApi = await desk.as(MEMBER);
    const { requests } = await memberApi.data<{
      requests: {
        edges: {
          node: {
            number: string;
            supplier: { code: string };
            assignee: { id: string; name: string; email: string } | null;
          };
        }[];
      };
    }>(
      `{ requests(first: 100) { edges { node { number supplier { code } assignee { id name email } } } } }`,
    );
    const fromRequest = requests.edges
      .map((e) => e.node)
      .find((r) => r.supplier.code === 'IT' && r.assignee && r.assignee.email !== AGENT);
    check(
      fromRequest,
      'API: the member has no IT request with an assignee other than the IT agent',
    );
    const thanks = `Thanks for ${fromRequest!.number}, ${Date.now()}`;

    await signIn(member, names, MEMBER);
    await step(`request page ${fromRequest!.number}: Give kudos to the assignee`, async () => {
      await member.goto(`/requests/${fromRequest!.number}`);
      await member.getByRole('button', { name: names.name('Give kudos') }).click();
      const dialog = member.getByRole('dialog');
      await radioGroup(dialog, names.exact('Thank'))
        // The name is isolated inside the sentence (FSI … PDI).
        .getByRole('radio', { name: new RegExp(`^\u2068?${escape(fromRequest!.assignee!.name)}`) })
        .check();
      await dialog.getByRole('textbox', { name: names.name('Message') }).fill(thanks);
      await dialog.getByRole('button', { name: names.name('Send kudos') }).click();
      await dialog.waitFor({ state: 'hidden' });
      await member.getByRole('status').filter({ hasText: fromRequest!.assignee!.name }).waitFor();
      await member
        .getByRole('list', { name: names.name('Kudos for this request') })
        .filter({ hasText: thanks })
        .waitFor();
    });
    await step('API: kudosReceived of the assignee has it', () =>
      eventually(async () => {
        const got = nodes(
          (
            await memberApi.data<{ kudosReceived: Nodes<KudosItem> }>(RECEIVED, {
              u: fromRequest!.assignee!.id,
            })
          ).kudosReceived,
        );
        check(
          got[0]?.message === thanks &&
            got[0].from?.email === MEMBER &&
            got[0].request?.number === fromRequest!.number,
          `API: ${JSON.stringify(got[0])}`,
        );
      }),
    );

    const agentApi = await desk.as(AGENT);
    const agentMe = (
      await agentApi.data<{ me: { id: string; name: string } }>(`{ me { id name } }`)
    ).me;
    const personal = `You saved my campaign, ${Date.now()}`;
    await step(
      'Kudos page: Department IT, Person (the IT agent), a request, Message, Give kudos',
      async () => {
        await mainNav(member, names)
          .getByRole('link', { name: names.name('Kudos') })
          .click();
        await choose(
          member.getByRole('combobox', { name: names.name('Department') }),
          /^IT \(IT\)$/,
        );
        await choose(
          member.getByRole('combobox', { name: names.name('Person') }),
          new RegExp(`^${escape(agentMe.name)}$`),
        );
        await choose(
          member.getByRole('combobox', { name: names.name('For the request') }),
          /^IT-\d+/,
        );
        await member.getByRole('textbox', { name: names.name('Message') }).fill(personal);
        await member.getByRole('button', { name: names.name('Give kudos') }).click();
        await member.getByRole('status').filter({ hasText: agentMe.name }).waitFor();
      },
    );
    await expectAccessible(member, 'kudos page (en)');
    await step('API: kudosReceived of the IT agent has it', async () => {
      const got = nodes(
        (await agentApi.data<{ kudosReceived: Nodes<KudosItem> }>(RECEIVED, { u: agentMe.id }))
          .kudosReceived,
      );
      check(
        got[0]?.message === personal && got[0].from?.email === MEMBER,
        `API: ${JSON.stringify(got)}`,
      );
    });
    await signIn(agent, names, AGENT);
    await step(
      'the IT agent: Kudos for you lists it, from Marketing Member, newest first',
      async () => {
        await mainNav(agent, names)
          .getByRole('link', { name: names.name('Kudos') })
          .click();
        const first = agent
          .getByRole('list', { name: names.name('Kudos for you') })
          .getByRole('listitem')
          .first();
        await first.filter({ hasText: personal }).waitFor();
        await first.filter({ hasText: 'Marketing Member' }).waitFor();
        await first.getByRole('link', { name: /^IT-\d+/ }).waitFor();
      },
    );
    await step(
      'the IT agent: Kudos for IT, 20 at a time; Show more kudos adds the next page',
      async () => {
        const { me } = await agentApi.data<{ me: { department: { id: string; name: string } } }>(
          '{ me { department { id name } } }',
        );
        const count = async () =>
          (
            await agentApi.data<{ kudosReceived: { totalCount: number } }>(
              'query($d: ID!) { kudosReceived(departmentId: $d, first: 1) { totalCount } }',
              { d: me.department.id },
            )
          ).kudosReceived.totalCount;
        // More than a page: the member thanks IT for more of Marketing's requests (API).
        const theirs = await memberApi.data<{
          requests: { edges: { node: { id: string } }[] };
        }>(
          'query($s: [ID!]) { requests(first: 60, filter: { supplierIds: $s }) { edges { node { id } } } }',
          { s: [me.department.id] },
        );
        for (const { node } of theirs.requests.edges) {
          if ((await count()) > 25) break;
          await memberApi.request('mutation($i: GiveKudosInput!) { giveKudos(input: $i) { id } }', {
            i: { requestId: node.id, toDepartmentId: me.department.id, message: 'Thanks, IT' },
          });
        }
        const total = await count();
        check(total > 20, `IT has only ${total} kudos: no second page to show`);
        await agent.reload();
        const section = agent.getByRole('region', {
          name: new RegExp(`^Kudos for \\W?${escape(me.department.name)}`),
        });
        const items = section.getByRole('listitem');
        const more = section.getByRole('button', { name: names.name('Show more kudos') });
        await items.first().waitFor();
        let shown = Math.min(20, total);
        await eventually(async () => check((await items.count()) === shown, 'first page'));
        while (shown < total) {
          await section
            .getByRole('status')
            .filter({ hasText: names.format('list.shown', { shown, total }) })
            .waitFor();
          await more.click();
          shown = Math.min(shown + 20, total);
          await eventually(async () =>
            check((await items.count()) === shown, `${await items.count()} kudos, not ${shown}`),
          );
        }
        check((await more.count()) === 0, 'Show more kudos after the last page');
      },
    );
  });

  test('axe-core in Persian: Surveys (results and the Answer survey dialog) and Kudos', async () => {
    const names = new Names('fa', desk.web.english);
    const ops = await open();
    const member = await open();
    await signIn(ops, names, OPS);
    await step("Surveys with the closed round's results", async () => {
      await ops.goto(`/surveys?round=${round.id}`);
      const table = ops.getByRole('table', { name: names.name('Survey results') });
      // The hidden groups in Persian, with the threshold in Persian digits.
      await table
        .getByRole('cell', {
          name: names.format('surveys.results.hidden', {
            count: new Intl.NumberFormat('fa').format(round.minAnswers),
          }),
        })
        .first()
        .waitFor();
    });
    await expectAccessible(ops, 'surveys, results (fa)');
    await signIn(member, names, MEMBER);
    await step('Surveys: no invitation while every round is closed', async () => {
      await mainNav(member, names)
        .getByRole('link', { name: names.name('Surveys') })
        .click();
      await member
        .getByRole('region', { name: names.name('Your invitations') })
        .filter({ hasText: names.text('No open survey asks your department anything right now.') })
        .waitFor();
    });
    const notReloaded = await markNoReload(member);
    // A second round (API): the member's invitations appear without a reload.
    await (
      await desk.as(OPS)
    ).data(OPEN, {
      i: {
        title: `${title} (2)`,
        periodFrom: new Date(Date.now() - 90 * 86_400_000).toISOString().slice(0, 10),
        periodTo: new Date().toISOString().slice(0, 10),
        closesAt: new Date(Date.now() + 7 * 86_400_000).toISOString(),
      },
    });
    await step('the new round appears live; Answer survey opens its dialog', async () => {
      await member
        .getByRole('button', { name: names.name('Answer survey') })
        .first()
        .click();
      await member.getByRole('dialog').waitFor();
      await notReloaded();
    });
    await expectAccessible(member, 'surveys, the Answer survey dialog (fa)');
    await member.keyboard.press('Escape');
    await step('Kudos with its lists', async () => {
      await mainNav(member, names)
        .getByRole('link', { name: names.name('Kudos') })
        .click();
      await member.getByRole('button', { name: names.name('Give kudos') }).waitFor();
    });
    await expectAccessible(member, 'kudos page (fa)');
    const todo = names.todo();
    if (todo) console.log(todo);
  });
});
