import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { WeeklyHours } from '../calendar/business-calendar';

@Entity({ name: 'business_calendars' })
// At most one organisation default.
@Index('uq_business_calendars_default', ['isDefault'], { unique: true, where: 'is_default' })
export class BusinessCalendarEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index('uq_business_calendars_name', { unique: true })
  @Column({ type: 'varchar', length: 120 })
  name: string;

  @Column({ type: 'varchar', length: 64 })
  timeZone: string;

  @Column({ type: 'jsonb' })
  weeklyHours: WeeklyHours[];

  // Local dates YYYY-MM-DD, sorted.
  @Column({ type: 'jsonb', default: () => `'[]'` })
  holidays: string[];

  @Column({ type: 'boolean', default: false })
  isDefault: boolean;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  createdAt: Date;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  updatedAt: Date;

  @Column({ type: 'int', default: 1 })
  version: number;
}
