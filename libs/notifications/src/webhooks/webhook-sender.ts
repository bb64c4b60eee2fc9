import * as http from 'node:http';
import * as https from 'node:https';
import { BeforeApplicationShutdown, Injectable, Logger } from '@nestjs/common';
import { AppConfig, TimeSource } from '@intradesk/core';
import { DataSource } from 'typeorm';
import { DeliveryStatus, WebhookDeliveryEntity } from './webhook.entity';
import { retryDelayMs, signWebhookBody } from './webhook-signature';
import {
  CheckedTarget,
  pinnedLookup,
  WebhookTargetRefused,
  WebhookTargets,
} from './webhook-target';

const BATCH = 20;
// Sends in flight in this process, in all and to one webhook: a receiver that hangs holds at
// most PER_WEBHOOK of them (each until its timeout) and the others go on.
const MAX_IN_FLIGHT = 100;
const PER_WEBHOOK = 4;
// A claim outlives the call it covers by this much; a sender that died holding it lets it lapse
// and the delivery is due again (at least once: the receiver may see an id twice).
const LEASE_MARGIN_MS = 60_000;

interface Claimed {
  id: string;
  webhookId: string;
  event: string;
  payload: WebhookDeliveryEntity['payload'];
  attempts: number;
  createdAt: Date;
  url: string;
  secret: string;
  // The claim: next_attempt_at as set by it, so only its holder records the result.
  leaseUntil: Date;
}

// Sends the webhook outbox. Claim (a short transaction: due rows, FOR UPDATE SKIP LOCKED, their
// next attempt pushed to the lease's end, commit), send with no connection or lock held, each
// call with its own timeout, then record each result in its own statement, guarded by the claim.
@Injectable()
export class WebhookSender implements BeforeApplicationShutdown {
  private readonly logger = new Logger(WebhookSender.name);
  private readonly inFlight = new Map<string, { webhookId: string; done: Promise<void> }>();
  private claiming: Promise<number> | null = null;
  private stopping = false;

  constructor(
    private readonly dataSource: DataSource,
    private readonly time: TimeSource,
    private readonly config: AppConfig,
    private readonly targets: WebhookTargets,
  ) {}

  // One poll: claims what is due (as much as this process may have in flight) and starts sending
  // it; resolves once claimed, without waiting for the receivers. Returns how many it claimed.
  deliverDue(): Promise<number> {
    // One claim loop at a time in this process (the in-flight caps are counted before it).
    this.claiming ??= this.claimAndStart().finally(() => (this.claiming = null));
    return this.claiming;
  }

  // At shutdown (before the connections close): claims nothing more, and every call in flight
  // is answered or times out and is recorded.
  async beforeApplicationShutdown(): Promise<void> {
    this.stopping = true;
    await this.claiming?.catch(() => undefined);
    await this.settled();
  }

  private async claimAndStart(): Promise<number> {
    let claimed = 0;
    for (;;) {
      const room = Math.min(BATCH, MAX_IN_FLIGHT - this.inFlight.size);
      if (room <= 0 || this.stopping) return claimed;
      const batch = await this.claim(room);
      for (const delivery of batch) this.start(delivery);
      claimed += batch.length;
      if (batch.length < room) return claimed;
    }
  }

  // Every send started so far has been recorded (or given up by its own timeout).
  async settled(): Promise<void> {
    while (this.inFlight.size > 0) {
      await Promise.all([...this.inFlight.values()].map((s) => s.done));
    }
  }

  // Sends until nothing is due and nothing is in flight (tests, draining).
  async runUntilIdle(): Promise<number> {
    let total = 0;
    for (;;) {
      const claimed = await this.deliverDue();
      total += claimed;
      if (claimed === 0 && this.inFlight.size === 0) return total;
      await this.settled();
    }
  }

