// A fresh idempotency key for createRequest. crypto.randomUUID exists only in secure contexts
// (HTTPS or localhost); an intranet served over plain HTTP still gets 122 random bits.
export function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6] & 0x0f) | 0x40;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

// Keeps one key per payload: a retry of the same form (after a lost answer) reuses it, so the
// server returns the request it may already have created; a changed form is a new request.
export class IdempotencyKeys {
  private payload: string | null = null;
  private key = '';

  for(payload: unknown): string {
    const text = JSON.stringify(payload);
    if (text !== this.payload) {
      this.payload = text;
      this.key = newIdempotencyKey();
    }
    return this.key;
  }
}
