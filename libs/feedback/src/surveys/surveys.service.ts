import { createHash, createHmac, randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import {
  AppConfig,
  AuthUser,
  TimeSource,
  decodeKeysetCursor,
  encodeKeysetCursor,
  ErrorReason,
  KeysetPage,
  keysetPage,
} from '@intradesk/core';
import { DepartmentsService } from '@intradesk/organization';
import { NotificationKind, NotificationsService } from '@intradesk/notifications';
import { DateTime } from 'luxon';
import { DataSource, EntityManager, In } from 'typeorm';
import { seesAllSurveyRounds, surveyResultsScope } from '../feedback.policy';
import { FeedbackException } from '../feedback.exception';
import { suppressedGroups } from './small-group-suppression';
import { SurveyRoundEntity } from './survey-round.entity';

export interface OpenSurveyRoundCommand {
  title: string;
  periodFrom: string;
  periodTo: string;
  closesAt: Date;
}

export interface AnswerSurveyCommand {
  roundId: string;
  supplierId: string;
  score: number;
  recommend: number;
  comment?: string | null;
}

export interface SurveyTask {
  round: SurveyRoundEntity;
  supplierId: string;
  answered: boolean;
}

// A page of a list: size + 1 rows (the extra one says there is a next page), their cursors and
// the total, counted only when asked for.
export type SurveyPage<T> = KeysetPage<T>;

// Scores of a group of answers; null everywhere when the group is too small to show.
export interface SurveyScores {
  suppressed: boolean;
  answers: number | null;
  averageScore: number | null;
  distribution: number[] | null;
  averageRecommend: number | null;
  // % promoters (9-10) minus % detractors (0-6), from -100 to 100.
  netPromoterScore: number | null;
  comments: string[];
}

export interface SurveySupplierResult {
  supplierId: string;
  overall: SurveyScores;
  byCustomer: { customerId: string; scores: SurveyScores }[];
}

interface CellRow {
  supplier_id: string;
  customer_id: string;
  answers: number;
  score_sum: number;
  recommend_sum: number;
  s1: number;
  s2: number;
  s3: number;
  s4: number;
  s5: number;
  promoters: number;
  detractors: number;
  comments: string[];
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

// Domain separation of the per-round HMAC keys derived from SURVEY_SECRET.
const ROUND_KEY_CONTEXT = 'intradesk/survey-round-key/v1';

// Pulse surveys: operations opens a round for a period; each department that filed requests in
// it rates each supplier it used. Answers carry no user id, and no group result is shown for
// fewer than SURVEY_MIN_ANSWERS answers, nor before the round closes.
@Injectable()
export class SurveysService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly time: TimeSource,
    private readonly config: AppConfig,
    private readonly departments: DepartmentsService,
    private readonly notifications: NotificationsService,
  ) {}

  async open(actor: AuthUser, command: OpenSurveyRoundCommand): Promise<SurveyRoundEntity> {
    const title = command.title.trim();
    if (title.length === 0 || title.length > 200) {
      throw FeedbackException.badInput('title must be 1 to 200 characters', ['input.title']);
    }
    const from = this.localDate(command.periodFrom, 'input.periodFrom');
    const to = this.localDate(command.periodTo, 'input.periodTo');
    if (to < from) {
      throw FeedbackException.badInput('periodTo must not be before periodFrom', [
        'input.periodTo',
      ]);
    }
    const now = this.time.now();
    if (command.closesAt <= now) {
      throw FeedbackException.badInput('closesAt must be in the future', ['input.closesAt']);
    }
    return this.dataSource.transaction(async (manager) => {
      const zone = await this.departments.organizationTimeZone(manager);
      const round = manager.getRepository(SurveyRoundEntity).create({
        title,
        periodFrom: command.periodFrom,
        periodTo: command.periodTo,
        openedAt: now,
        closesAt: command.closesAt,
        closedAt: null,
        createdById: actor.id,
        respondentKeyMaterial: randomBytes(32),
        legacyRespondentSalt: null,
      });
      await manager.getRepository(SurveyRoundEntity).insert(round);
      await manager.query(
        `INSERT INTO survey_invitations (round_id, customer_id, supplier_id, requests)
         SELECT $1, customer_id, supplier_id, count(*)
           FROM requests
          WHERE created_at >= ($2::date)::timestamp AT TIME ZONE $4
            AND created_at < ($3::date + 1)::timestamp AT TIME ZONE $4
            AND customer_id <> supplier_id
          GROUP BY customer_id, supplier_id`,
        [round.id, from, to, zone],
      );
      await this.invite(manager, round);
      return round;
    });
  }

  // Closes the round and, in the same transaction, destroys what could link its answers to
  // people (see seal). A round already past its closing time is only sealed.
  async close(id: string): Promise<SurveyRoundEntity> {
    return this.dataSource.transaction(async (manager) => {
      const round = await manager
        .getRepository(SurveyRoundEntity)
        .findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!round) throw FeedbackException.notFound(`No survey round with id ${id}`);
      if (this.isOpen(round)) {
        round.closedAt = this.time.now();
        await manager.getRepository(SurveyRoundEntity).update({ id }, { closedAt: round.closedAt });
      }
      if (!isSealed(round)) await this.seal(manager, [round]);
      return round;
    });
  }

  // Seals every round past its closing time that still has key material (rounds that closed by
  // reaching closesAt, which no transaction marks). Any number of processes may run it at once.
  async sealClosedRounds(): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      const rounds = await manager
        .getRepository(SurveyRoundEntity)
        .createQueryBuilder('round')
        .where('(round.closed_at IS NOT NULL OR round.closes_at <= :now)', {
          now: this.time.now(),
        })
        .andWhere(
          '(round.respondent_key_material IS NOT NULL OR round.legacy_respondent_salt IS NOT NULL)',
        )
        .setLock('pessimistic_write')
        .setOnLocked('skip_locked')
        .getMany();
      if (rounds.length > 0) await this.seal(manager, rounds);
      return rounds.length;
    });
  }

  // After close, nothing may link an answer to a person, even with SURVEY_SECRET and a copy of
  // the whole database: the round's key material goes, each answer's respondent key goes, and the
  // answers are rewritten by one statement with new random ids, in random physical order and
  // under one transaction id, so neither ids, ctid order nor xmin tell in which order people
  // answered. The caller holds the round's row lock, so no answer is being written meanwhile.
  private async seal(manager: EntityManager, rounds: SurveyRoundEntity[]): Promise<void> {
    const ids = rounds.map((r) => r.id);
    await manager.query(
      `UPDATE survey_rounds SET respondent_key_material = NULL, legacy_respondent_salt = NULL
        WHERE id = ANY($1)`,
      [ids],
    );
    await manager.query(
      `WITH sealed AS (
         DELETE FROM survey_answers WHERE round_id = ANY($1)
         RETURNING round_id, supplier_id, customer_id, score, recommend, comment)
       INSERT INTO survey_answers (id, round_id, supplier_id, customer_id, respondent_key, score, recommend, comment)
       SELECT gen_random_uuid(), round_id, supplier_id, customer_id, NULL, score, recommend, comment
         FROM sealed ORDER BY random()`,
      [ids],
    );
    for (const round of rounds) {
      round.respondentKeyMaterial = null;
      round.legacyRespondentSalt = null;
    }
  }

  async get(id: string): Promise<SurveyRoundEntity> {
    const round = await this.dataSource.getRepository(SurveyRoundEntity).findOneBy({ id });
    if (!round) throw FeedbackException.notFound(`No survey round with id ${id}`);
    return round;
  }

  // Operations and administrators see every round; others the rounds their department is in.
  // Newest first.
  async list(
    user: AuthUser,
    size: number,
    after?: string | null,
  ): Promise<SurveyPage<SurveyRoundEntity>> {
    const visible = () => {
      const qb = this.dataSource.getRepository(SurveyRoundEntity).createQueryBuilder('round');
      if (!seesAllSurveyRounds(user)) {
        qb.where(
          `EXISTS (SELECT 1 FROM survey_invitations i WHERE i.round_id = round.id
                    AND (i.customer_id = :dept OR i.supplier_id = :dept))`,
          { dept: user.departmentId },
        );
      }
      return qb;
    };
    return keysetPage(visible, size, after, {
      timeColumn: 'opened_at',
      timeOf: (round) => round.openedAt,
      direction: 'DESC',
      idKind: 'uuid',
    });
  }

  // The k of the small-group suppression (results of groups with fewer answers are hidden).
  get minAnswers(): number {
    return this.config.SURVEY_MIN_ANSWERS;
  }

  isOpen(round: SurveyRoundEntity): boolean {
    return !round.closedAt && round.closesAt > this.time.now();
  }

  // What the caller's department is asked in open rounds, and whether the caller answered;
  // the rounds closing first come first.
  async tasks(
    user: AuthUser,
    size: number,
    after?: string | null,
  ): Promise<SurveyPage<SurveyTask>> {
    const now = this.time.now();
    const asked = `FROM survey_invitations i JOIN survey_rounds r ON r.id = i.round_id
        WHERE i.customer_id = $1 AND r.closed_at IS NULL AND r.closes_at > $2`;
    const count = async () =>
      user.departmentId
        ? (
            (await this.dataSource.query(`SELECT count(*)::int AS n ${asked}`, [
              user.departmentId,
              now,
            ])) as { n: number }[]
          )[0].n
        : 0;
    const cursorOf = (t: SurveyTask) =>
      encodeKeysetCursor([t.round.closesAt, t.round.id, t.supplierId]);
    const cursor = after ? decodeKeysetCursor(after, ['time', 'uuid', 'uuid']) : null;
    if (!user.departmentId) return { rows: [], cursorOf, count };
    const rows: { round_id: string; supplier_id: string }[] = await this.dataSource.query(
      `SELECT i.round_id, i.supplier_id ${asked}
          AND ($3::timestamptz IS NULL OR (r.closes_at, i.round_id, i.supplier_id) > ($3, $4::uuid, $5::uuid))
        ORDER BY r.closes_at, i.round_id, i.supplier_id
        LIMIT $6`,
      [
        user.departmentId,
        now,
        cursor?.[0] ?? null,
        cursor?.[1] ?? null,
        cursor?.[2] ?? null,
        size + 1,
      ],
    );
    if (rows.length === 0) return { rows: [], cursorOf, count };
    const rounds = new Map(
      (
        await this.dataSource
          .getRepository(SurveyRoundEntity)
          .findBy({ id: In([...new Set(rows.map((r) => r.round_id))]) })
      ).map((r) => [r.id, r]),
    );
    const keys = rows.map(
      (r) => this.respondentKey(rounds.get(r.round_id)!, r.supplier_id, user.id) ?? '',
    );
    const answered = new Set(
      (
        (await this.dataSource.query(
          `SELECT respondent_key FROM survey_answers WHERE respondent_key = ANY($1)`,
          [keys],
        )) as { respondent_key: string }[]
      ).map((a) => a.respondent_key),
    );
    return {
      rows: rows.map((r, i) => ({
        round: rounds.get(r.round_id)!,
        supplierId: r.supplier_id,
        answered: keys[i] !== '' && answered.has(keys[i]),
      })),
      cursorOf,
      count,
    };
  }

  async answer(user: AuthUser, command: AnswerSurveyCommand): Promise<SurveyTask> {
    if (!Number.isInteger(command.score) || command.score < 1 || command.score > 5) {
      throw FeedbackException.badInput('score must be a whole number from 1 to 5', ['input.score']);
    }
    if (!Number.isInteger(command.recommend) || command.recommend < 0 || command.recommend > 10) {
      throw FeedbackException.badInput('recommend must be a whole number from 0 to 10', [
        'input.recommend',
      ]);
    }
    const comment = (command.comment ?? '').trim();
    if (comment.length > 2000) {
      throw FeedbackException.badInput('comment must be at most 2000 characters', [
        'input.comment',
      ]);
    }
    return this.dataSource.transaction(async (manager) => {
      const round = await manager
        .getRepository(SurveyRoundEntity)
        .findOne({ where: { id: command.roundId }, lock: { mode: 'pessimistic_read' } });
      if (!round) throw FeedbackException.notFound(`No survey round with id ${command.roundId}`);
      if (!this.isOpen(round)) {
        throw FeedbackException.badInput(`The survey round "${round.title}" is closed`, [
          'input.roundId',
        ]).because(ErrorReason.SURVEY_CLOSED);
      }
      const invited: unknown[] = await manager.query(
        `SELECT 1 FROM survey_invitations WHERE round_id = $1 AND customer_id = $2 AND supplier_id = $3`,
        [round.id, user.departmentId, command.supplierId],
      );
      if (!user.departmentId || invited.length === 0) {
        throw FeedbackException.forbidden(
          'This round does not ask your department about that supplier',
        ).because(ErrorReason.NOT_ASKED);
      }
      const key = this.respondentKey(round, command.supplierId, user.id);
      // An open round always has its key material; a sealed one is closed.
      if (!key) throw new Error(`Survey round ${round.id} is open but has no key material`);
      await manager.query(
        `INSERT INTO survey_answers (round_id, supplier_id, customer_id, respondent_key, score, recommend, comment)
         VALUES ($1, $2, $3, $4, $5, $6, $7)
         ON CONFLICT (round_id, supplier_id, respondent_key) DO UPDATE
            SET score = EXCLUDED.score, recommend = EXCLUDED.recommend, comment = EXCLUDED.comment`,
        [
          round.id,
          command.supplierId,
          user.departmentId,
          key,
          command.score,
          command.recommend,
          comment,
        ],
      );
      return { round, supplierId: command.supplierId, answered: true };
    });
  }

  // Results of a closed round: per supplier, overall and per customer department, with small
  // groups suppressed. Supplier leads see their own department's; operations and admins all.
  async results(user: AuthUser, roundId: string): Promise<SurveySupplierResult[]> {
    let round = await this.get(roundId);
    const scope = surveyResultsScope(user);
    if (scope === 'NONE') {
      throw FeedbackException.forbidden('Survey results are for team leads and operations').because(
        ErrorReason.NOT_OWN_DEPARTMENT,
      );
    }
    if (this.isOpen(round)) {
      throw FeedbackException.badInput(
        `Results are shown once the round closes (${round.closesAt.toISOString()})`,
        ['roundId'],
      ).because(ErrorReason.SURVEY_STILL_OPEN);
    }
    // Closed by its closing time and not sealed yet by the worker: seal it before reading.
    if (!isSealed(round)) round = await this.close(round.id);
    const cells: CellRow[] = await this.dataSource.query(
      `SELECT supplier_id, customer_id, count(*)::int AS answers,
              sum(score)::int AS score_sum, sum(recommend)::int AS recommend_sum,
              count(*) FILTER (WHERE score = 1)::int AS s1, count(*) FILTER (WHERE score = 2)::int AS s2,
              count(*) FILTER (WHERE score = 3)::int AS s3, count(*) FILTER (WHERE score = 4)::int AS s4,
              count(*) FILTER (WHERE score = 5)::int AS s5,
              count(*) FILTER (WHERE recommend >= 9)::int AS promoters,
              count(*) FILTER (WHERE recommend <= 6)::int AS detractors,
              coalesce(array_agg(comment ORDER BY comment) FILTER (WHERE comment <> ''), '{}') AS comments
         FROM survey_answers
        WHERE round_id = $1 AND ($2::uuid IS NULL OR supplier_id = $2)
        GROUP BY supplier_id, customer_id`,
      [round.id, scope === 'ALL' ? null : scope.supplierId],
    );
    const k = this.config.SURVEY_MIN_ANSWERS;
    const bySupplier = new Map<string, CellRow[]>();
    for (const cell of cells) {
      bySupplier.set(cell.supplier_id, [...(bySupplier.get(cell.supplier_id) ?? []), cell]);
    }
    return [...bySupplier.entries()].map(([supplierId, rows]) => {
      const overall = combine(rows);
      const hidden = suppressedGroups(
        overall.answers,
        rows.map((r) => ({ key: r.customer_id, answers: r.answers })),
        k,
      );
      return {
        supplierId,
        overall: scores(overall, overall.answers < k),
        byCustomer: rows.map((r) => ({
          customerId: r.customer_id,
          scores: scores(r, hidden.has(r.customer_id)),
        })),
      };
    });
  }

  private async invite(manager: EntityManager, round: SurveyRoundEntity): Promise<void> {
    const people: { id: string }[] = await manager.query(
      `SELECT DISTINCT u.id FROM users u
         JOIN survey_invitations i ON i.customer_id = u.department_id AND i.round_id = $1`,
      [round.id],
    );
    await this.notifications.addMany(
      manager,
      people.map((p) => ({
        userId: p.id,
        kind: NotificationKind.SURVEY_INVITATION,
        message: `Pulse survey "${round.title.slice(0, 150)}": how well do the departments you used serve you? Open until ${round.closesAt.toISOString()}`,
        createdAt: round.openedAt,
        params: { title: round.title, closesAt: round.closesAt.toISOString() },
      })),
    );
  }

  // HMAC-SHA256(K_round, supplier:user) with K_round = HMAC-SHA256(SURVEY_SECRET, context, round,
  // key material): computable only with both the secret and the material, which dies at close.
  // Null for a sealed round.
  private respondentKey(round: SurveyRoundEntity, supplierId: string, userId: string) {
    if (round.respondentKeyMaterial) {
      const roundKey = createHmac('sha256', this.config.surveySecret)
        .update(`${ROUND_KEY_CONTEXT}:${round.id}:`)
        .update(round.respondentKeyMaterial)
        .digest();
      return createHmac('sha256', roundKey).update(`${supplierId}:${userId}`).digest('hex');
    }
    if (round.legacyRespondentSalt) {
      // Rounds opened before the HMAC keys, until they close.
      return createHash('sha256')
        .update(`${round.legacyRespondentSalt}:${round.id}:${supplierId}:${userId}`)
        .digest('hex');
    }
    return null;
  }

  private localDate(value: string, field: string): string {
    if (!DATE.test(value) || !DateTime.fromISO(value, { zone: 'UTC' }).isValid) {
      throw FeedbackException.badInput(`${field.split('.').pop()} must be a date like 2026-03-01`, [
        field,
      ]);
    }
    return value;
  }
}

