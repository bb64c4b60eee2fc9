import { ManualTimeSource } from '@intradesk/core';
import { DEMO_EMAIL_DOMAIN, demoEmail } from '@intradesk/organization';
import { countRows, departmentIds } from '../factories/organization.factory';
import { fileRequest } from '../factories/requests.factory';
import { GraphqlClient } from '../utils/graphql-client';
import { startTestApp, TestApp } from '../utils/test-app';

const OPEN = `mutation($i: OpenSurveyRoundInput!) { openSurveyRound(input: $i) { id title open closesAt } }`;
const CLOSE = `mutation($id: ID!) { closeSurveyRound(id: $id) { id open closedAt } }`;
const MINE = `{ mySurveys { edges { node { round { id } supplier { code } answered } } } }`;
const ANSWER = `mutation($i: AnswerSurveyInput!) { answerSurvey(input: $i) { supplier { code } answered } }`;
const SCORES = `suppressed answers averageScore distribution averageRecommend netPromoterScore comments`;
const RESULTS = `query($id: ID!) { surveyResults(roundId: $id) { supplier { code }
  overall { ${SCORES} } byCustomer { customer { code } scores { ${SCORES} } } } }`;
const PEOPLE = ['lead', 'agent', 'member'] as const;

describe('Pulse surveys', () => {
  const time = new ManualTimeSource(new Date('2026-03-02T09:00:00Z'));
  let t: TestApp;
  let ids: Record<string, string>;
  let ops: GraphqlClient;
  let roundId: string;
  const who = (code: string, role: (typeof PEOPLE)[number]) => t.login(demoEmail(code, role));
  const mine = async (client: GraphqlClient) =>
    (await client.data(MINE)).mySurveys.edges.map((e: { node: unknown }) => e.node);
  const answer = (client: GraphqlClient, score: number, recommend: number, comment = '') =>
    client.data(ANSWER, { i: { roundId, supplierId: ids.IT, score, recommend, comment } });

  beforeAll(async () => {
    t = await startTestApp({ time });
    ids = await departmentIds(t.dataSource);
    ops = await t.login(`ops@${DEMO_EMAIL_DOMAIN}`);
    // In February: Marketing, HR and Sales file with IT; Logistics files with Finance.
    time.set(new Date('2026-02-10T10:00:00Z'));
    for (const code of ['MKT', 'HR', 'SALES']) await fileRequest(await who(code, 'member'), ids.IT);
    await fileRequest(await who('LOG', 'member'), ids.FIN);
    time.set(new Date('2026-03-02T09:00:00Z'));
    // A request outside the period asks nothing.
    await fileRequest(await who('PAY', 'member'), ids.IT);
    roundId = (
      await ops.data(OPEN, {
        i: {
          title: 'February pulse',
          periodFrom: '2026-02-01',
          periodTo: '2026-02-28',
          closesAt: '2026-03-16T17:00:00Z',
        },
      })
    ).openSurveyRound.id;
  });
  afterAll(() => t.close());

  it('asks each customer department about each supplier it used in the period', async () => {
    const mkt = await who('MKT', 'agent');
    expect(await mine(mkt)).toEqual([
      { round: { id: roundId }, supplier: { code: 'IT' }, answered: false },
    ]);
    expect(await mine(await who('LOG', 'lead'))).toEqual([
      { round: { id: roundId }, supplier: { code: 'FIN' }, answered: false },
    ]);
    expect(await mine(await who('PAY', 'member'))).toEqual([]);
    const notes = (
      await mkt.data('{ notifications { edges { node { kind } } } }')
    ).notifications.edges.map((e: { node: unknown }) => e.node);
    expect(notes).toContainEqual({ kind: 'SURVEY_INVITATION' });
  });

  it('refuses bad rounds and answers, and outsiders, changing nothing', async () => {
    const lead = await who('IT', 'lead');
    const forbidden = await lead.error(OPEN, {
      i: {
        title: 'x',
        periodFrom: '2026-02-01',
        periodTo: '2026-02-28',
        closesAt: '2026-04-01T00:00:00Z',
      },
    });
    expect(forbidden.extensions?.code).toBe('FORBIDDEN');
    const backwards = await ops.error(OPEN, {
      i: {
        title: 'x',
        periodFrom: '2026-02-28',
        periodTo: '2026-02-01',
        closesAt: '2026-04-01T00:00:00Z',
      },
    });
    expect(backwards.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: ['input.periodTo'],
    });
    const badDate = await ops.error(OPEN, {
      i: {
        title: 'x',
        periodFrom: '2026-02-30',
        periodTo: '2026-03-01',
        closesAt: '2026-04-01T00:00:00Z',
      },
    });
    expect(badDate.extensions?.code).toBe('BAD_USER_INPUT');
    const past = await ops.error(OPEN, {
      i: {
        title: 'x',
        periodFrom: '2026-02-01',
        periodTo: '2026-02-28',
        closesAt: '2026-03-01T00:00:00Z',
      },
    });
    expect(past.extensions?.code).toBe('BAD_USER_INPUT');

    const before = await countRows(t.dataSource, 'survey_answers');
    const mkt = await who('MKT', 'member');
    for (const [score, recommend] of [
      [0, 5],
      [6, 5],
      [3, 11],
      [3, -1],
    ]) {
      const error = await mkt.error(ANSWER, {
        i: { roundId, supplierId: ids.IT, score, recommend },
      });
      expect(error.extensions?.code).toBe('BAD_USER_INPUT');
    }
    const notAsked = await (
      await who('LOG', 'member')
    ).error(ANSWER, {
      i: { roundId, supplierId: ids.IT, score: 1, recommend: 0 },
    });
    expect(notAsked.extensions?.code).toBe('FORBIDDEN');
    expect(await countRows(t.dataSource, 'survey_answers')).toBe(before);
  });

  it('keeps one answer per person (a second answer replaces the first)', async () => {
    const member = await who('MKT', 'member');
    await answer(member, 1, 0, 'first thoughts');
    const second = (await answer(member, 4, 9, 'Quick and friendly')).answerSurvey;
    expect(second).toEqual({ supplier: { code: 'IT' }, answered: true });
    expect((await mine(member))[0].answered).toBe(true);
    expect(await countRows(t.dataSource, 'survey_answers')).toBe(1);
  });

  it('shows results only after the round closes, with small groups suppressed', async () => {
    await answer(await who('MKT', 'lead'), 5, 10);
    await answer(await who('MKT', 'agent'), 3, 7, 'Slow on Fridays');
    for (const role of PEOPLE) await answer(await who('HR', role), 4, 8);
    await answer(await who('SALES', 'member'), 1, 2, 'Never answered');

    const itLead = await who('IT', 'lead');
    expect((await itLead.error(RESULTS, { id: roundId })).extensions?.code).toBe('BAD_USER_INPUT');
    expect((await ops.data(CLOSE, { id: roundId })).closeSurveyRound.open).toBe(false);
    const late = await (
      await who('SALES', 'lead')
    ).error(ANSWER, {
      i: { roundId, supplierId: ids.IT, score: 5, recommend: 10 },
    });
    expect(late.extensions?.code).toBe('BAD_USER_INPUT');

    const results = (await itLead.data(RESULTS, { id: roundId })).surveyResults;
    expect(results).toHaveLength(1);
    const [it] = results;
    expect(it.supplier.code).toBe('IT');
    // 7 answers: scores 4,5,3 (MKT) 4,4,4 (HR) 1 (SALES); recommend 9,10,7 8,8,8 2.
    expect(it.overall).toEqual({
      suppressed: false,
      answers: 7,
      averageScore: 25 / 7,
      distribution: [1, 0, 1, 4, 1],
      averageRecommend: 52 / 7,
      // Promoters 2 (9, 10), detractors 1 (2): (2 - 1) / 7.
      netPromoterScore: 100 / 7,
      comments: ['Never answered', 'Quick and friendly', 'Slow on Fridays'],
    });
    // Sales (1 answer) is hidden; as "total minus the rest" would reveal it, one more is hidden.
    const cells = new Map(
      it.byCustomer.map((c: { customer: { code: string }; scores: unknown }) => [
        c.customer.code,
        c.scores,
      ]),
    );
    expect(cells.get('SALES')).toMatchObject({ suppressed: true, answers: null, comments: [] });
    const shown = [...cells.values()].filter((s) => !(s as { suppressed: boolean }).suppressed);
    expect(shown).toHaveLength(1);
    expect(shown[0]).toMatchObject({ answers: 3 });
  });

  it('shows nothing about a supplier with fewer than k answers, and nothing to other departments', async () => {
    const results = (await ops.data(RESULTS, { id: roundId })).surveyResults;
    // Finance was asked but got no answer: no row at all.
    expect(results.map((r: { supplier: { code: string } }) => r.supplier.code)).toEqual(['IT']);
    expect((await (await who('FIN', 'lead')).data(RESULTS, { id: roundId })).surveyResults).toEqual(
      [],
    );
    expect(
      (await (await who('IT', 'agent')).error(RESULTS, { id: roundId })).extensions?.code,
    ).toBe('FORBIDDEN');
    // The answers table holds no person and no time: only a keyed one-way key while open.
    const columns = await t.dataSource.query(
      `SELECT column_name FROM information_schema.columns WHERE table_name = 'survey_answers' ORDER BY 1`,
    );
    expect(columns.map((c: { column_name: string }) => c.column_name)).toEqual([
      'comment',
      'customer_id',
      'id',
      'recommend',
      'respondent_key',
      'round_id',
      'score',
      'supplier_id',
    ]);
  });

  it("shows no results to a team lead without a department (they were every supplier's)", async () => {
    const admin = await t.login(`admin@${DEMO_EMAIL_DOMAIN}`);
    const [lead] = await t.dataSource.query('SELECT id FROM users WHERE email = $1', [
      demoEmail('PAY', 'lead'),
    ]);
    await admin.data(`mutation($i: UpdateUserInput!) { updateUser(input: $i) { id } }`, {
      i: { id: lead.id, departmentId: null },
    });
    const homeless = await who('PAY', 'lead');
    const refused = await homeless.error(RESULTS, { id: roundId });
    expect(refused.extensions?.code).toBe('FORBIDDEN');
  });

  it('suppresses a whole supplier below k answers', async () => {
    time.set(new Date('2026-03-03T09:00:00Z'));
    const round = (
      await ops.data(OPEN, {
        i: {
          title: 'Small',
          periodFrom: '2026-02-01',
          periodTo: '2026-02-28',
          closesAt: '2026-03-10T00:00:00Z',
        },
      })
    ).openSurveyRound.id;
    for (const role of ['lead', 'member'] as const) {
      await (
        await who('LOG', role)
      ).data(ANSWER, {
        i: { roundId: round, supplierId: ids.FIN, score: 2, recommend: 3, comment: 'meh' },
      });
    }
    time.set(new Date('2026-03-10T00:00:01Z'));
    const [fin] = (await ops.data(RESULTS, { id: round })).surveyResults;
    expect(fin.overall).toEqual({
      suppressed: true,
      answers: null,
      averageScore: null,
      distribution: null,
      averageRecommend: null,
      netPromoterScore: null,
      comments: [],
    });
    expect(
      fin.byCustomer.every((c: { scores: { suppressed: boolean } }) => c.scores.suppressed),
    ).toBe(true);
  });

  it('pages surveyRounds (newest first) and mySurveys (soonest closing first) as Relay connections', async () => {
    // After the rounds of the tests above have closed.
    time.set(new Date('2026-03-11T09:00:00Z'));
    const opened: string[] = [];
    for (let i = 0; i < 3; i++) {
      time.advance(60_000);
      opened.push(
        (
          await ops.data(OPEN, {
            i: {
              title: `Paged ${i}`,
              periodFrom: '2026-02-01',
              periodTo: '2026-02-28',
              closesAt: `2026-04-0${3 - i}T00:00:00Z`,
            },
          })
        ).openSurveyRound.id,
      );
    }
    const ROUNDS = `query($after: String) { surveyRounds(first: 2, after: $after) {
      edges { node { id title } } pageInfo { hasNextPage endCursor } totalCount } }`;
    const rounds: { id: string; title: string }[] = [];
    let after: string | null = null;
    let total: number;
    for (;;) {
      const page: {
        edges: { node: { id: string; title: string } }[];
        pageInfo: { hasNextPage: boolean; endCursor: string };
        totalCount: number;
      } = (await ops.data(ROUNDS, { after })).surveyRounds;
      rounds.push(...page.edges.map((e) => e.node));
      total = page.totalCount;
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    // Every round (with those opened earlier in this file), each once, the newest first.
    const [{ n }] = await t.dataSource.query('SELECT count(*)::int AS n FROM survey_rounds');
    expect(total).toBe(n);
    expect(new Set(rounds.map((r) => r.id)).size).toBe(n);
    expect(rounds.map((r) => r.id).slice(0, 3)).toEqual([...opened].reverse());

    // Marketing is asked about IT in the three open rounds: the one closing first comes first.
    const MINE_PAGE = `query($after: String) { mySurveys(first: 2, after: $after) {
      edges { node { round { id } } } pageInfo { hasNextPage endCursor } totalCount } }`;
    const mkt = await who('MKT', 'member');
    const first = (await mkt.data(MINE_PAGE)).mySurveys;
    expect(first.totalCount).toBe(3);
    expect(first.pageInfo.hasNextPage).toBe(true);
    const second = (await mkt.data(MINE_PAGE, { after: first.pageInfo.endCursor })).mySurveys;
    expect(second.pageInfo.hasNextPage).toBe(false);
    expect(
      [...first.edges, ...second.edges].map(
        (e: { node: { round: { id: string } } }) => e.node.round.id,
      ),
    ).toEqual([...opened].reverse());
    const forged = await mkt.error(MINE_PAGE, { after: 'bm90LWEtY3Vyc29y' });
    expect(forged.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: ['after'] });
  });
});
