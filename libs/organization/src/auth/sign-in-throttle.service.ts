import { Injectable } from '@nestjs/common';
import { TimeSource } from '@intradesk/core';
import { DataSource } from 'typeorm';
import { OrganizationException } from '../organization.exception';
import { backoffSeconds, DEFAULT_SIGN_IN_BACKOFF, SignInBackoffPolicy } from './sign-in-backoff';

interface AttemptRow {
  failures: number;
  last_failure_at: Date;
  locked_until: Date | null;
}

// Per-account sign-in backoff, kept in PostgreSQL so every API process sees the same count.
// An attempt is counted before the password is checked (a burst of parallel guesses cannot slip
// past the lock) and forgotten when the sign-in succeeds.
@Injectable()
export class SignInThrottle {
  policy: SignInBackoffPolicy = DEFAULT_SIGN_IN_BACKOFF;

  constructor(
    private readonly dataSource: DataSource,
    private readonly time: TimeSource,
  ) {}

  async countAttempt(email: string): Promise<void> {
    const now = this.time.now();
    await this.dataSource.transaction(async (manager) => {
      await manager.query(
        `INSERT INTO sign_in_attempts (email, failures, last_failure_at) VALUES ($1, 0, $2)
         ON CONFLICT (email) DO NOTHING`,
        [email, now],
      );
      const [row]: AttemptRow[] = await manager.query(
        'SELECT failures, last_failure_at, locked_until FROM sign_in_attempts WHERE email = $1 FOR UPDATE',
        [email],
      );
      if (row.locked_until && row.locked_until > now) {
        const seconds = (row.locked_until.getTime() - now.getTime()) / 1000;
        throw OrganizationException.tooManyRequests(
          `Too many failed sign-ins for this account; try again in ${Math.ceil(seconds)} s`,
          seconds,
        );
      }
      const forgotten =
        now.getTime() - row.last_failure_at.getTime() > this.policy.forgetAfterSeconds * 1000;
      const failures = (forgotten ? 0 : row.failures) + 1;
      const wait = backoffSeconds(failures, this.policy);
      await manager.query(
        `UPDATE sign_in_attempts SET failures = $2, last_failure_at = $3, locked_until = $4
         WHERE email = $1`,
        [email, failures, now, wait > 0 ? new Date(now.getTime() + wait * 1000) : null],
      );
    });
    // Now and then, forget accounts whose failures are old (guesses at made-up emails included).
    if (Math.random() < 0.01) {
      await this.dataSource.query(
        `DELETE FROM sign_in_attempts
          WHERE last_failure_at < $1 AND (locked_until IS NULL OR locked_until < $2)`,
        [new Date(now.getTime() - this.policy.forgetAfterSeconds * 1000), now],
      );
    }
  }

  async succeeded(email: string): Promise<void> {
    await this.dataSource.query('DELETE FROM sign_in_attempts WHERE email = $1', [email]);
  }
}
