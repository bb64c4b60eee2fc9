import { Injectable } from '@nestjs/common';
import { AppConfig } from '@intradesk/core';
import { JobQueue } from '@intradesk/db';
import { MailDigest } from './mail-digest';
import { MailSender } from './mail-sender';

// Sends the mail outbox and gathers the daily digests: recurring jobs of the worker (and of the
// API in embedded mode). Delivery is not exclusive (rows are claimed one by one); the digest is.
@Injectable()
export class MailDeliveryJob {
  constructor(
    private readonly sender: MailSender,
    private readonly digest: MailDigest,
    private readonly config: AppConfig,
    private readonly jobs: JobQueue,
  ) {}

  async start(): Promise<void> {
    await this.jobs.schedule({
      name: 'mail-delivery',
      everySeconds: this.config.WORKER_POLL_SECONDS,
      exclusive: false,
      run: () => this.sender.deliverDue(),
    });
    await this.jobs.schedule({
      name: 'mail-digest',
      everySeconds: 60,
      run: async () => {
        const gathered = await this.digest.gather();
        if (gathered > 0) await this.sender.deliverDue();
        return { gathered };
      },
    });
  }

  // Gathers due digests and sends until nothing is due (tests).
  async runUntilIdle(): Promise<number> {
    await this.digest.gather();
    return this.sender.runUntilIdle();
  }
}
