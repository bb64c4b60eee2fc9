import { Injectable, Logger } from '@nestjs/common';
import { AppConfig } from '@intradesk/core';
import { JobQueue } from '@intradesk/db';
import { RequestsService } from '../requests/requests.service';

// Closes resolved requests once REQUEST_AUTO_CLOSE_HOURS have passed: a recurring job of the
// worker (the close is one atomic statement, so each request closes exactly once anyway).
@Injectable()
export class AutoCloseJob {
  private readonly logger = new Logger(AutoCloseJob.name);

  constructor(
    private readonly requests: RequestsService,
    private readonly config: AppConfig,
    private readonly jobs: JobQueue,
  ) {}

  // Every AUTO_CLOSE_INTERVAL_SECONDS (0: never).
  async start(): Promise<void> {
    const seconds = this.config.AUTO_CLOSE_INTERVAL_SECONDS;
    if (seconds === 0) return;
    await this.jobs.schedule({ name: 'auto-close', everySeconds: seconds, run: () => this.run() });
  }

  async run(): Promise<number> {
    const closed = await this.requests.closeResolvedRequests();
    if (closed > 0) this.logger.log(`closed ${closed} resolved request(s)`);
    return closed;
  }
}
