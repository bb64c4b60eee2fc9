import { createHash, createHmac } from 'node:crypto';
import { AppConfig, ManualTimeSource } from '@intradesk/core';
import { SurveySealJob } from '@intradesk/feedback';
import { DEMO_EMAIL_DOMAIN, demoEmail } from '@intradesk/organization';
import { DataSource } from 'typeorm';
import { SurveyAnonymity1796219090308 } from '../../libs/db/src/migrations/1796219090308-SurveyAnonymity';
import { departmentIds } from '../factories/organization.factory';
import { fileRequest } from '../factories/requests.factory';
import { GraphqlClient } from '../utils/graphql-client';
import { startTestApp, TestApp } from '../utils/test-app';

// The promise (README, "Survey anonymity"): after a round closes, not even someone holding
// SURVEY_SECRET and every row of the database can tell which answer is whose. These tests play
// that attacker: they read every column of every survey table (with the system columns ctid
// and xmin), the users and the departments, and try every way we know to link an answer to a
// person. The same attack finds every link while a round is open (with the secret) and in the
// old SHA-256 scheme, so its failure after close means something.

const OPEN = `mutation($i: OpenSurveyRoundInput!) { openSurveyRound(input: $i) { id } }`;
const CLOSE = `mutation($id: ID!) { closeSurveyRound(id: $id) { id open } }`;
const MINE = `{ mySurveys(first: 100) { edges { node { round { id } supplier { code } answered } } } }`;
const ANSWER = `mutation($i: AnswerSurveyInput!) { answerSurvey(input: $i) { answered } }`;
const RESULTS = `query($id: ID!) { surveyResults(roundId: $id) { overall { answers } } }`;

// Twelve respondents in four departments, all asked about IT: the department an answer names
// (which results show, above SURVEY_MIN_ANSWERS) narrows it to three people, never to one.
const CUSTOMERS = ['MKT', 'HR', 'SALES', 'LOG'] as const;
const ROLES = ['lead', 'agent', 'member'] as const;

type Row = Record<string, unknown>;
interface Respondent {
  email: string;
  id: string;
  client: GraphqlClient;
}
// What the test knows and the attacker wants: who wrote which answer (each comment is unique).
type Truth = Map<string, string>;
interface Link {
  answerComment: string;
  userId: string;
  how: string;
}

// Every stored value that might be (or hold) key material or a respondent key, as text and as bytes.
function candidates(rows: Row[]): { text: string; bytes: Buffer }[] {
  const out: { text: string; bytes: Buffer }[] = [];
  for (const row of rows) {
    for (const value of Object.values(row)) {
      if (value === null || value === undefined) continue;
      if (Buffer.isBuffer(value)) {
        out.push({ text: value.toString('hex'), bytes: value });
        continue;
      }
      const text = value instanceof Date ? value.toISOString() : String(value);
      out.push({ text, bytes: Buffer.from(text) });
      if (/^([0-9a-f]{2})+$/i.test(text)) out.push({ text, bytes: Buffer.from(text, 'hex') });
    }
  }
  return out;
}

async function everything(dataSource: DataSource) {
  const read = (table: string) =>
    dataSource.query(`SELECT ctid::text AS ctid, xmin::text AS xmin, * FROM ${table}`) as Promise<
      Row[]
    >;
  return {
    rounds: await read('survey_rounds'),
    invitations: await read('survey_invitations'),
    answers: await read('survey_answers'),
    users: await read('users'),
    departments: await read('departments'),
  };
}

