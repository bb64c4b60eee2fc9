import { applyDecorators } from '@nestjs/common';
import { Field, ID } from '@nestjs/graphql';
import { Transform } from 'class-transformer';
import { IsUUID } from 'class-validator';

// An ID argument of an @ArgsType, checked and lower-cased as UuidPipe does for a lone argument.
export function IdField() {
  return applyDecorators(
    Field(() => ID),
    Transform(({ value }: { value: unknown }) =>
      typeof value === 'string' ? value.toLowerCase() : value,
    ),
    IsUUID(undefined, { message: ({ property }) => `${property} must be an id (UUID)` }),
  );
}
