import { EntityManager } from 'typeorm';

// The next number of a supplier's requests. The counter row's lock serialises creations to one
// supplier, and a rolled-back creation rolls its number back too: numbers stay gap-free.
export async function nextRequestSeq(manager: EntityManager, supplierId: string): Promise<number> {
  const [{ last_seq }] = await manager.query(
    `INSERT INTO request_counters (supplier_id, last_seq) VALUES ($1, 1)
     ON CONFLICT (supplier_id) DO UPDATE SET last_seq = request_counters.last_seq + 1
     RETURNING last_seq`,
    [supplierId],
  );
  return last_seq;
}