function isSealed(round: SurveyRoundEntity): boolean {
  return !round.respondentKeyMaterial && !round.legacyRespondentSalt;
}

function combine(rows: CellRow[]): CellRow {
  const sum = (pick: (r: CellRow) => number) => rows.reduce((n, r) => n + pick(r), 0);
  return {
    supplier_id: rows[0].supplier_id,
    customer_id: '',
    answers: sum((r) => r.answers),
    score_sum: sum((r) => r.score_sum),
    recommend_sum: sum((r) => r.recommend_sum),
    s1: sum((r) => r.s1),
    s2: sum((r) => r.s2),
    s3: sum((r) => r.s3),
    s4: sum((r) => r.s4),
    s5: sum((r) => r.s5),
    promoters: sum((r) => r.promoters),
    detractors: sum((r) => r.detractors),
    comments: rows.flatMap((r) => r.comments).sort(),
  };
}

function scores(row: CellRow, suppressed: boolean): SurveyScores {
  if (suppressed) {
    return {
      suppressed: true,
      answers: null,
      averageScore: null,
      distribution: null,
      averageRecommend: null,
      netPromoterScore: null,
      comments: [],
    };
  }
  return {
    suppressed: false,
    answers: row.answers,
    averageScore: row.score_sum / row.answers,
    distribution: [row.s1, row.s2, row.s3, row.s4, row.s5],
    averageRecommend: row.recommend_sum / row.answers,
    netPromoterScore: (100 * (row.promoters - row.detractors)) / row.answers,
    comments: row.comments,
  };
}