  private async claim(limit: number): Promise<Claimed[]> {
    const now = this.time.now();
    const leaseUntil = new Date(
      now.getTime() + this.config.WEBHOOK_TIMEOUT_SECONDS * 1000 + LEASE_MARGIN_MS,
    );
    const perWebhook = new Map<string, number>();
    for (const { webhookId } of this.inFlight.values())
      perWebhook.set(webhookId, (perWebhook.get(webhookId) ?? 0) + 1);
    const busy = [...perWebhook].filter(([, n]) => n >= PER_WEBHOOK).map(([id]) => id);
    // One statement is its own short transaction: the row locks last only while it runs.
    // TypeORM answers an UPDATE ... RETURNING as [rows, count].
    const [rows]: [
      {
        id: string;
        webhook_id: string;
        event: string;
        payload: Claimed['payload'];
        attempts: number;
        created_at: Date;
        url: string;
        secret: string;
      }[],
      number,
    ] = await this.dataSource.query(
      `UPDATE webhook_deliveries d SET next_attempt_at = $2
         FROM department_webhooks hook
        WHERE hook.id = d.webhook_id
          AND d.id IN (SELECT id FROM webhook_deliveries
                        WHERE status = 'PENDING' AND next_attempt_at <= $1
                          AND webhook_id <> ALL($4::uuid[])
                          -- A paused webhook's deliveries wait for it to be resumed.
                          AND webhook_id IN (SELECT id FROM department_webhooks WHERE active)
                        ORDER BY next_attempt_at, id
                        LIMIT $3
                          FOR UPDATE SKIP LOCKED)
       RETURNING d.id, d.webhook_id, d.event, d.payload, d.attempts, d.created_at,
                 hook.url, hook.secret`,
      [now, leaseUntil, limit, busy],
    );
    // Row order is not kept by UPDATE ... RETURNING: oldest first, as claimed.
    return rows
      .map((r) => ({
        id: String(r.id),
        webhookId: r.webhook_id,
        event: r.event,
        payload: r.payload,
        attempts: r.attempts,
        createdAt: r.created_at,
        url: r.url,
        secret: r.secret,
        leaseUntil,
      }))
      .sort((a, b) => Number(BigInt(a.id) - BigInt(b.id)));
  }

  private start(delivery: Claimed): void {
    const done = this.send(delivery)
      .catch((error: Error) =>
        this.logger.error(`webhook delivery ${delivery.id} not recorded: ${error.message}`),
      )
      .finally(() => this.inFlight.delete(delivery.id));
    this.inFlight.set(delivery.id, { webhookId: delivery.webhookId, done });
  }

  private async send(delivery: Claimed): Promise<void> {
    const body = JSON.stringify({
      id: delivery.id,
      event: delivery.event,
      createdAt: delivery.createdAt,
      data: delivery.payload,
    });
    let error: string | null;
    try {
      // Checked again now: the name may resolve elsewhere than when the webhook was made.
      const target = await this.targets.check(new URL(delivery.url));
      error = await post(
        target,
        body,
        {
          'content-type': 'application/json',
          'user-agent': 'Intradesk-Webhooks',
          'x-intradesk-event': delivery.event,
          'x-intradesk-delivery': delivery.id,
          'x-intradesk-signature': signWebhookBody(delivery.secret, body),
        },
        this.config.WEBHOOK_TIMEOUT_SECONDS * 1000,
      );
    } catch (cause) {
      error =
        cause instanceof WebhookTargetRefused
          ? `refused: ${cause.message}`
          : (cause as Error).message;
    }
    await this.record(delivery, error?.slice(0, 500) ?? null);
  }

  private async record(delivery: Claimed, error: string | null): Promise<void> {
    const now = this.time.now();
    const attempts = delivery.attempts + 1;
    const failed = error !== null && attempts >= this.config.WEBHOOK_MAX_ATTEMPTS;
    const result = await this.dataSource
      .createQueryBuilder()
      .update(WebhookDeliveryEntity)
      .set(
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
      )
      // Only while the claim holds: a lapsed claim belongs to whoever took it next.
      .where(`id = :id AND status = 'PENDING' AND next_attempt_at = :lease`, {
        id: delivery.id,
        lease: delivery.leaseUntil,
      })
      .execute();
    if (result.affected === 0) {
      this.logger.warn(`webhook delivery ${delivery.id}: claim lapsed before the result was kept`);
    } else if (failed) {
      this.logger.warn(
        `webhook delivery ${delivery.id} to ${delivery.url} failed for good: ${error}`,
      );
    }
  }
}

// One POST: null when answered 2xx; else why not (a redirect is not followed: it fails).
function post(
  target: CheckedTarget,
  body: string,
  headers: Record<string, string>,
  timeoutMs: number,
): Promise<string | null> {
  const { url, addresses } = target;
  const signal = AbortSignal.timeout(timeoutMs);
  return new Promise((resolve) => {
    const request = (url.protocol === 'https:' ? https : http).request(
      {
        protocol: url.protocol,
        hostname: url.hostname.replace(/^\[|\]$/g, ''),
        port: url.port || undefined,
        path: `${url.pathname}${url.search}`,
        method: 'POST',
        headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) },
        // A connection of its own (no pooled socket from an earlier resolution).
        agent: false,
        ...(addresses ? { lookup: pinnedLookup(addresses) } : {}),
        signal,
      },
      (response) => {
        const status = response.statusCode ?? 0;
        response.destroy();
        if (status >= 200 && status < 300) resolve(null);
        else if (status >= 300 && status < 400)
          resolve(`HTTP ${status} (redirects are not followed)`);
        else resolve(`HTTP ${status}`);
      },
    );
    request.on('error', (error) =>
      resolve(signal.aborted ? `timed out after ${timeoutMs / 1000} s` : error.message),
    );
    request.end(body);
  });
}
