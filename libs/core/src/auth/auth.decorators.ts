import { createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import type { GraphqlContext } from '../graphql/request-loaders';
import type { AuthUser } from './auth-user';
import type { Role } from './role.enum';

export const IS_PUBLIC = 'intradesk:public';
export const ROLES = 'intradesk:roles';

// Open to callers without a token (sign-in only).
export const Public = () => SetMetadata(IS_PUBLIC, true);

// Restricts an operation to these roles (a named set from the context's *.policy.ts); without it
// any signed-in user may call.
export const Roles = (...roles: Role[]) => SetMetadata(ROLES, roles);

export const CurrentUser = createParamDecorator(
  (_: unknown, context: ExecutionContext): AuthUser =>
    GqlExecutionContext.create(context).getContext<GraphqlContext>().user as AuthUser,
);

export const Loaders = createParamDecorator(
  (_: unknown, context: ExecutionContext) =>
    GqlExecutionContext.create(context).getContext<GraphqlContext>().loaders,
);
