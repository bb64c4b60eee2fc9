import { getComplexity } from 'graphql-query-complexity';
import { DocumentNode, GraphQLError, GraphQLSchema, specifiedRules, validate } from 'graphql';
import { DocumentLimits, oversizedDocument } from './document-limits';
import { LimitCode, limitRefusal } from './limit-refusal';
import { costEstimator, limitValidationRules, OperationLimits } from './operation-limits';

export type SubscriptionLimits = OperationLimits & DocumentLimits;

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
      const oversized = oversizedDocument(payload.query ?? '', limits);
      if (oversized) return [socketRefusal('DOCUMENT_TOO_LARGE', oversized)];
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
