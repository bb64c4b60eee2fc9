import { backoffSeconds, DEFAULT_SIGN_IN_BACKOFF as policy } from './sign-in-backoff';

describe('sign-in backoff', () => {
  it('allows the free failures, then doubles the wait up to the cap', () => {
    expect([1, 2, 3, 4].map((n) => backoffSeconds(n, policy))).toEqual([0, 0, 0, 0]);
    expect([5, 6, 7, 8].map((n) => backoffSeconds(n, policy))).toEqual([30, 60, 120, 240]);
    expect(backoffSeconds(9, policy)).toBe(480);
    expect(backoffSeconds(10, policy)).toBe(900);
    expect(backoffSeconds(10_000, policy)).toBe(900);
  });
});
