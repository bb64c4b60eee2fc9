import { GraphQLError } from 'graphql';

// Refusals of the abuse limits: each a 4xx with its own code, decided before any resolver runs.
export const LIMIT_STATUS = {
  QUERY_TOO_DEEP: 400,
  TOO_MANY_ALIASES: 400,
  QUERY_TOO_COMPLEX: 400,
  DOCUMENT_TOO_LARGE: 413,
  PAYLOAD_TOO_LARGE: 413,
  BATCHING_NOT_SUPPORTED: 400,
  BAD_REQUEST: 400,
} as const;

export type LimitCode = keyof typeof LIMIT_STATUS;

export function isLimitCode(code: unknown): code is LimitCode {
  return typeof code === 'string' && code in LIMIT_STATUS;
}

// A refusal by the query limits: its own code, whether Apollo wrapped it as a validation error.
export function limitCodeOf(error: unknown): LimitCode | undefined {
  if (!(error instanceof GraphQLError)) return undefined;
  for (const candidate of [error, error.originalError]) {
    const code = (candidate as GraphQLError | undefined)?.extensions?.code;
    if (isLimitCode(code)) return code;
  }
  return undefined;
}

export function limitRefusal(code: LimitCode, message: string): GraphQLError {
  return new GraphQLError(message, {
    extensions: { code, http: { status: LIMIT_STATUS[code] } },
  });
}

// The same refusal as a whole HTTP response, for checks made before Apollo sees the request.
export function limitRefusalBody(code: LimitCode | 'TOO_MANY_REQUESTS', message: string) {
  return { errors: [{ message, extensions: { code } }] };
}
