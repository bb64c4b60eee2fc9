import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { AppConfig } from '@intradesk/core';
import { RequestsService } from '../requests/requests.service';

// Closes resolved requests once REQUEST_AUTO_CLOSE_HOURS have passed. Every API process may
// run it: the close is one atomic statement, so each request closes exactly once.
@Injectable()
export class AutoCloseJob implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(AutoCloseJob.name);
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly requests: RequestsService,
    private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    const seconds = this.config.AUTO_CLOSE_INTERVAL_SECONDS;
    if (seconds === 0) return;
    this.timer = setInterval(() => void this.run(), seconds * 1000);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
  }

  async run(): Promise<number> {
    try {
      const closed = await this.requests.closeResolvedRequests();
      if (closed > 0) this.logger.log(`closed ${closed} resolved request(s)`);
      return closed;
    } catch (error) {
      this.logger.warn(`auto-close failed: ${(error as Error).message}`);
      return 0;
    }
  }
}
