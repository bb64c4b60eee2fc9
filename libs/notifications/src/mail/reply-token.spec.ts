import fc from 'fast-check';
import { randomUUID } from 'node:crypto';
import { replyAddress, replyTokenOf, signReplyToken, verifyReplyToken } from './reply-token';

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
