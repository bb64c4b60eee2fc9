import { Injectable, Logger } from '@nestjs/common';
import { AppConfig } from '@intradesk/core';
import { JobQueue } from '@intradesk/db';
import { SurveysService } from './surveys.service';

// Seals survey rounds that closed by reaching their closing time (closeSurveyRound seals in its
// own transaction): their key material and respondent keys are destroyed within one poll of the
// worker. A recurring job beside the SLA worker; rounds are claimed with SKIP LOCKED.
@Injectable()
export class SurveySealJob {
  private readonly logger = new Logger(SurveySealJob.name);

  constructor(
    private readonly surveys: SurveysService,
    private readonly config: AppConfig,
    private readonly jobs: JobQueue,
  ) {}

  start(): Promise<void> {
    return this.jobs.schedule({
      name: 'survey-seal',
      everySeconds: this.config.WORKER_POLL_SECONDS,
      run: () => this.run(),
    });
  }

  async run(): Promise<number> {
    const sealed = await this.surveys.sealClosedRounds();
    if (sealed > 0) this.logger.log(`sealed ${sealed} closed survey round(s)`);
    return sealed;
  }
}
