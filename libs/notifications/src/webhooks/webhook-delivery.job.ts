import { Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { AppConfig } from '@intradesk/core';
import { WebhooksService } from './webhooks.service';

// Sends the webhook outbox: started by the worker process (and the API in embedded mode).
@Injectable()
export class WebhookDeliveryJob implements OnApplicationShutdown {
  private readonly logger = new Logger(WebhookDeliveryJob.name);
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<number> | null = null;

  constructor(
    private readonly webhooks: WebhooksService,
    private readonly config: AppConfig,
  ) {}

  start(): void {
    this.timer ??= setInterval(
      () => void this.runUntilIdle(),
      this.config.WORKER_POLL_SECONDS * 1000,
    );
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.running?.catch(() => undefined);
  }

  runUntilIdle(): Promise<number> {
    this.running ??= (async () => {
      let total = 0;
      try {
        for (
          let sent = await this.webhooks.deliverDue();
          sent > 0;
          sent = await this.webhooks.deliverDue()
        )
          total += sent;
        return total;
      } catch (error) {
        this.logger.error(`webhook delivery failed: ${(error as Error).message}`);
        return total;
      } finally {
        this.running = null;
      }
    })();
    return this.running;
  }
}
