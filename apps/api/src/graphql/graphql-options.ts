import type { IncomingMessage } from 'node:http';
import type { Response } from 'express';
import { ApolloDriverConfig } from '@nestjs/apollo';
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginLandingPageDisabled,
} from '@apollo/server/plugin/disabled';
import { ApolloServerPluginDisableSuggestions } from '@apollo/server/plugin/disableSuggestions';
import { AppConfig } from '@intradesk/core';
import { AuthService } from '@intradesk/organization';
import type { Logger } from 'pino';
import { createErrorFormatter } from './format-error';
import { databaseUnavailablePlugin } from './database-unavailable.plugin';
import {
  authenticateSocket,
  buildGraphqlContext,
  SocketExtra,
  socketContext,
} from './graphql-context';
import { limitValidationRules, OperationLimits, queryCostPlugin } from './limits/operation-limits';
import { AbuseBlocklist } from './limits/abuse-blocklist';
import { subscriptionLimits } from './limits/subscription-limits';
import { refusalsCountPlugin } from './limits/refusals-count.plugin';

export function operationLimits(config: AppConfig): OperationLimits {
  return {
    maxDepth: config.GRAPHQL_MAX_DEPTH,
    maxAliases: config.GRAPHQL_MAX_ALIASES,
    maxCost: config.GRAPHQL_MAX_COST,
    assumedListSize: 10,
  };
}

export function graphqlOptions(
  config: AppConfig,
  auth: AuthService,
  blocklist: AbuseBlocklist,
  logger: Logger,
): ApolloDriverConfig {
  return {
    path: '/graphql',
    autoSchemaFile: true,
    sortSchema: true,
    playground: false,
    introspection: !config.isProduction,
    // Explicit although they are Apollo's defaults: a GET or simple POST without a JSON content
    // type or an Apollo-Require-Preflight header is refused, and so is an array of operations.
    csrfPrevention: true,
    allowBatchedHttpRequests: false,
    validationRules: limitValidationRules(operationLimits(config)),
    // Errors that carry an HTTP status (TOO_MANY_REQUESTS: 429 and Retry-After) keep it; others
    // have none and answer 200 as before.
    preserveHttpStatusForExecutionErrors: false,
    // Not even in development: the stack is in the log, never in an answer.
    includeStacktraceInErrorResponses: false,
    // The cast bridges the CJS and ESM typings of @apollo/server. Cache control is off: every
    // response is for one signed-in user (nothing to cache in HTTP), and the plugin wraps every
    // field resolver to compute hints nobody reads.
    plugins: [
      ApolloServerPluginCacheControlDisabled(),
      queryCostPlugin(operationLimits(config)),
      refusalsCountPlugin(blocklist),
      databaseUnavailablePlugin(),
      // The web app is at /; Apollo's Sandbox page needs its CDN, so there is none.
      ApolloServerPluginLandingPageDisabled(),
      // "Did you mean …?" would describe the schema to a caller who cannot introspect it.
      ...(config.isProduction ? [ApolloServerPluginDisableSuggestions()] : []),
    ] as ApolloDriverConfig['plugins'],
    subscriptions: {
      'graphql-ws': {
        path: '/graphql',
        ...subscriptionLimits({
          ...operationLimits(config),
          maxDocumentBytes: config.GRAPHQL_MAX_DOCUMENT_BYTES,
          maxTokens: config.GRAPHQL_MAX_TOKENS,
        }),
        onConnect: (ctx: { connectionParams?: Record<string, unknown>; extra: unknown }) =>
          authenticateSocket(ctx.connectionParams, ctx.extra as SocketExtra, auth),
      },
    },
    // HTTP requests carry `req`; graphql-ws operations carry the socket's `extra`.
    context: (arg: {
      req?: IncomingMessage;
      res?: Response;
      extra?: SocketExtra & { socket?: unknown };
    }) =>
      arg.extra?.socket
        ? socketContext(arg.extra)
        : buildGraphqlContext(arg.req!, arg.res, auth, { alwaysSecure: config.isProduction }),
    formatError: createErrorFormatter({ production: config.isProduction, logger }),
  };
}
