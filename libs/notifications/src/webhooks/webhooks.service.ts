import { randomBytes } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import { AppConfig, AuthUser, TimeSource, DomainException, ErrorReason } from '@intradesk/core';
import { DataSource, EntityManager } from 'typeorm';
import { DeliveryStatus, WebhookDeliveryEntity, WebhookEntity } from './webhook.entity';
import { retryDelayMs, signWebhookBody } from './webhook-signature';

const BATCH = 20;

@Injectable()
export class WebhooksService {
  private readonly logger = new Logger(WebhooksService.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly time: TimeSource,
    private readonly config: AppConfig,
  ) {}

  // Leads of the department, operations and administrators manage its webhooks.
  assertManages(actor: AuthUser, departmentId: string): void {
    const lead = actor.role === 'LEAD' && actor.departmentId === departmentId;
    if (!lead && actor.role !== 'OPS' && actor.role !== 'ADMIN') {
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

  list(departmentId: string): Promise<WebhookEntity[]> {
    return this.dataSource
      .getRepository(WebhookEntity)
      .find({ where: { departmentId }, order: { createdAt: 'ASC' } });
  }

  async deliveries(
    actor: AuthUser,
    webhookId: string,
    status?: DeliveryStatus | null,
  ): Promise<WebhookDeliveryEntity[]> {
    const webhook = await this.dataSource.getRepository(WebhookEntity).findOneBy({ id: webhookId });
    if (!webhook) throw DomainException.notFound(`No webhook with id ${webhookId}`);
    this.assertManages(actor, webhook.departmentId);
    return this.dataSource.getRepository(WebhookDeliveryEntity).find({
      where: { webhookId, ...(status ? { status } : {}) },
      order: { createdAt: 'DESC', id: 'DESC' },
      take: 100,
    });
  }

  // Sends due deliveries (claimed with SKIP LOCKED, so several workers share them); a failure
  // is retried with backoff and given up as FAILED after WEBHOOK_MAX_ATTEMPTS.
  async deliverDue(): Promise<number> {
    const now = this.time.now();
    return this.dataSource.transaction(async (manager) => {
      const due = await manager
        .getRepository(WebhookDeliveryEntity)
        .createQueryBuilder('d')
        .where(`d.status = 'PENDING' AND d.next_attempt_at <= :now`, { now })
        .orderBy('d.next_attempt_at', 'ASC')
        .limit(BATCH)
        .setLock('pessimistic_write')
        .setOnLocked('skip_locked')
        .getMany();
      if (due.length === 0) return 0;
      const hooks = await manager
        .getRepository(WebhookEntity)
        .createQueryBuilder('w')
        .addSelect('w.secret')
        .whereInIds([...new Set(due.map((d) => d.webhookId))])
        .getMany();
      const byId = new Map(hooks.map((h) => [h.id, h]));
      await Promise.all(
        due.map((delivery) => this.send(manager, delivery, byId.get(delivery.webhookId)!, now)),
      );
      return due.length;
    });
  }

  private async send(
    manager: EntityManager,
    delivery: WebhookDeliveryEntity,
    hook: WebhookEntity,
    now: Date,
  ) {
    const body = JSON.stringify({
      id: String(delivery.id),
      event: delivery.event,
      createdAt: delivery.createdAt,
      data: delivery.payload,
    });
    let error: string | null = null;
    try {
      const response = await fetch(hook.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'user-agent': 'Intradesk-Webhooks',
          'x-intradesk-event': delivery.event,
          'x-intradesk-delivery': String(delivery.id),
          'x-intradesk-signature': signWebhookBody(hook.secret, body),
        },
        body,
        signal: AbortSignal.timeout(this.config.WEBHOOK_TIMEOUT_SECONDS * 1000),
        redirect: 'manual',
      });
      if (response.status < 200 || response.status >= 300) error = `HTTP ${response.status}`;
    } catch (cause) {
      error = (cause as Error).message.slice(0, 500);
    }
    const attempts = delivery.attempts + 1;
    const failed = error !== null && attempts >= this.config.WEBHOOK_MAX_ATTEMPTS;
    await manager.getRepository(WebhookDeliveryEntity).update(
      { id: delivery.id },
      error === null
        ? {
            status: DeliveryStatus.DELIVERED,
            attempts,
            deliveredAt: now,
            nextAttemptAt: null,
            lastError: null,
          }
        : {
            status: failed ? DeliveryStatus.FAILED : DeliveryStatus.PENDING,
            attempts,
            lastError: error,
            nextAttemptAt: failed ? null : new Date(now.getTime() + retryDelayMs(attempts)),
          },
    );
    if (failed)
      this.logger.warn(`webhook delivery ${delivery.id} to ${hook.url} failed for good: ${error}`);
  }
}
