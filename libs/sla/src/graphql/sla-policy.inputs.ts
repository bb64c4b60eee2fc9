import { IsOptionalNotNull } from '@intradesk/core';
import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { Priority } from '@intradesk/catalog';
import { RelationshipType } from '@intradesk/organization';
import {
  IsBoolean,
  IsEnum,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';
import { CalendarMode } from './sla.enums';

const MAX_MINUTES = 5 * 366 * 1440;

@InputType()
export class CreateSlaPolicyInput {
  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(120)
  name?: string | null;

  @Field(() => ID, { nullable: true, description: 'null: every supplier' })
  @IsOptional()
  @IsUUID()
  supplierId?: string | null;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID()
  serviceId?: string | null;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID()
  customerId?: string | null;

  @Field(() => RelationshipType, { nullable: true })
  @IsOptional()
  @IsEnum(RelationshipType)
  relationshipType?: RelationshipType | null;

  @Field(() => Priority, { nullable: true })
  @IsOptional()
  @IsEnum(Priority)
  priority?: Priority | null;

  @Field(() => Int)
  @IsInt()
  @Min(1)
  @Max(MAX_MINUTES)
  firstResponseMinutes: number;

  @Field(() => Int)
  @IsInt()
  @Min(1)
  @Max(MAX_MINUTES)
  resolutionMinutes: number;

  @Field(() => ID, {
    nullable: true,
    description: 'Count in this calendar instead of a department’s',
  })
  @IsOptional()
  @IsUUID()
  calendarId?: string | null;

  @Field(() => CalendarMode, { nullable: true, description: 'Defaults to SUPPLIER' })
  @IsOptional()
  @IsEnum(CalendarMode)
  calendarMode?: CalendarMode | null;

  @Field(() => Int, {
    nullable: true,
    description: 'Warn when this share of a target is used; default 80',
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(99)
  warnAtPercent?: number | null;
}

@InputType()
export class UpdateSlaPolicyInput {
  @Field(() => ID)
  @IsUUID()
  id: string;

  @Field(() => String, { nullable: true, description: 'A new name (what it matches stays)' })
  @IsOptionalNotNull()
  @IsString()
  @MinLength(1)
  @MaxLength(120)
  name?: string;

  @Field(() => Int, { nullable: true })
  @IsOptionalNotNull()
  @IsInt()
  @Min(1)
  @Max(MAX_MINUTES)
  firstResponseMinutes?: number;

  @Field(() => Int, { nullable: true })
  @IsOptionalNotNull()
  @IsInt()
  @Min(1)
  @Max(MAX_MINUTES)
  resolutionMinutes?: number;

  @Field(() => Int, { nullable: true })
  @IsOptionalNotNull()
  @IsInt()
  @Min(1)
  @Max(99)
  warnAtPercent?: number;

  @Field({ nullable: true })
  @IsOptionalNotNull()
  @IsBoolean()
  active?: boolean;
}
