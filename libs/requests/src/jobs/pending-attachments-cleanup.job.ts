import { Injectable, Logger } from '@nestjs/common';
import { AppConfig, TimeSource } from '@intradesk/core';
import { JobQueue } from '@intradesk/db';
import { AttachmentsService } from '../attachments/attachments.service';

// How often the cleanup runs; a file is deleted at most this long after it is due.
const CLEANUP_EVERY_SECONDS = 15 * 60;

// Deletes uploads never sent (pending: for a comment never written, or for a request never
// filed) once ATTACHMENT_PENDING_HOURS old, with their bytes: a recurring job of the worker,
// as auto-close. "Now" is the injectable clock's, so tests move time instead of waiting.
@Injectable()
export class PendingAttachmentsCleanupJob {
  private readonly logger = new Logger(PendingAttachmentsCleanupJob.name);

  constructor(
    private readonly attachments: AttachmentsService,
    private readonly config: AppConfig,
    private readonly time: TimeSource,
    private readonly jobs: JobQueue,
  ) {}

  async start(): Promise<void> {
    await this.jobs.schedule({
      name: 'pending-attachments-cleanup',
      everySeconds: CLEANUP_EVERY_SECONDS,
      run: () => this.run(),
    });
  }

  async run(): Promise<number> {
    const before = new Date(
      this.time.now().getTime() - this.config.ATTACHMENT_PENDING_HOURS * 3_600_000,
    );
    const deleted = await this.attachments.deleteStalePending(before);
    if (deleted > 0) this.logger.log(`deleted ${deleted} upload(s) never sent`);
    return deleted;
  }
}
