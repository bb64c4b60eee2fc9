import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import type { ApolloServerPlugin } from '@apollo/server';
import { DEFAULT_PAGE_SIZE } from '@intradesk/core';
import {
  getNamedType,
  getNullableType,
  GraphQLError,
  GraphQLList,
  isLeafType,
  ValidationContext,
  ValidationRule,
} from 'graphql';
import { getVariableValues } from 'graphql/execution/values';
import { ComplexityEstimator, getComplexity } from 'graphql-query-complexity';
import { limitRefusal, LimitCode } from './limit-refusal';

export interface OperationLimits {
  maxDepth: number;
  maxAliases: number;
  maxCost: number;
  // A list without `first` (a department's members, a request's clocks) is costed at this size.
  assumedListSize: number;
}

function reportAs(code: LimitCode) {
  // graphql-armor prefixes its messages with "Syntax Error:", which they are not.
  return (context: ValidationContext | null, error: GraphQLError) =>
    context?.reportError(limitRefusal(code, error.message.replace(/^Syntax Error: /, '')));
}

// Depth and aliases are checked while Apollo validates the document, before anything runs.
export function limitValidationRules(limits: OperationLimits): ValidationRule[] {
  return [
    maxDepthRule({
      n: limits.maxDepth,
      // Introspection counts like any other query (it is off in production anyway).
      ignoreIntrospection: false,
      propagateOnRejection: false,
      onReject: [reportAs('QUERY_TOO_DEEP')],
    }),
    maxAliasesRule({
      n: limits.maxAliases,
      propagateOnRejection: false,
      onReject: [reportAs('TOO_MANY_ALIASES')],
    }),
  ];
}

// A field costs 1 plus its selection, multiplied by the rows it can return: `first` for a
// connection (its default page when absent), the assumed size for any other list.
export function costEstimator(assumedListSize: number): ComplexityEstimator {
  return ({ type: parent, field, args, childComplexity }) => {
    // A connection's edges are the page its `first` already counted.
    if (parent.name.endsWith('Connection')) return 1 + childComplexity;
    if (field.args.some((arg) => arg.name === 'first')) {
      const first = typeof args.first === 'number' ? args.first : DEFAULT_PAGE_SIZE;
      return 1 + childComplexity * Math.max(1, first);
    }
    const type = getNullableType(field.type);
    if (type instanceof GraphQLList && !isLeafType(getNamedType(type))) {
      return 1 + childComplexity * assumedListSize;
    }
    return 1 + childComplexity;
  };
}

// The cost needs the operation's variables (`first: $first`), so it is checked once the
// operation is resolved, still before any resolver or database work.
export function queryCostPlugin(limits: OperationLimits): ApolloServerPlugin {
  const estimators = [costEstimator(limits.assumedListSize)];
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document, schema, operation }) {
          // Variables that do not fit their types are reported by execution, before any resolver.
          const variables = getVariableValues(
            schema,
            operation?.variableDefinitions ?? [],
            request.variables ?? {},
            { maxErrors: 1 },
          );
          if (variables.errors) return;
          let cost: number;
          try {
            cost = getComplexity({
              schema,
              query: document,
              variables: request.variables ?? {},
              operationName: request.operationName ?? undefined,
              estimators,
            });
          } catch (error) {
            throw limitRefusal('QUERY_TOO_COMPLEX', (error as Error).message);
          }
          if (cost > limits.maxCost) {
            throw limitRefusal(
              'QUERY_TOO_COMPLEX',
              `Query cost ${cost} exceeds the limit of ${limits.maxCost}; ask for fewer rows (first) or fewer nested lists`,
            );
          }
        },
      };
    },
  };
}
