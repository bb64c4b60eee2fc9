import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { IsIanaTimeZone, IsOptionalNotNull } from '@intradesk/core';
import {
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  Max,
  Min,
  ValidateIf,
} from 'class-validator';
import { DEPARTMENT_CODE_PATTERN } from '../departments/department-code';

@InputType()
export class CreateDepartmentInput {
  @Field({ description: "1-32 letters, digits, '-' or '_'; unique regardless of case" })
  @Matches(DEPARTMENT_CODE_PATTERN, { message: "code must be 1-32 letters, digits, '-' or '_'" })
  code: string;

  @Field()
  @IsString()
  @Length(1, 200)
  name: string;

  @Field(() => ID, { nullable: true, description: 'null makes a root department' })
  @IsOptional()
  @IsUUID()
  parentId?: string | null;

  @Field(() => Int, {
    nullable: true,
    description: 'Explicit level; defaults to the depth in the tree',
  })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(999)
  level?: number | null;

  @Field(() => String, { nullable: true, description: "IANA time zone; defaults to the parent's" })
  @IsOptional()
  @IsIanaTimeZone()
  timeZone?: string | null;

  @Field(() => ID, {
    nullable: true,
    description: 'Its business calendar; defaults to the organisation default',
  })
  @IsOptional()
  @IsUUID()
  calendarId?: string | null;
}

@InputType()
export class UpdateDepartmentInput {
  @Field(() => ID)
  @IsUUID()
  id: string;

  @Field({ nullable: true })
  @IsOptionalNotNull()
  @IsString()
  @Length(1, 200)
  name?: string;

  @Field(() => Int, { nullable: true, description: 'An explicit null clears the explicit level' })
  @ValidateIf((_, value) => value !== null && value !== undefined)
  @IsInt()
  @Min(0)
  @Max(999)
  level?: number | null;

  @Field({ nullable: true })
  @IsOptionalNotNull()
  @IsIanaTimeZone()
  timeZone?: string;

  @Field(() => ID, {
    nullable: true,
    description: 'An explicit null returns to the organisation default',
  })
  @ValidateIf((_, value) => value !== null && value !== undefined)
  @IsUUID()
  calendarId?: string | null;

  @Field(() => Int, {
    nullable: true,
    description: 'When given, the update is refused with CONFLICT if stale',
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  expectedVersion?: number;
}
