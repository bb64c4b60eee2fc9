import { Column, Entity, PrimaryColumn } from 'typeorm';

// Recent failed sign-ins per account (by normalised email, whether or not the account exists, so
// the backoff reveals nothing); deleted by a successful sign-in.
@Entity({ name: 'sign_in_attempts' })
export class SignInAttemptEntity {
  @PrimaryColumn({ type: 'varchar', length: 320 })
  email: string;

  @Column({ type: 'int' })
  failures: number;

  @Column({ type: 'timestamptz' })
  lastFailureAt: Date;

  // No sign-in for this account is tried before then.
  @Column({ type: 'timestamptz', nullable: true })
  lockedUntil: Date | null;
}
