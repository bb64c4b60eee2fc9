import { applyDecorators } from '@nestjs/common';
import { Field, Int } from '@nestjs/graphql';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { MAX_PAGE_SIZE, PAGE_SIZE_MESSAGE as message } from './connection';

// `first` of a list's @ArgsType, validated as pageSize() checks it (1 to MAX_PAGE_SIZE, the same
// message), so no resolver checks it by hand.
export function PageSizeField(options: { defaultValue: number; nullable?: boolean }) {
  return applyDecorators(
    Field(() => Int, { defaultValue: options.defaultValue, nullable: options.nullable }),
    IsOptional(),
    IsInt({ message }),
    Min(1, { message }),
    Max(MAX_PAGE_SIZE, { message }),
  );
}
