// Errors that mean "the database cannot be reached right now" rather than "this statement is
// wrong": refused connections, a server shutting down or starting up, a dropped connection, a
// full pool that timed out. Callers answer them with a retryable 503, not an internal error.
const CONNECTION_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'ENOTFOUND',
  'EAI_AGAIN',
  '57P01', // admin_shutdown
  '57P02', // crash_shutdown
  '57P03', // cannot_connect_now (starting up, recovering)
  '08000',
  '08001',
  '08003',
  '08004',
  '08006',
]);

const CONNECTION_MESSAGES = [
  'Connection terminated',
  'timeout exceeded when trying to connect',
  'Client has encountered a connection error',
  'Connection ended unexpectedly',
  'the database system is',
  // A pool connect error thrown as a plain object reaches GraphQL only as this text.
  'ECONNREFUSED',
  'ECONNRESET',
];

export function isDatabaseUnavailable(error: unknown): boolean {
  for (let current = error, depth = 0; current && depth < 5; depth++) {
    const candidate = current as {
      code?: unknown;
      message?: unknown;
      driverError?: unknown;
      cause?: unknown;
    };
    if (typeof candidate.code === 'string' && CONNECTION_CODES.has(candidate.code)) return true;
    if (
      typeof candidate.message === 'string' &&
      CONNECTION_MESSAGES.some((m) => (candidate.message as string).includes(m))
    ) {
      return true;
    }
    if (current instanceof AggregateError && current.errors.some(isDatabaseUnavailable))
      return true;
    current = candidate.driverError ?? candidate.cause;
  }
  return false;
}
