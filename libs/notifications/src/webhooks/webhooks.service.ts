import { randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { AuthUser, DomainException, ErrorReason, keysetPage, newestFirst } from '@intradesk/core';
import { DataSource, EntityManager } from 'typeorm';
import { mayManageWebhooksOf } from '../notifications.policy';
import { DeliveryStatus, WebhookDeliveryEntity, WebhookEntity } from './webhook.entity';
import { WebhookTargets } from './webhook-target';

@Injectable()
export class WebhooksService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly targets: WebhookTargets,
  ) {}

  private assertManages(actor: AuthUser, departmentId: string): void {
    if (!mayManageWebhooksOf(actor, departmentId)) {
      throw DomainException.forbidden(
        "Only the department's lead, operations and admins manage its webhooks",
      ).because(ErrorReason.NOT_OWN_DEPARTMENT);
    }
  }

  async create(
    actor: AuthUser,
    departmentId: string,
    url: string,
  ): Promise<WebhookEntity & { secret: string }> {
    this.assertManages(actor, departmentId);
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      throw DomainException.badInput('url must be an absolute http(s) URL', ['url']);
    }
    if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') {
      throw DomainException.badInput('url must be an absolute http(s) URL', ['url']);
    }
    // Public addresses only (checked again at each delivery).
    await this.targets.checkInput(parsed);
    const secret = randomBytes(24).toString('base64url');
    const repo = this.dataSource.getRepository(WebhookEntity);
    try {
      const saved = await repo.save(
        repo.create({ departmentId, url: parsed.toString(), secret, active: true }),
      );
      return { ...saved, secret };
    } catch (error) {
      if ((error as { code?: string }).code === '23503') {
        throw DomainException.badInput(`No department with id ${departmentId}`, ['departmentId']);
      }
      throw error;
    }
  }

  list(actor: AuthUser, departmentId: string): Promise<WebhookEntity[]> {
    this.assertManages(actor, departmentId);
    return this.dataSource
      .getRepository(WebhookEntity)
      .find({ where: { departmentId }, order: { createdAt: 'ASC' } });
  }

  // Paused, a webhook gets no new deliveries and its pending ones wait; resumed, they go out.
  async setActive(actor: AuthUser, id: string, active: boolean): Promise<WebhookEntity> {
    return this.dataSource.transaction(async (manager) => {
      const webhook = await this.managed(actor, id, manager);
      if (webhook.active !== active) {
        await manager.getRepository(WebhookEntity).update({ id }, { active });
        webhook.active = active;
      }
      return webhook;
    });
  }

  // Gone with its deliveries (their history too): pause it instead to keep them.
  async remove(actor: AuthUser, id: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      await this.managed(actor, id, manager);
      await manager.getRepository(WebhookEntity).delete({ id });
    });
  }

  // The webhook, locked for a change, once the actor may manage it (else not found or refused).
  private async managed(
    actor: AuthUser,
    id: string,
    manager: EntityManager,
  ): Promise<WebhookEntity> {
    const webhook = await manager
      .getRepository(WebhookEntity)
      .findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!webhook) throw DomainException.notFound(`No webhook with id ${id}`);
    this.assertManages(actor, webhook.departmentId);
    return webhook;
  }

  // A webhook's deliveries, newest first, a page at a time.
  async deliveries(
    actor: AuthUser,
    webhookId: string,
    status: DeliveryStatus | null | undefined,
    size: number,
    after?: string | null,
  ) {
    const webhook = await this.dataSource.getRepository(WebhookEntity).findOneBy({ id: webhookId });
    if (!webhook) throw DomainException.notFound(`No webhook with id ${webhookId}`);
    this.assertManages(actor, webhook.departmentId);
    const matching = () => {
      const query = this.dataSource
        .getRepository(WebhookDeliveryEntity)
        .createQueryBuilder('d')
        .where('d.webhook_id = :webhookId', { webhookId });
      if (status) query.andWhere('d.status = :status', { status });
      return query;
    };
    return keysetPage(matching, size, after, newestFirst<WebhookDeliveryEntity>('bigint'));
  }
}
