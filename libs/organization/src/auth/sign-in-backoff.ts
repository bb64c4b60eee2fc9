// Sign-in brute-force protection per account: a few free failures, then an exponential wait.
export interface SignInBackoffPolicy {
  // Failures allowed before any wait.
  freeFailures: number;
  // The first wait; each further failure doubles it, up to maxWaitSeconds.
  firstWaitSeconds: number;
  maxWaitSeconds: number;
  // Failures older than this are forgotten.
  forgetAfterSeconds: number;
}

export const DEFAULT_SIGN_IN_BACKOFF: SignInBackoffPolicy = {
  freeFailures: 5,
  firstWaitSeconds: 30,
  maxWaitSeconds: 15 * 60,
  forgetAfterSeconds: 60 * 60,
};

// Seconds to wait after this many consecutive failures.
export function backoffSeconds(failures: number, policy: SignInBackoffPolicy): number {
  if (failures < policy.freeFailures) return 0;
  const doublings = Math.min(failures - policy.freeFailures, 30);
  return Math.min(policy.firstWaitSeconds * 2 ** doublings, policy.maxWaitSeconds);
}
