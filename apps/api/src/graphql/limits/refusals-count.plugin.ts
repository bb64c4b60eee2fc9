import type { ApolloServerPlugin } from '@apollo/server';
import type { GraphqlContext } from '@intradesk/core';
import { GraphQLError } from 'graphql';
import type { AbuseBlocklist } from './abuse-blocklist';
import { isLimitCode } from './limit-refusal';

// Depth, alias and cost refusals (decided inside Apollo) count against the caller's address.
export function refusalsCountPlugin(blocklist: AbuseBlocklist): ApolloServerPlugin<GraphqlContext> {
  return {
    async requestDidStart() {
      return {
        async didEncounterErrors({ errors, contextValue }) {
          const refused = errors.some((error) =>
            [error, error.originalError].some(
              (e) => e instanceof GraphQLError && isLimitCode(e.extensions?.code),
            ),
          );
          if (refused) await blocklist.recordRefusal(contextValue.clientAddress);
        },
      };
    },
  };
}
