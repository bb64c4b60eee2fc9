import type { ApolloServerPlugin } from '@apollo/server';
import type { GraphqlContext } from '@intradesk/core';
import type { AbuseBlocklist } from './abuse-blocklist';
import { limitCodeOf } from './limit-refusal';

// Depth, alias and cost refusals (decided inside Apollo) count against the caller's address.
export function refusalsCountPlugin(blocklist: AbuseBlocklist): ApolloServerPlugin<GraphqlContext> {
  return {
    async requestDidStart() {
      return {
        async didEncounterErrors({ errors, contextValue }) {
          const refused = errors.some((error) => limitCodeOf(error) !== undefined);
          if (refused) await blocklist.recordRefusal(contextValue.clientAddress);
        },
      };
    },
  };
}
