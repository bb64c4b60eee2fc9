import { Injectable } from '@nestjs/common';
import {
  AuthUser,
  TimeSource,
  ErrorReason,
  KeysetPage,
  keysetPage,
  newestFirst,
} from '@intradesk/core';
import { UserEntity } from '@intradesk/organization';
import { canSeeRequest, RequestEntity } from '@intradesk/requests';
import { DataSource, In } from 'typeorm';
import { FeedbackException } from '../feedback.exception';
import { KudosEntity } from './kudos.entity';

export type KudosPage = KeysetPage<KudosEntity>;

export interface GiveKudosCommand {
  requestId: string;
  toUserId?: string | null;
  toDepartmentId?: string | null;
  message: string;
}

// Thanks for a request, to a person of either department or to either department.
@Injectable()
export class KudosService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly time: TimeSource,
  ) {}

  async give(actor: AuthUser, command: GiveKudosCommand): Promise<KudosEntity> {
    if (!command.toUserId === !command.toDepartmentId) {
      throw FeedbackException.badInput('Thank exactly one of a person or a department', [
        'input.toUserId',
        'input.toDepartmentId',
      ]);
    }
    return this.dataSource.transaction(async (manager) => {
      const request = await manager
        .getRepository(RequestEntity)
        .findOneBy({ id: command.requestId });
      if (!request || !canSeeRequest(actor, request)) {
        throw FeedbackException.notFound(`No request with id ${command.requestId}`);
      }
      const parties = new Set([request.supplierId, request.customerId]);
      if (command.toUserId) {
        if (command.toUserId === actor.id) {
          throw FeedbackException.badInput('You cannot thank yourself', ['input.toUserId']).because(
            ErrorReason.SELF_KUDOS,
          );
        }
        const user = await manager.getRepository(UserEntity).findOneBy({ id: command.toUserId });
        if (!user || !user.departmentId || !parties.has(user.departmentId)) {
          throw FeedbackException.badInput(`Thank someone of ${request.number}'s two departments`, [
            'input.toUserId',
          ]).because(ErrorReason.NOT_A_PARTY);
        }
      } else if (!parties.has(command.toDepartmentId!)) {
        throw FeedbackException.badInput(
          `Thank the supplier or the customer department of ${request.number}`,
          ['input.toDepartmentId'],
        ).because(ErrorReason.NOT_A_PARTY);
      }
      const rows: { id: string }[] = await manager.query(
        `INSERT INTO kudos (request_id, from_user_id, to_user_id, to_department_id, message, created_at)
         VALUES ($1, $2, $3, $4, $5, $6)
         ON CONFLICT DO NOTHING RETURNING id`,
        [
          request.id,
          actor.id,
          command.toUserId ?? null,
          command.toDepartmentId ?? null,
          command.message.trim(),
          this.time.now(),
        ],
      );
      if (rows.length === 0) {
        throw FeedbackException.conflict(`You already thanked them for ${request.number}`).because(
          ErrorReason.DUPLICATE,
        );
      }
      return manager.getRepository(KudosEntity).findOneByOrFail({ id: rows[0].id });
    });
  }

  // A page of the kudos a person or a department received, newest first (size + 1 rows: the
  // extra one says there is a next page).
  async received(
    to: { userId?: string | null; departmentId?: string | null },
    size: number,
    after?: string | null,
  ): Promise<KudosPage> {
    if (!to.userId === !to.departmentId) {
      throw FeedbackException.badInput('Give exactly one of userId and departmentId', [
        'userId',
        'departmentId',
      ]);
    }
    const received = () =>
      this.dataSource
        .getRepository(KudosEntity)
        .createQueryBuilder('k')
        .where(to.userId ? 'k.to_user_id = :to' : 'k.to_department_id = :to', {
          to: to.userId ?? to.departmentId,
        });
    return keysetPage(received, size, after, newestFirst<KudosEntity>('uuid'));
  }

  requestsByIds(ids: readonly string[]): Promise<RequestEntity[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return this.dataSource.getRepository(RequestEntity).findBy({ id: In([...ids]) });
  }

  findByRequestIds(requestIds: readonly string[]): Promise<KudosEntity[]> {
    if (requestIds.length === 0) return Promise.resolve([]);
    return this.dataSource
      .getRepository(KudosEntity)
      .find({ where: { requestId: In([...requestIds]) }, order: { createdAt: 'ASC' } });
  }
}
