import { Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { AppConfig } from '@intradesk/core';
import { SurveysService } from './surveys.service';

// Seals survey rounds that closed by reaching their closing time (closeSurveyRound seals in its
// own transaction): their key material and respondent keys are destroyed within one poll of the
// worker. Runs beside the SLA worker; rounds are claimed with SKIP LOCKED, so several processes
// may run it.
@Injectable()
export class SurveySealJob implements OnApplicationShutdown {
  private readonly logger = new Logger(SurveySealJob.name);
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<number> | null = null;

  constructor(
    private readonly surveys: SurveysService,
    private readonly config: AppConfig,
  ) {}

  start(): void {
    if (this.timer) return;
    this.timer = setInterval(() => void this.run(), this.config.WORKER_POLL_SECONDS * 1000);
    void this.run();
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    this.timer = undefined;
    await this.running?.catch(() => undefined);
  }

  // One run at a time per process.
  run(): Promise<number> {
    this.running ??= (async () => {
      try {
        const sealed = await this.surveys.sealClosedRounds();
        if (sealed > 0) this.logger.log(`sealed ${sealed} closed survey round(s)`);
        return sealed;
      } catch (error) {
        this.logger.warn(`survey sealing failed: ${(error as Error).message}`);
        return 0;
      } finally {
        this.running = null;
      }
    })();
    return this.running;
  }
}