// Tries to link each stored answer of a round to a user; returns every link found.
async function linkAnswers(
  dataSource: DataSource,
  roundId: string,
  secret: string,
  truth: Truth,
): Promise<Link[]> {
  const db = await everything(dataSource);
  const answers = db.answers.filter((a) => a.round_id === roundId);
  const round = db.rounds.find((r) => r.id === roundId)!;
  const links: Link[] = [];
  const found = (answer: Row, userId: string, how: string) =>
    links.push({ answerComment: String(answer.comment), userId, how });

  // 1. Every value of every answer column is a possible respondent key.
  const stored = new Map<string, Row>();
  for (const answer of answers) {
    for (const value of Object.values(answer)) {
      if (typeof value === 'string') stored.set(value.toLowerCase(), answer);
    }
  }
  const suppliers = [...new Set([...db.invitations, ...answers].map((r) => String(r.supplier_id)))];
  // Salts and key material: any value of the round, of its invitations, or of an answer.
  const material = candidates([
    round,
    ...db.invitations.filter((i) => i.round_id === roundId),
    ...answers,
  ]);
  const match = (digest: string, userId: string, how: string) => {
    const answer = stored.get(digest);
    if (answer) found(answer, userId, how);
  };
  // The HMAC scheme with SURVEY_SECRET: the round key from every candidate material (as the
  // service derives it, and plain HMAC(secret, material)), and the secret alone.
  const roundKeys = [
    Buffer.from(secret),
    ...material.flatMap((m) => [
      createHmac('sha256', secret)
        .update(`intradesk/survey-round-key/v1:${roundId}:`)
        .update(m.bytes)
        .digest(),
      createHmac('sha256', secret).update(m.bytes).digest(),
    ]),
  ];
  for (const user of db.users) {
    const userId = String(user.id);
    for (const supplierId of suppliers) {
      // 1a. The old scheme, SHA-256(salt:round:supplier:user), and plain hashes without a salt.
      for (const salt of material) {
        match(
          createHash('sha256')
            .update(`${salt.text}:${roundId}:${supplierId}:${userId}`)
            .digest('hex'),
          userId,
          'sha256(salt:round:supplier:user)',
        );
      }
      match(
        createHash('sha256').update(`${roundId}:${supplierId}:${userId}`).digest('hex'),
        userId,
        'sha256(round:supplier:user)',
      );
      // 1b. HMAC(round key, supplier:user) under every candidate round key.
      for (const key of roundKeys) {
        match(
          createHmac('sha256', key).update(`${supplierId}:${userId}`).digest('hex'),
          userId,
          'hmac(round key, supplier:user)',
        );
      }
    }
    // 1c. The person in clear: id, email or name anywhere in an answer.
    for (const field of ['id', 'email', 'name']) {
      const value = String(user[field]).toLowerCase();
      const answer = stored.get(value);
      if (answer && field !== 'name') found(answer, userId, `user ${field} stored`);
    }
  }

  // 2. Times: an answer time equal (or close) to something the user did. Answers must hold none.
  for (const answer of answers) {
    for (const [column, value] of Object.entries(answer)) {
      if (value instanceof Date) {
        throw new Error(`survey_answers.${column} is a time: it could be matched to user activity`);
      }
    }
  }

  // 3. Order: an attacker who knows in which order people answered (from the access log, say)
  // pairs the i-th stored answer with the i-th respondent, by ctid (physical order), by id and
  // by xmin (transaction order). A link counts only when the whole order is reproduced: a random
  // permutation of 12 reproduces it with probability 1 / 12! (about 2e-9).
  const answeredOrder = [...truth.values()];
  const orders: [string, (a: Row, b: Row) => number][] = [
    ['ctid', (a, b) => compareCtid(String(a.ctid), String(b.ctid))],
    ['id', (a, b) => String(a.id).localeCompare(String(b.id))],
    [
      'xmin, ctid',
      (a, b) => Number(a.xmin) - Number(b.xmin) || compareCtid(String(a.ctid), String(b.ctid)),
    ],
  ];
  for (const [name, compare] of orders) {
    const sorted = [...answers].sort(compare);
    if (
      sorted.length > 1 &&
      sorted.every((a, i) => truth.get(String(a.comment)) === answeredOrder[i])
    ) {
      sorted.forEach((a, i) => found(a, answeredOrder[i], `order by ${name}`));
    }
  }
  return links;
}

function compareCtid(a: string, b: string): number {
  const [pa, ia] = a.slice(1, -1).split(',').map(Number);
  const [pb, ib] = b.slice(1, -1).split(',').map(Number);
  return pa - pb || ia - ib;
}

// Links that name the right person (a wrong guess is no link).
function correct(links: Link[], truth: Truth): Set<string> {
  return new Set(
    links.filter((l) => truth.get(l.answerComment) === l.userId).map((l) => l.answerComment),
  );
}

