import { ErrorReason } from './error-reason';

export { ErrorReason };

// The error codes of the public contract (API.md); INTERNAL_SERVER_ERROR is everything else.
export enum ErrorCode {
  UNAUTHENTICATED = 'UNAUTHENTICATED',
  FORBIDDEN = 'FORBIDDEN',
  NOT_FOUND = 'NOT_FOUND',
  BAD_USER_INPUT = 'BAD_USER_INPUT',
  CONFLICT = 'CONFLICT',
  // Rate limits and sign-in backoff: answered with HTTP 429 and Retry-After.
  TOO_MANY_REQUESTS = 'TOO_MANY_REQUESTS',
}

// Base of every bounded context's exception; the API maps `code` to `extensions.code`.
export class DomainException extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    // Offending input paths, e.g. ["input.timeZone"], for BAD_USER_INPUT.
    readonly fields: string[] = [],
  ) {
    super(message);
    this.name = new.target.name;
  }

  // Seconds until a refused caller may try again (TOO_MANY_REQUESTS only).
  retryAfterSeconds?: number;

  // The business rule that refused (extensions.reason) and its particulars (e.g. `allowed`).
  reason?: ErrorReason;
  details?: Record<string, unknown>;

  because(reason: ErrorReason, details?: Record<string, unknown>): this {
    this.reason = reason;
    this.details = details;
    return this;
  }

  // Read by graphql-js when it wraps this error, and by Apollo for the HTTP status and headers.
  get extensions(): Record<string, unknown> | undefined {
    if (this.code !== ErrorCode.TOO_MANY_REQUESTS) return undefined;
    const headers = new Map([['retry-after', String(this.retryAfterSeconds ?? 1)]]);
    return { code: this.code, http: { status: 429, headers } };
  }

  static tooManyRequests(message: string, retryAfterSeconds: number): DomainException {
    const error = new this(ErrorCode.TOO_MANY_REQUESTS, message);
    error.retryAfterSeconds = Math.max(1, Math.ceil(retryAfterSeconds));
    return error;
  }

  static badInput(message: string, fields: string[] = []): DomainException {
    return new this(ErrorCode.BAD_USER_INPUT, message, fields);
  }

  static notFound(message: string): DomainException {
    return new this(ErrorCode.NOT_FOUND, message);
  }

  static conflict(message: string, fields: string[] = []): DomainException {
    return new this(ErrorCode.CONFLICT, message, fields);
  }

  static forbidden(message = 'You are not allowed to do this'): DomainException {
    return new this(ErrorCode.FORBIDDEN, message);
  }

  static unauthenticated(
    message = 'Sign in first: send Authorization: Bearer <token>',
  ): DomainException {
    return new this(ErrorCode.UNAUTHENTICATED, message);
  }
}
