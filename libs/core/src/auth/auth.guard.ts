import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { GqlExecutionContext } from '@nestjs/graphql';
import { DomainException } from '../errors/domain.exception';
import { GraphqlContext, resolveCaller } from '../graphql/request-loaders';
import type { Role } from './role.enum';
import { IS_PUBLIC, ROLES } from './auth.decorators';
import { holdsOneOf } from './roles.policy';

// Every GraphQL operation needs a signed-in caller unless marked @Public().
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType<string>() !== 'graphql') return true;
    const ctx = GqlExecutionContext.create(context).getContext<GraphqlContext>();
    await resolveCaller(ctx);
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;
    if (!ctx.user) throw DomainException.unauthenticated(ctx.authError);
    const roles = this.reflector.getAllAndOverride<readonly Role[] | undefined>(ROLES, targets);
    if (roles && !holdsOneOf(ctx.user, roles)) {
      throw DomainException.forbidden(`Only ${roles.join(' or ')} may do this`);
    }
    return true;
  }
}
