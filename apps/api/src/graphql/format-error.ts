import { HttpException } from '@nestjs/common';
import { unwrapResolverError } from '@apollo/server/errors';
import { DomainException, ErrorCode, ErrorReason } from '@intradesk/core';
import type { GraphQLFormattedError } from 'graphql';
import { limitCodeOf } from './limits/limit-refusal';
import { isDatabaseUnavailable } from '@intradesk/db';
import type { Logger } from 'pino';

const UNIQUE_VIOLATION = '23505';

// Codes Apollo and graphql-js give to malformed operations; they pass through unchanged.
const PROTOCOL_CODES = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
  'BAD_REQUEST',
]);

function codeOf(code: ErrorCode): ErrorCode {
  switch (code) {
    case ErrorCode.UNAUTHENTICATED:
    case ErrorCode.FORBIDDEN:
    case ErrorCode.NOT_FOUND:
    case ErrorCode.BAD_USER_INPUT:
    case ErrorCode.CONFLICT:
    case ErrorCode.TOO_MANY_REQUESTS:
      return code;
    default: {
      const unknown: never = code;
      throw new Error(`unmapped error code ${String(unknown)}`);
    }
  }
}

const HTTP_STATUS_CODES: Record<number, ErrorCode> = {
  400: ErrorCode.BAD_USER_INPUT,
  401: ErrorCode.UNAUTHENTICATED,
  403: ErrorCode.FORBIDDEN,
  404: ErrorCode.NOT_FOUND,
  409: ErrorCode.CONFLICT,
};

// Every error leaves with extensions.code and never a stack trace (in any mode: `npm start`
// serves people too); an unexpected error's own message (maybe SQL) only outside production.
export function createErrorFormatter(options: { production: boolean; logger: Logger }) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = unwrapResolverError(error);
    const base = {
      message: formatted.message,
      locations: formatted.locations,
      path: formatted.path,
    };
    const limitCode = limitCodeOf(error);
    if (limitCode) return { ...base, extensions: { code: limitCode } };

    if (original instanceof DomainException) {
      const extensions: Record<string, unknown> = { code: codeOf(original.code) };
      if (original.reason) Object.assign(extensions, { reason: original.reason }, original.details);
      if (original.fields.length > 0) extensions.fields = original.fields;
      if (original.retryAfterSeconds !== undefined)
        extensions.retryAfterSeconds = original.retryAfterSeconds;
      return { ...base, message: original.message, extensions };
    }
    if (original instanceof HttpException && HTTP_STATUS_CODES[original.getStatus()]) {
      return {
        ...base,
        message: original.message,
        extensions: { code: HTTP_STATUS_CODES[original.getStatus()] },
      };
    }
    if ((original as { code?: string } | undefined)?.code === UNIQUE_VIOLATION) {
      return {
        ...base,
        message: 'This conflicts with an existing record',
        extensions: { code: ErrorCode.CONFLICT, reason: ErrorReason.DUPLICATE },
      };
    }
    const code = formatted.extensions?.code;
    if (typeof code === 'string' && PROTOCOL_CODES.has(code)) {
      return { ...base, extensions: { code } };
    }

    if (isDatabaseUnavailable(original)) {
      options.logger.warn({ err: original, path: formatted.path }, 'database unavailable');
      return {
        ...base,
        message: 'The database is unavailable; try again shortly',
        extensions: { code: 'SERVICE_UNAVAILABLE' },
      };
    }
    options.logger.error(
      { err: original, path: formatted.path },
      'unexpected error in GraphQL operation',
    );
    return {
      ...base,
      message: options.production ? 'Internal server error' : formatted.message,
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    };
  };
}
