import type { ApolloServerPlugin } from '@apollo/server';
import { unwrapResolverError } from '@apollo/server/errors';
import { isDatabaseUnavailable } from '@intradesk/db';

// An operation that failed because the database is out of reach answers 503 with Retry-After, so
// clients and load balancers retry instead of treating it as a bug.
export function databaseUnavailablePlugin(): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didEncounterErrors({ errors, response }) {
          if (errors.some((error) => isDatabaseUnavailable(unwrapResolverError(error)))) {
            response.http.status = 503;
            response.http.headers.set('retry-after', '5');
          }
        },
      };
    },
  };
}
