import {
  getNamedType,
  getNullableType,
  GraphQLArgument,
  GraphQLField,
  GraphQLInputType,
  GraphQLSchema,
  isEnumType,
  isInputObjectType,
  isLeafType,
  isListType,
  isNonNullType,
  isScalarType,
} from 'graphql';
import { randomUUID } from 'node:crypto';

export type RootKind = 'Query' | 'Mutation' | 'Subscription';

export function rootFields(
  schema: GraphQLSchema,
  kind: RootKind,
): GraphQLField<unknown, unknown>[] {
  const type =
    kind === 'Query'
      ? schema.getQueryType()
      : kind === 'Mutation'
        ? schema.getMutationType()
        : schema.getSubscriptionType();
  return type ? Object.values(type.getFields()) : [];
}

const SCALAR_SAMPLES: Record<string, () => unknown> = {
  ID: () => randomUUID(),
  String: () => 'x',
  Int: () => 1,
  Float: () => 1.5,
  Boolean: () => true,
  DateTime: () => '2026-01-05T09:00:00.000Z',
};

// A value of the right shape: required input fields filled, optional ones left out.
export function sampleValue(type: GraphQLInputType): unknown {
  const inner = getNullableType(type) as GraphQLInputType;
  if (isListType(inner)) return [sampleValue(inner.ofType as GraphQLInputType)];
  if (isEnumType(inner)) return inner.getValues()[0].value;
  if (isScalarType(inner)) {
    const sample = SCALAR_SAMPLES[inner.name];
    if (!sample) throw new Error(`no sample for scalar ${inner.name}`);
    return sample();
  }
  if (isInputObjectType(inner)) {
    const value: Record<string, unknown> = {};
    for (const field of Object.values(inner.getFields())) {
      if (isNonNullType(field.type) && field.defaultValue === undefined) {
        value[field.name] = sampleValue(field.type);
      }
    }
    return value;
  }
  throw new Error(`no sample for ${String(type)}`);
}

// One operation calling a root field with every argument passed as a variable, selecting only
// __typename (or nothing, for a scalar result).
export function operationFor(
  kind: RootKind,
  field: GraphQLField<unknown, unknown>,
  values: (arg: GraphQLArgument) => unknown = (arg) => sampleValue(arg.type),
): { query: string; variables: Record<string, unknown> } {
  const args = field.args.filter(
    (arg) => isNonNullType(arg.type) && arg.defaultValue === undefined,
  );
  const variables: Record<string, unknown> = {};
  for (const arg of args) variables[arg.name] = values(arg);
  const definitions = args.map((arg) => `$${arg.name}: ${String(arg.type)}`).join(', ');
  const passing = args.map((arg) => `${arg.name}: $${arg.name}`).join(', ');
  const selection = isLeafType(getNamedType(field.type)) ? '' : ' { __typename }';
  const keyword = kind.toLowerCase();
  return {
    query: `${keyword}${definitions ? `(${definitions})` : ''} { ${field.name}${passing ? `(${passing})` : ''}${selection} }`,
    variables,
  };
}
