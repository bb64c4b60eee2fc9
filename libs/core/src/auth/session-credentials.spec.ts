import { secondsUntilExpiry, sessionCredential, SESSION_COOKIE } from './session-credentials';

describe('sessionCredential', () => {
  it('takes the bearer header first', () => {
    expect(
      sessionCredential({ authorization: 'Bearer abc', cookie: `${SESSION_COOKIE}=xyz` }),
    ).toEqual({ token: 'abc' });
  });

  it('refuses a malformed header instead of falling back to the cookie', () => {
    expect(
      sessionCredential({ authorization: 'Basic abc', cookie: `${SESSION_COOKIE}=xyz` }),
    ).toEqual({ error: expect.stringContaining('Bearer') });
  });

  it('reads the session cookie among others', () => {
    expect(sessionCredential({ cookie: `theme=dark; ${SESSION_COOKIE}=xyz; other=1` })).toEqual({
      token: 'xyz',
    });
  });

  it('is null without either', () => {
    expect(sessionCredential({})).toBeNull();
    expect(sessionCredential({ cookie: 'theme=dark' })).toBeNull();
  });
});

describe('secondsUntilExpiry', () => {
  const token = (payload: object) =>
    `x.${Buffer.from(JSON.stringify(payload)).toString('base64url')}.y`;

  it('counts down to exp', () => {
    expect(secondsUntilExpiry(token({ exp: 1_000 }), 400_000)).toBe(600);
  });

  it('is undefined for a token without exp or unreadable', () => {
    expect(secondsUntilExpiry(token({}), 0)).toBeUndefined();
    expect(secondsUntilExpiry('garbage', 0)).toBeUndefined();
  });
});
