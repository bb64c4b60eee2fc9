import { createHmac, timingSafeEqual } from 'node:crypto';

// "sha256=<hex>" of the exact request body, as GitHub and Stripe-style receivers expect.
export function signWebhookBody(secret: string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
}

export function verifyWebhookSignature(secret: string, body: string, header: string): boolean {
  const expected = Buffer.from(signWebhookBody(secret, body));
  const given = Buffer.from(header);
  return expected.length === given.length && timingSafeEqual(expected, given);
}

// Waits before attempt n+1: 30 s, 1 min, 2 min, ... capped at an hour.
export function retryDelayMs(attempts: number): number {
  return Math.min(30_000 * 2 ** Math.max(0, attempts - 1), 3_600_000);
}
