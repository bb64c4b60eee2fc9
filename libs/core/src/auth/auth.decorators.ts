import { createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import type { GraphqlContext } from '../graphql/request-loaders';
import type { AuthUser } from './auth-user';

export const IS_PUBLIC = 'intradesk:public';
export const ROLES = 'intradesk:roles';

// Open to callers without a token (sign-in only).
export const Public = () => SetMetadata(IS_PUBLIC, true);

// Restricts an operation to these roles; without it any signed-in user may call.
export const Roles = (...roles: AuthUser['role'][]) => SetMetadata(ROLES, roles);

export const CurrentUser = createParamDecorator(
  (_: unknown, context: ExecutionContext): AuthUser =>
    GqlExecutionContext.create(context).getContext<GraphqlContext>().user as AuthUser,
);

export const Loaders = createParamDecorator(
  (_: unknown, context: ExecutionContext) =>
    GqlExecutionContext.create(context).getContext<GraphqlContext>().loaders,
);
