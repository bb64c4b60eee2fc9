import { INestApplication } from '@nestjs/common';
import { ModulesContainer } from '@nestjs/core';
import { IS_PUBLIC, ROLES } from '@intradesk/core';

export type RootKind = 'Query' | 'Mutation' | 'Subscription';

export interface RootGuard {
  kind: RootKind;
  name: string;
  resolver: string;
  public: boolean;
  // Roles allowed by @Roles; null when any signed-in user may call.
  roles: string[] | null;
}

const RESOLVER_TYPE = 'graphql:resolver_type';
const RESOLVER_NAME = 'graphql:resolver_name';

// Every root operation of the running app with the guards its resolver method declares.
export function rootGuards(app: INestApplication): RootGuard[] {
  const found = new Map<string, RootGuard>();
  for (const module of app.get(ModulesContainer).values()) {
    for (const wrapper of module.providers.values()) {
      const instance = wrapper.instance as object | undefined;
      if (!instance || typeof instance !== 'object') continue;
      const prototype = Object.getPrototypeOf(instance) as Record<string, unknown>;
      for (const key of Object.getOwnPropertyNames(prototype)) {
        // Descriptors, not property reads: some providers have getters on their prototype.
        const method = Object.getOwnPropertyDescriptor(prototype, key)?.value as unknown;
        if (typeof method !== 'function') continue;
        const kind = Reflect.getMetadata(RESOLVER_TYPE, method) as string | undefined;
        if (kind !== 'Query' && kind !== 'Mutation' && kind !== 'Subscription') continue;
        const name = (Reflect.getMetadata(RESOLVER_NAME, method) as string | undefined) ?? key;
        const classRoles = Reflect.getMetadata(ROLES, prototype.constructor as object) as
          string[] | undefined;
        const roles = (Reflect.getMetadata(ROLES, method) as string[] | undefined) ?? classRoles;
        found.set(`${kind}.${name}`, {
          kind,
          name,
          resolver: (prototype.constructor as { name: string }).name,
          public: Reflect.getMetadata(IS_PUBLIC, method) === true,
          roles: roles ? [...roles].sort() : null,
        });
      }
    }
  }
  return [...found.values()].sort((a, b) =>
    `${a.kind}.${a.name}`.localeCompare(`${b.kind}.${b.name}`),
  );
}
