import fc from 'fast-check';
import { randomUUID } from 'node:crypto';
import {
  replyAddress,
  replyTokenOf,
  signReplyToken,
  signUnsubscribeToken,
  verifyReplyToken,
  verifyUnsubscribeToken,
} from './reply-token';

const secret = 'a-test-secret-of-enough-length-123456';

describe('reply tokens', () => {
  it('round-trips every message id, in any case, inside SMTP local-part limits', () => {
    fc.assert(
      fc.property(fc.uuid(), (id) => {
        const token = signReplyToken(secret, id);
        expect(token).toMatch(/^[a-z2-7]{42}$/);
        expect(`reply+${token}`.length).toBeLessThanOrEqual(64);
        expect(verifyReplyToken(secret, token)).toBe(id.toLowerCase());
        expect(verifyReplyToken(secret, token.toUpperCase())).toBe(id.toLowerCase());
      }),
    );
  });

  it('refuses a token under another secret, altered, cut or padded', () => {
    const id = randomUUID();
    const token = signReplyToken(secret, id);
    expect(verifyReplyToken('another-secret-of-enough-length-1234', token)).toBeNull();
    const flipped = token.slice(0, 5) + (token[5] === 'a' ? 'b' : 'a') + token.slice(6);
    expect(verifyReplyToken(secret, flipped)).toBeNull();
    expect(verifyReplyToken(secret, token.slice(0, -1))).toBeNull();
    expect(verifyReplyToken(secret, `${token}a`)).toBeNull();
    expect(verifyReplyToken(secret, 'not base32!')).toBeNull();
    expect(verifyReplyToken(secret, '')).toBeNull();
  });

  it('finds the token only in reply+ addresses of the desk domain', () => {
    const id = randomUUID();
    const address = replyAddress(secret, id, 'desk.example.org');
    expect(replyTokenOf(address, 'DESK.example.org')).toBe(signReplyToken(secret, id));
    expect(replyTokenOf(address, 'other.example.org')).toBeNull();
    expect(replyTokenOf('it@desk.example.org', 'desk.example.org')).toBeNull();
  });
});

describe('unsubscribe tokens', () => {
  const at = new Date('2026-11-30T08:15:42.000Z');

  it('name the person, the kind and the time, in any case, URL-safe', () => {
    fc.assert(
      fc.property(
        fc.uuid(),
        fc.constantFrom('REQUEST_COMMENTED', 'SLA_ESCALATED', 'DIGEST'),
        (id, kind) => {
          const token = signUnsubscribeToken(secret, id, kind, at);
          expect(token).toMatch(/^[a-z2-7]+$/);
          const claim = { userId: id.toLowerCase(), kind, issuedAt: at };
          expect(verifyUnsubscribeToken(secret, token)).toEqual(claim);
          expect(verifyUnsubscribeToken(secret, token.toUpperCase())).toEqual(claim);
        },
      ),
    );
  });

  it('refuse another secret, an altered, cut or padded token, and a reply token', () => {
    const id = randomUUID();
    const token = signUnsubscribeToken(secret, id, 'REQUEST_COMMENTED', at);
    expect(verifyUnsubscribeToken('another-secret-of-enough-length-1234', token)).toBeNull();
    for (const i of [0, 20, 40, token.length - 3]) {
      const flipped = token.slice(0, i) + (token[i] === 'a' ? 'b' : 'a') + token.slice(i + 1);
      expect(verifyUnsubscribeToken(secret, flipped)).toBeNull();
    }
    expect(verifyUnsubscribeToken(secret, token.slice(0, -2))).toBeNull();
    expect(verifyUnsubscribeToken(secret, `${token}aa`)).toBeNull();
    expect(verifyUnsubscribeToken(secret, 'not base32!'.repeat(6))).toBeNull();
    expect(verifyUnsubscribeToken(secret, '')).toBeNull();
    // The same MAC key, another label: a reply token is no unsubscribe token, and back.
    expect(verifyUnsubscribeToken(secret, signReplyToken(secret, id))).toBeNull();
    expect(verifyReplyToken(secret, token)).toBeNull();
  });
});
