import fc from 'fast-check';
import { Client } from 'pg';
import {
  clockColumns,
  clockIsSql,
  clockVerdict,
  clockVerdictSql,
  SlaClockState,
  VerdictClock,
} from '@intradesk/sla';

// The clock verdict has one definition read two ways: clockVerdict() in TypeScript (Request.sla)
// and clockVerdictSql()/clockIsSql() in the reports' SQL. Both are evaluated here over the same
// clocks, in PostgreSQL itself, and must agree on every one.

const NOW = new Date('2026-03-06T16:59:59.999Z');
const MS = 1;
const HOUR = 3_600_000;

// Times around now, the boundaries most of all: due exactly now, a millisecond either side.
const instant = fc.oneof(
  fc.constantFrom(-HOUR, -MS, 0, MS, HOUR).map((d) => new Date(NOW.getTime() + d)),
  fc.integer({ min: -30 * 24 * HOUR, max: 30 * 24 * HOUR }).map((d) => new Date(NOW.getTime() + d)),
);
const maybe = fc.option(instant, { nil: null, freq: 2 });
const clock: fc.Arbitrary<VerdictClock> = fc.record({
  runningSince: maybe,
  dueAt: maybe,
  stoppedAt: maybe,
  cancelledAt: maybe,
  breachedAt: maybe,
});

const STATES = Object.values(SlaClockState);

describe('clock verdict: TypeScript and SQL agree', () => {
  let db: Client;

  beforeAll(async () => {
    db = new Client({ connectionString: process.env.INTRADESK_TEST_ADMIN_URL });
    await db.connect();
  });

  afterAll(async () => {
    await db.end();
  });

  // Each clock's SQL verdict (the CASE) and which of the per-state predicates hold.
  async function inSql(clocks: VerdictClock[], now: Date) {
    const column = clockColumns('c.');
    const { rows } = await db.query<{ i: number; verdict: string } & Record<string, boolean>>(
      `SELECT c.i, ${clockVerdictSql(column, '$2')} AS verdict,
              ${STATES.map((s) => `${clockIsSql(s, column, '$2')} AS "is_${s}"`).join(', ')}
         FROM json_to_recordset($1::json) AS c(i int, running_since timestamptz, due_at timestamptz,
              stopped_at timestamptz, cancelled_at timestamptz, breached_at timestamptz)
        ORDER BY c.i`,
      [
        JSON.stringify(
          clocks.map((c, i) => ({
            i,
            running_since: c.runningSince,
            due_at: c.dueAt,
            stopped_at: c.stoppedAt,
            cancelled_at: c.cancelledAt,
            breached_at: c.breachedAt,
          })),
        ),
        now,
      ],
    );
    return rows;
  }

  it('over a table of the cases that matter', async () => {
    const at = (d: number) => new Date(NOW.getTime() + d);
    const none: VerdictClock = {
      runningSince: null,
      dueAt: null,
      stoppedAt: null,
      cancelledAt: null,
      breachedAt: null,
    };
    const { PAUSED, RUNNING, MET, BREACHED, CANCELLED } = SlaClockState;
    const late = { runningSince: at(-HOUR), dueAt: at(-HOUR) };
    const cases: [string, Partial<VerdictClock>, SlaClockState][] = [
      ['paused', {}, PAUSED],
      ['running, due later', { runningSince: at(-HOUR), dueAt: at(MS) }, RUNNING],
      ['running, due exactly now', { runningSince: at(-HOUR), dueAt: at(0) }, RUNNING],
      ['running, due a ms ago', { runningSince: at(-HOUR), dueAt: at(-MS) }, BREACHED],
      ['paused past its old due time', { dueAt: at(-HOUR) }, PAUSED],
      ['breach recorded, then paused', { breachedAt: at(-HOUR) }, BREACHED],
      ['stopped in time', { stoppedAt: at(-HOUR) }, MET],
      ['stopped after a breach', { stoppedAt: at(-MS), breachedAt: at(-HOUR) }, BREACHED],
      ['cancelled after a breach', { cancelledAt: at(-MS), breachedAt: at(-HOUR) }, CANCELLED],
      ['cancelled while running late', { ...late, cancelledAt: at(-MS) }, CANCELLED],
    ];
    const rows = await inSql(
      cases.map(([, c]) => ({ ...none, ...c })),
      NOW,
    );
    cases.forEach(([name, c, expected], i) => {
      expect([name, clockVerdict({ ...none, ...c }, NOW)]).toEqual([name, expected]);
      expect([name, rows[i].verdict]).toEqual([name, expected]);
    });
  });

  it('over random clocks, boundaries included', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(clock, { minLength: 1, maxLength: 50 }), async (clocks) => {
        const rows = await inSql(clocks, NOW);
        clocks.forEach((c, i) => {
          const verdict = clockVerdict(c, NOW);
          expect({ clock: c, sql: rows[i].verdict }).toEqual({ clock: c, sql: verdict });
          for (const s of STATES) expect([s, rows[i][`is_${s}`]]).toEqual([s, s === verdict]);
        });
      }),
      { numRuns: 200 },
    );
  });
});
