// Synthetic request histories in API.md's import format: every lifecycle path (answered or not,
// waiting on the customer, resolved, reopened, closed, cancelled, still open) with ratings.
export interface HistoryOptions {
  count: number;
  seed: number;
  start: Date;
  // Days over which creation times spread.
  days: number;
  suppliers: string[];
  customers: string[];
  requesterOf: (customerCode: string) => string;
  servicesOf?: (supplierCode: string) => string[];
}

const MINUTE = 60_000;

// A small deterministic generator (mulberry32), so a seed gives the same history everywhere.
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function syntheticHistory(options: HistoryOptions): string[] {
  const random = seededRandom(options.seed);
  const pick = <T>(items: T[]) => items[Math.floor(random() * items.length)];
  const lines: string[] = [];
  for (let i = 0; i < options.count; i++) {
    const supplier = pick(options.suppliers);
    const customer = pick(options.customers.filter((c) => c !== supplier));
    let at = options.start.getTime() + Math.floor(random() * options.days * 1440) * MINUTE;
    const later = (maxMinutes: number) => {
      at += (1 + Math.floor(random() * maxMinutes)) * MINUTE;
      return new Date(at).toISOString();
    };
    const events: Record<string, unknown>[] = [{ at: new Date(at).toISOString(), type: 'CREATED' }];
    const status = (to: string, maxMinutes: number) =>
      events.push({ at: later(maxMinutes), type: 'STATUS', to });
    const path = random();
    if (path < 0.05) {
      status('CANCELLED', 600);
    } else if (path < 0.12) {
      // Never answered: still NEW.
    } else {
      if (random() < 0.7) events.push({ at: later(240), type: 'COMMENT', by: 'SUPPLIER' });
      status('IN_PROGRESS', 300);
      if (random() < 0.3) {
        status('WAITING_ON_CUSTOMER', 900);
        status('IN_PROGRESS', 3000);
      }
      if (random() < 0.8) {
        status('RESOLVED', 4000);
        if (random() < 0.1) {
          status('IN_PROGRESS', 600);
          status('RESOLVED', 2000);
        }
        if (random() < 0.6) {
          events.push({
            at: later(600),
            type: 'RATING',
            score: 1 + Math.floor(random() * 5),
            comment: random() < 0.3 ? 'thanks, "quick", fine' : '',
          });
        }
        if (random() < 0.5) status('CLOSED', 3000);
      }
    }
    const services = options.servicesOf?.(supplier) ?? [];
    lines.push(
      JSON.stringify({
        ref: `SYN-${options.seed}-${i}`,
        supplier,
        customer,
        requester: options.requesterOf(customer),
        service: services.length && random() < 0.7 ? pick(services) : undefined,
        priority: pick(['P1', 'P2', 'P3', 'P3', 'P4']),
        title: `Synthetic request ${i}`,
        events,
      }),
    );
  }
  return lines;
}