describe('Survey anonymity: a closed round cannot be linked to people', () => {
  const time = new ManualTimeSource(new Date('2026-03-02T09:00:00Z'));
  let t: TestApp;
  let ids: Record<string, string>;
  let ops: GraphqlClient;
  let secret: string;
  let respondents: Respondent[];

  const openRound = async (title: string, closesAt: string) =>
    (
      await ops.data(OPEN, {
        i: { title, periodFrom: '2026-02-01', periodTo: '2026-02-28', closesAt },
      })
    ).openSurveyRound.id as string;
  // Everyone answers, in order, with a unique comment; returns who wrote what.
  const answerAll = async (roundId: string, tag: string): Promise<Truth> => {
    const truth: Truth = new Map();
    for (const [i, r] of respondents.entries()) {
      const comment = `${tag} answer ${i}`;
      await r.client.data(ANSWER, {
        i: { roundId, supplierId: ids.IT, score: (i % 5) + 1, recommend: i % 11, comment },
      });
      truth.set(comment, r.id);
    }
    return truth;
  };
  const answersOf = async (roundId: string) =>
    (await t.dataSource.query(`SELECT * FROM survey_answers WHERE round_id = $1`, [
      roundId,
    ])) as Row[];

  beforeAll(async () => {
    t = await startTestApp({ time });
    ids = await departmentIds(t.dataSource);
    ops = await t.login(`ops@${DEMO_EMAIL_DOMAIN}`);
    secret = t.app.get(AppConfig).surveySecret;
    time.set(new Date('2026-02-10T10:00:00Z'));
    respondents = [];
    for (const code of CUSTOMERS) {
      for (const role of ROLES) {
        const email = demoEmail(code, role);
        const client = await t.login(email);
        if (role === 'member') await fileRequest(client, ids.IT);
        const [{ id }] = await t.dataSource.query(`SELECT id FROM users WHERE email = $1`, [email]);
        respondents.push({ email, id, client });
      }
    }
    time.set(new Date('2026-03-02T09:00:00Z'));
  });
  afterAll(() => t.close());

  it('while a round is open, SURVEY_SECRET links every answer (so that people can change theirs); without it no key does', async () => {
    const roundId = await openRound('Open round', '2026-03-20T17:00:00Z');
    const truth = await answerAll(roundId, 'open');
    const withSecret = await linkAnswers(t.dataSource, roundId, secret, truth);
    expect(correct(withSecret, truth).size).toBe(12);
    // Without the secret no key links anyone. (The rows' physical order still follows the
    // order of answering while the round is open: closing rewrites them, see below.)
    const without = await linkAnswers(
      t.dataSource,
      roundId,
      'a-guess-at-the-secret-0123456789',
      truth,
    );
    expect(without.filter((l) => !l.how.startsWith('order'))).toEqual([]);
    expect(without.some((l) => l.how === 'order by ctid')).toBe(true);
    // One answer per person: answering again replaces it.
    await respondents[0].client.data(ANSWER, {
      i: { roundId, supplierId: ids.IT, score: 5, recommend: 10, comment: 'open answer 0' },
    });
    expect(await answersOf(roundId)).toHaveLength(12);
    await ops.data(CLOSE, { id: roundId });
  });

  it('after closeSurveyRound, nothing in the database links an answer to a person, even with SURVEY_SECRET', async () => {
    const roundId = await openRound('Closed by operations', '2026-03-20T17:00:00Z');
    const truth = await answerAll(roundId, 'closed');
    const before = await answersOf(roundId);
    expect((await ops.data(CLOSE, { id: roundId })).closeSurveyRound.open).toBe(false);

    expect(await linkAnswers(t.dataSource, roundId, secret, truth)).toEqual([]);
    const [round] = await t.dataSource.query(`SELECT * FROM survey_rounds WHERE id = $1`, [
      roundId,
    ]);
    expect(round.respondent_key_material).toBeNull();
    expect(round.legacy_respondent_salt).toBeNull();
    const after = (await t.dataSource.query(
      `SELECT ctid::text AS ctid, xmin::text AS xmin, * FROM survey_answers WHERE round_id = $1`,
      [roundId],
    )) as Row[];
    // Same answers, no keys, new random (version 4) ids, all written by one transaction.
    expect(after.map((a) => a.comment).sort()).toEqual([...truth.keys()].sort());
    expect(after.every((a) => a.respondent_key === null)).toBe(true);
    expect(after.every((a) => /^[0-9a-f]{8}-[0-9a-f]{4}-4/.test(String(a.id)))).toBe(true);
    expect(after.some((a) => before.some((b) => b.id === a.id))).toBe(false);
    expect(new Set(after.map((a) => a.xmin)).size).toBe(1);
    // No column of any survey table refers to a person but the round's author (operations).
    const personColumns = await t.dataSource.query(
      `SELECT tc.table_name, kcu.column_name FROM information_schema.table_constraints tc
         JOIN information_schema.key_column_usage kcu USING (constraint_name, table_schema)
         JOIN information_schema.constraint_column_usage ccu USING (constraint_name, table_schema)
        WHERE tc.constraint_type = 'FOREIGN KEY' AND ccu.table_name = 'users'
          AND tc.table_name LIKE 'survey%'`,
    );
    expect(personColumns).toEqual([{ table_name: 'survey_rounds', column_name: 'created_by_id' }]);
    // And the results still add up.
    const [result] = (await ops.data(RESULTS, { id: roundId })).surveyResults;
    expect(result.overall.answers).toBe(12);
  });

  it('a round that closes by its closing time is sealed by the worker job, and before its results are read', async () => {
    const byJob = await openRound('Closes by time (job)', '2026-03-05T17:00:00Z');
    const byJobTruth = await answerAll(byJob, 'job');
    const byRead = await openRound('Closes by time (read)', '2026-03-05T17:00:00Z');
    const byReadTruth = await answerAll(byRead, 'read');
    // The job seals nothing that is still open.
    expect(await t.app.get(SurveySealJob).run()).toBe(0);
    expect(
      correct(await linkAnswers(t.dataSource, byJob, secret, byJobTruth), byJobTruth).size,
    ).toBe(12);

    time.set(new Date('2026-03-05T17:00:01Z'));
    // Results read first: sealed in the same call, before anything is read.
    const [result] = (await ops.data(RESULTS, { id: byRead })).surveyResults;
    expect(result.overall.answers).toBe(12);
    expect(await linkAnswers(t.dataSource, byRead, secret, byReadTruth)).toEqual([]);
    // The other one by the job (which the worker runs every WORKER_POLL_SECONDS).
    expect(await t.app.get(SurveySealJob).run()).toBe(1);
    expect(await linkAnswers(t.dataSource, byJob, secret, byJobTruth)).toEqual([]);
    expect(await t.app.get(SurveySealJob).run()).toBe(0);
    time.set(new Date('2026-03-02T09:00:00Z'));
  });

  it('upgrading: the old SHA-256 keys of a closed round link every answer; the migration seals it and keeps open rounds answerable', async () => {
    const migration = new SurveyAnonymity1796219090308();
    const runner = t.dataSource.createQueryRunner();
    const legacyKey = (salt: string, roundId: string, userId: string) =>
      createHash('sha256').update(`${salt}:${roundId}:${ids.IT}:${userId}`).digest('hex');
    try {
      // The schema as it was, with two rounds keyed the old way: one closed, one open.
      await migration.down(runner);
      const rounds: Record<'closed' | 'open', { id: string; salt: string; truth: Truth }> = {
        closed: { id: '', salt: 'c'.repeat(64), truth: new Map() },
        open: { id: '', salt: 'd'.repeat(64), truth: new Map() },
      };
      const [opsUser] = await t.dataSource.query(`SELECT id FROM users WHERE role = 'OPS' LIMIT 1`);
      for (const [kind, round] of Object.entries(rounds)) {
        const [{ id }] = await t.dataSource.query(
          `INSERT INTO survey_rounds (title, period_from, period_to, opened_at, closes_at, closed_at, created_by_id, respondent_salt)
           VALUES ($1, '2026-02-01', '2026-02-28', '2026-03-01T09:00:00Z', $2, $3, $4, $5) RETURNING id`,
          [
            `Legacy ${kind}`,
            '2099-01-01T00:00:00Z',
            kind === 'closed' ? '2026-03-01T12:00:00Z' : null,
            opsUser.id,
            round.salt,
          ],
        );
        round.id = id;
        for (const code of CUSTOMERS) {
          await t.dataSource.query(
            `INSERT INTO survey_invitations (round_id, customer_id, supplier_id, requests) VALUES ($1, $2, $3, 1)`,
            [id, ids[code], ids.IT],
          );
        }
        for (const [i, r] of respondents.entries()) {
          const comment = `legacy ${kind} ${i}`;
          const customer = CUSTOMERS[Math.floor(respondents.indexOf(r) / 3)];
          await t.dataSource.query(
            `INSERT INTO survey_answers (round_id, supplier_id, customer_id, respondent_key, score, recommend, comment)
             VALUES ($1, $2, $3, $4, 3, 5, $5)`,
            [id, ids.IT, ids[customer], legacyKey(round.salt, id, r.id), comment],
          );
          round.truth.set(comment, r.id);
        }
      }
      // The weakness this change removes: with the database alone (no secret at all), the old
      // keys of a closed round name every respondent.
      const oldLinks = await linkAnswers(
        t.dataSource,
        rounds.closed.id,
        'no secret',
        rounds.closed.truth,
      );
      expect(correct(oldLinks, rounds.closed.truth).size).toBe(12);

      await migration.up(runner);
      expect(
        await linkAnswers(t.dataSource, rounds.closed.id, secret, rounds.closed.truth),
      ).toEqual([]);
      // The open round keeps its old salt until it closes: its people still see "answered" and
      // answering again replaces their answer.
      const first = respondents[0].client;
      const task = (await first.data(MINE)).mySurveys.edges
        .map((e: { node: { round: { id: string }; answered: boolean } }) => e.node)
        .find((n: { round: { id: string } }) => n.round.id === rounds.open.id);
      expect(task.answered).toBe(true);
      await first.data(ANSWER, {
        i: {
          roundId: rounds.open.id,
          supplierId: ids.IT,
          score: 1,
          recommend: 0,
          comment: 'legacy open 0',
        },
      });
      expect(await answersOf(rounds.open.id)).toHaveLength(12);
      await ops.data(CLOSE, { id: rounds.open.id });
      expect(await linkAnswers(t.dataSource, rounds.open.id, secret, rounds.open.truth)).toEqual(
        [],
      );
    } finally {
      await runner.release();
    }
  });
});
