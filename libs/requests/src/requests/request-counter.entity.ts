import { Column, Entity, PrimaryColumn } from 'typeorm';

// The last number given per supplier. Its row lock serialises creations to one supplier, and a
// rolled-back creation rolls its increment back too, so numbers stay gap-free.
@Entity({ name: 'request_counters' })
export class RequestCounterEntity {
  @PrimaryColumn('uuid')
  supplierId: string;

  @Column({ type: 'int' })
  lastSeq: number;
}
