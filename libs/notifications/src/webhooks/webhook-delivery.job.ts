import { Injectable } from '@nestjs/common';
import { AppConfig } from '@intradesk/core';
import { JobQueue } from '@intradesk/db';
import { WebhookSender } from './webhook-sender';

// Sends the webhook outbox: a recurring job of the worker process (and of the API in embedded
// mode). Not exclusive: deliveries are claimed row by row. A run claims what is due, starts the
// calls and ends (the sender finishes them), so a hanging receiver holds up no later run.
@Injectable()
export class WebhookDeliveryJob {
  constructor(
    private readonly sender: WebhookSender,
    private readonly config: AppConfig,
    private readonly jobs: JobQueue,
  ) {}

  start(): Promise<void> {
    return this.jobs.schedule({
      name: 'webhook-delivery',
      everySeconds: this.config.WORKER_POLL_SECONDS,
      exclusive: false,
      run: () => this.sender.deliverDue(),
    });
  }

  // Sends until nothing is due and nothing is in flight (tests).
  runUntilIdle(): Promise<number> {
    return this.sender.runUntilIdle();
  }
}
