import { Injectable, OnModuleInit } from '@nestjs/common';
import {
  AppConfig,
  AuthUser,
  TimeSource,
  ErrorReason,
  KeysetPage,
  keysetPage,
} from '@intradesk/core';
import {
  canSeeRequest,
  ImportedRating,
  ImportedRatingsSink,
  RequestEntity,
  RequestImportService,
  RequestStatus,
} from '@intradesk/requests';
import { DataSource, EntityManager, In } from 'typeorm';
import { mayRateAsCustomer, mayRateQuality } from '../feedback.policy';
import { FeedbackException } from '../feedback.exception';
import { RatingSide } from './rating-side.enum';
import { RequestRatingEntity } from './request-rating.entity';

const RATEABLE = new Set([RequestStatus.RESOLVED, RequestStatus.CLOSED]);
const DAY_MS = 86_400_000;

export type PendingRatingsPage = KeysetPage<RequestEntity>;

export interface RateCommand {
  requestId: string;
  side: RatingSide;
  score: number;
  comment?: string | null;
}

// The customer's rating of a request (rateRequest) and the supplier's rating of the request's
// quality (rateRequestQuality): after resolution, within RATING_WINDOW_DAYS, one per side (a
// later call updates it).
@Injectable()
export class RatingsService implements OnModuleInit, ImportedRatingsSink {
  constructor(
    private readonly dataSource: DataSource,
    private readonly time: TimeSource,
    private readonly config: AppConfig,
    private readonly requestImport: RequestImportService,
  ) {}

  onModuleInit(): void {
    this.requestImport.registerRatingsSink(this);
  }

  async rate(actor: AuthUser, command: RateCommand): Promise<RequestRatingEntity> {
    if (!Number.isInteger(command.score) || command.score < 1 || command.score > 5) {
      throw FeedbackException.badInput('score must be a whole number from 1 to 5', ['score']);
    }
    const comment = (command.comment ?? '').trim();
    if (comment.length > 2000) {
      throw FeedbackException.badInput('comment must be at most 2000 characters', ['comment']);
    }
    return this.dataSource.transaction(async (manager) => {
      // A share lock: the request cannot be reopened between the checks and the rating.
      const request = await manager.getRepository(RequestEntity).findOne({
        where: { id: command.requestId },
        lock: { mode: 'pessimistic_read' },
      });
      if (!request || !canSeeRequest(actor, request)) {
        throw FeedbackException.notFound(`No request with id ${command.requestId}`);
      }
      this.assertMayRate(actor, request, command.side);
      const now = this.time.now();
      this.assertRateable(request, now);
      const rows: RequestRatingEntity[] = await manager.query(
        `INSERT INTO request_ratings (request_id, side, rater_id, score, comment, created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $6)
         ON CONFLICT (request_id, side) DO UPDATE
            SET rater_id = EXCLUDED.rater_id, score = EXCLUDED.score,
                comment = EXCLUDED.comment, updated_at = EXCLUDED.updated_at
         RETURNING id, request_id AS "requestId", side, rater_id AS "raterId", score, comment,
                   created_at AS "createdAt", updated_at AS "updatedAt"`,
        [request.id, command.side, actor.id, command.score, comment, now],
      );
      return manager.getRepository(RequestRatingEntity).create(rows[0]);
    });
  }

  findByRequestIds(requestIds: readonly string[]): Promise<RequestRatingEntity[]> {
    if (requestIds.length === 0) return Promise.resolve([]);
    return this.dataSource
      .getRepository(RequestRatingEntity)
      .findBy({ requestId: In([...requestIds]) });
  }

  // Requests the caller filed that are resolved and still waiting for their rating, oldest first.
  // A page of the caller's resolved requests still waiting for their rating, oldest first
  // (size + 1 rows: the extra one says there is a next page).
  async pendingFor(
    user: AuthUser,
    size: number,
    after?: string | null,
  ): Promise<PendingRatingsPage> {
    const since = new Date(this.time.now().getTime() - this.config.RATING_WINDOW_DAYS * DAY_MS);
    const pending = () =>
      this.dataSource
        .getRepository(RequestEntity)
        .createQueryBuilder('r')
        .where('r.requester_id = :userId', { userId: user.id })
        .andWhere(`r.status IN ('RESOLVED', 'CLOSED')`)
        .andWhere('r.resolved_at >= :since', { since })
        .andWhere(
          `NOT EXISTS (SELECT 1 FROM request_ratings rr WHERE rr.request_id = r.id AND rr.side = 'CUSTOMER')`,
        );
    return keysetPage(pending, size, after, {
      timeColumn: 'resolved_at',
      timeOf: (request) => request.resolvedAt!,
      direction: 'ASC',
      idKind: 'uuid',
    });
  }

  rateBy(request: RequestEntity): Date | null {
    return request.resolvedAt
      ? new Date(request.resolvedAt.getTime() + this.config.RATING_WINDOW_DAYS * DAY_MS)
      : null;
  }

  // Ratings of imported timelines: the requester's, in the import's transaction.
  async store(manager: EntityManager, ratings: ImportedRating[]): Promise<void> {
    const batch = 5000;
    for (let i = 0; i < ratings.length; i += batch) {
      const slice = ratings.slice(i, i + batch);
      await manager.query(
        `INSERT INTO request_ratings (request_id, side, rater_id, score, comment, created_at, updated_at)
         SELECT r.request_id, 'CUSTOMER', r.rater_id, r.score, r.comment, r.at, r.at
           FROM unnest($1::uuid[], $2::uuid[], $3::int[], $4::text[], $5::timestamptz[])
                AS r(request_id, rater_id, score, comment, at)
         ON CONFLICT (request_id, side) DO UPDATE
            SET score = EXCLUDED.score, comment = EXCLUDED.comment, updated_at = EXCLUDED.updated_at`,
        [
          slice.map((r) => r.requestId),
          slice.map((r) => r.raterId),
          slice.map((r) => r.score),
          slice.map((r) => r.comment),
          slice.map((r) => r.at),
        ],
      );
    }
  }

  private assertMayRate(actor: AuthUser, request: RequestEntity, side: RatingSide): void {
    if (side === RatingSide.CUSTOMER) {
      if (!mayRateAsCustomer(actor, request)) {
        throw FeedbackException.forbidden(
          'Only members of the customer department rate a request; the supplier side rates its quality with rateRequestQuality',
        ).because(ErrorReason.NOT_CUSTOMER_SIDE);
      }
    } else {
      if (!mayRateQuality(actor, request)) {
        throw FeedbackException.forbidden(
          "Only agents and leads of the supplier department rate a request's quality",
        ).because(ErrorReason.NOT_SUPPLIER_SIDE);
      }
    }
  }

  private assertRateable(request: RequestEntity, now: Date): void {
    if (!RATEABLE.has(request.status) || !request.resolvedAt) {
      throw FeedbackException.badInput(
        `${request.number} is ${request.status}: a request is rated once it is resolved`,
        ['requestId'],
      ).because(ErrorReason.NOT_RESOLVED);
    }
    if (now.getTime() > request.resolvedAt.getTime() + this.config.RATING_WINDOW_DAYS * DAY_MS) {
      throw FeedbackException.badInput(
        `${request.number} was resolved more than ${this.config.RATING_WINDOW_DAYS} days ago and can no longer be rated`,
        ['requestId'],
      ).because(ErrorReason.RATING_WINDOW_PASSED);
    }
  }
}
