import { IsOptionalNotNull } from '@intradesk/core';
import { Field, ID, InputType, Int } from '@nestjs/graphql';
import {
  IsBoolean,
  IsEnum,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  MaxLength,
  Min,
} from 'class-validator';
import { Priority } from './catalog.enums';

@InputType()
export class CreateServiceInput {
  @Field(() => ID)
  @IsUUID()
  supplierId: string;

  @Field()
  @IsString()
  @Length(1, 120)
  name: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(5000)
  description?: string | null;

  @Field(() => Priority, { nullable: true, description: 'Defaults to P3' })
  @IsOptional()
  @IsEnum(Priority)
  defaultPriority?: Priority | null;
}

@InputType()
export class UpdateServiceInput {
  @Field(() => ID)
  @IsUUID()
  id: string;

  @Field({ nullable: true })
  @IsOptionalNotNull()
  @IsString()
  @Length(1, 120)
  name?: string;

  @Field({ nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(5000)
  description?: string;

  @Field(() => Priority, { nullable: true })
  @IsOptionalNotNull()
  @IsEnum(Priority)
  defaultPriority?: Priority;

  @Field({ nullable: true, description: 'false withdraws the service from the catalogue' })
  @IsOptionalNotNull()
  @IsBoolean()
  active?: boolean;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  @Min(1)
  expectedVersion?: number;
}
