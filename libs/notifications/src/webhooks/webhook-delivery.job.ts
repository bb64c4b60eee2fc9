import { Injectable } from '@nestjs/common';
import { AppConfig } from '@intradesk/core';
import { JobQueue } from '@intradesk/db';
import { WebhooksService } from './webhooks.service';

// Sends the webhook outbox: a recurring job of the worker process (and of the API in embedded
// mode). Not exclusive: deliveries are claimed row by row, so a run stuck on a slow receiver does
// not hold up the next one.
@Injectable()
export class WebhookDeliveryJob {
  constructor(
    private readonly webhooks: WebhooksService,
    private readonly config: AppConfig,
    private readonly jobs: JobQueue,
  ) {}

  start(): Promise<void> {
    return this.jobs.schedule({
      name: 'webhook-delivery',
      everySeconds: this.config.WORKER_POLL_SECONDS,
      exclusive: false,
      run: () => this.runUntilIdle(),
    });
  }

  async runUntilIdle(): Promise<number> {
    let total = 0;
    for (
      let sent = await this.webhooks.deliverDue();
      sent > 0;
      sent = await this.webhooks.deliverDue()
    )
      total += sent;
    return total;
  }
}
