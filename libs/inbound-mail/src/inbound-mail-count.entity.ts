import { Column, Entity, PrimaryColumn } from 'typeorm';

// How many incoming messages (or recipients of one) ended how: accepted (COMMENTED, FILED,
// DUPLICATE) or refused and dropped, by reason (see InboundOutcome). One row per outcome, so
// a flood of spam grows no table.
@Entity({ name: 'inbound_mail_counts' })
export class InboundMailCountEntity {
  @PrimaryColumn({ type: 'varchar', length: 32 })
  outcome: string;

  @Column({ type: 'bigint', default: 0 })
  count: string;

  @Column({ type: 'timestamptz' })
  lastAt: Date;
}
