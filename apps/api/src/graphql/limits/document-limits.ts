import { Lexer, Source, TokenKind } from 'graphql';

export interface DocumentLimits {
  maxDocumentBytes: number;
  maxTokens: number;
}

// Counts lexical tokens up to the limit (linear, no parse): a document with thousands of fields
// or aliases is refused before the validation rules, some of which cost more than linear time.
function tooManyTokens(query: string, maxTokens: number): boolean {
  try {
    const lexer = new Lexer(new Source(query));
    for (let count = 0; lexer.advance().kind !== TokenKind.EOF; count++) {
      if (count >= maxTokens) return true;
    }
  } catch {
    // a syntax error: reported later with its position
  }
  return false;
}

// Why a document is too big to parse (over HTTP and WebSocket alike), or null when it is not.
export function oversizedDocument(query: string, limits: DocumentLimits): string | null {
  if (Buffer.byteLength(query) > limits.maxDocumentBytes) {
    return `The GraphQL document is larger than ${limits.maxDocumentBytes} bytes`;
  }
  if (tooManyTokens(query, limits.maxTokens)) {
    return `The GraphQL document has more than ${limits.maxTokens} tokens`;
  }
  return null;
}
