import type { CombinedError } from 'urql';

// The machine-readable parts of a refusal (extensions.code and extensions.reason), so screens
// can say it in the user's language instead of showing the server's English message.
export interface Refusal {
  code: string;
  reason?: string;
  message: string;
  extensions: Record<string, unknown>;
}

export function refusalOf(error: CombinedError | undefined | null): Refusal | null {
  if (!error) return null;
  const first = error.graphQLErrors[0];
  if (!first) {
    return { code: 'NETWORK', message: error.message, extensions: {} };
  }
  const extensions = (first.extensions ?? {}) as Record<string, unknown>;
  return {
    code: String(extensions.code ?? 'INTERNAL_SERVER_ERROR'),
    reason: typeof extensions.reason === 'string' ? extensions.reason : undefined,
    message: first.message,
    extensions,
  };
}
