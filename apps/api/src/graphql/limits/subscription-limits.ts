import { getComplexity } from 'graphql-query-complexity';
import { DocumentNode, GraphQLError, GraphQLSchema, specifiedRules, validate } from 'graphql';
import { tooManyTokens } from './graphql-http-limits';
import { LimitCode, limitRefusal } from './limit-refusal';
import { costEstimator, limitValidationRules, OperationLimits } from './operation-limits';

export interface SubscriptionLimits extends OperationLimits {
  maxDocumentBytes: number;
  maxTokens: number;
}

// WebSocket clients get the code without Apollo's HTTP hints.
function overSocket(error: GraphQLError): GraphQLError {
  const { http: _http, ...extensions } = error.extensions ?? {};
  return new GraphQLError(error.message, { nodes: error.nodes, extensions });
}

const socketRefusal = (code: LimitCode, message: string) => overSocket(limitRefusal(code, message));

// The same limits for operations arriving over graphql-ws, which bypasses Apollo's pipeline:
// size and tokens before parsing, then depth, aliases and cost with the validation.
export function subscriptionLimits(limits: SubscriptionLimits) {
  const estimators = [costEstimator(limits.assumedListSize)];
  // Without variables (they are checked when the subscription starts); 0 when it needs them.
  const costOf = (schema: GraphQLSchema, document: DocumentNode): number => {
    try {
      return getComplexity({ schema, query: document, variables: {}, estimators });
    } catch {
      return 0;
    }
  };
  return {
    onSubscribe: (_ctx: unknown, _id: string, payload: { query: string }) => {
      const query = payload.query ?? '';
      if (Buffer.byteLength(query) > limits.maxDocumentBytes) {
        return [
          socketRefusal(
            'DOCUMENT_TOO_LARGE',
            `The GraphQL document is larger than ${limits.maxDocumentBytes} bytes`,
          ),
        ];
      }
      if (tooManyTokens(query, limits.maxTokens)) {
        return [
          socketRefusal(
            'DOCUMENT_TOO_LARGE',
            `The GraphQL document has more than ${limits.maxTokens} tokens`,
          ),
        ];
      }
      return undefined;
    },
    validate: (schema: GraphQLSchema, document: DocumentNode): GraphQLError[] => {
      const errors = validate(schema, document, [
        ...specifiedRules,
        ...limitValidationRules(limits),
      ]);
      if (errors.length > 0) return errors.map(overSocket);
      const cost = costOf(schema, document);
      return cost > limits.maxCost
        ? [
            socketRefusal(
              'QUERY_TOO_COMPLEX',
              `Query cost ${cost} exceeds the limit of ${limits.maxCost}`,
            ),
          ]
        : [];
    },
  };
}
