import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { InboundOutcome } from './inbound-outcome';

// The counts of inbound_mail_counts: one upsert per outcome.
@Injectable()
export class InboundMailCounter {
  constructor(private readonly dataSource: DataSource) {}

  async add(outcome: InboundOutcome, at: Date): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO inbound_mail_counts (outcome, count, last_at) VALUES ($1, 1, $2)
       ON CONFLICT (outcome) DO UPDATE SET count = inbound_mail_counts.count + 1, last_at = $2`,
      [outcome, at],
    );
  }

  async list(): Promise<{ outcome: string; count: number; lastAt: Date }[]> {
    const rows: { outcome: string; count: string; last_at: Date }[] = await this.dataSource.query(
      'SELECT outcome, count, last_at FROM inbound_mail_counts ORDER BY outcome',
    );
    return rows.map((row) => ({
      outcome: row.outcome,
      count: Number(row.count),
      lastAt: new Date(row.last_at),
    }));
  }

  async all(): Promise<Record<string, number>> {
    const rows: { outcome: string; count: string }[] = await this.dataSource.query(
      'SELECT outcome, count FROM inbound_mail_counts ORDER BY outcome',
    );
    return Object.fromEntries(rows.map((row) => [row.outcome, Number(row.count)]));
  }
}
