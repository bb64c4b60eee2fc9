import { ArgumentMetadata, ValidationError, ValidationPipe } from '@nestjs/common';
import { DomainException } from '@intradesk/core';

function flatten(errors: ValidationError[], prefix = ''): { paths: string[]; messages: string[] } {
  const paths: string[] = [];
  const messages: string[] = [];
  for (const error of errors) {
    const path = prefix ? `${prefix}.${error.property}` : error.property;
    if (error.constraints) {
      paths.push(path);
      messages.push(
        ...Object.values(error.constraints).map((m) => (prefix ? `${prefix}.${m}` : m)),
      );
    }
    const nested = flatten(error.children ?? [], path);
    paths.push(...nested.paths);
    messages.push(...nested.messages);
  }
  return { paths, messages };
}

// NUL, which PostgreSQL cannot store in text, and lone surrogates, which are not Unicode text
// at all (and make validators such as isEmail throw).
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const isText = (value: string) => !value.includes('\u0000') && !LONE_SURROGATE.test(value);

function badTextPaths(value: unknown, path: string): string[] {
  if (typeof value === 'string') return isText(value) ? [] : [path];
  if (Array.isArray(value)) return value.flatMap((item, i) => badTextPaths(item, `${path}.${i}`));
  if (value && typeof value === 'object') {
    return Object.entries(value).flatMap(([key, item]) =>
      badTextPaths(item, path ? `${path}.${key}` : key),
    );
  }
  return [];
}

// GraphQL arguments (@nestjs/graphql's GqlParamtype.ARGS, not exported) and HTTP input.
const INPUT_TYPES = new Set<string | number>([3, 'body', 'query', 'param']);

// class-validator on every input; failures become BAD_USER_INPUT with the argument's field paths.
export class InputValidationPipe extends ValidationPipe {
  constructor() {
    super({
      transform: true,
      whitelist: true,
      forbidNonWhitelisted: true,
      exceptionFactory: (errors) => {
        const { paths, messages } = flatten(errors);
        return DomainException.badInput(`Invalid input: ${messages.join('; ')}`, paths);
      },
    });
  }

  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    // An omitted optional argument: GraphQL has already enforced nullability, and Nest's pipe
    // would otherwise validate it as an empty object.
    if (value === undefined || value === null) return value;
    // Only client input: not @Parent, @Context or @Info of field resolvers (nor the loaders and
    // user passed by custom decorators), which would be walked on every field of every row.
    if (!INPUT_TYPES.has(metadata.type as unknown as string | number)) return value;
    const badText = badTextPaths(value, metadata.data ?? '');
    if (badText.length > 0) {
      throw DomainException.badInput('Text must be valid Unicode without NUL characters', badText);
    }
    try {
      return await super.transform(value, metadata);
    } catch (error) {
      if (error instanceof DomainException && metadata.data) {
        const prefixed = error.fields.map((f) => `${metadata.data}.${f}`);
        const message = error.message.replace('Invalid input: ', `Invalid ${metadata.data}: `);
        throw new DomainException(error.code, message, prefixed);
      }
      throw error;
    }
  }
}
