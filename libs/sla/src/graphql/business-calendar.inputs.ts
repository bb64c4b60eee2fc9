import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { IsIanaTimeZone, IsOptionalNotNull } from '@intradesk/core';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsEnum,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  Min,
  ValidateNested,
} from 'class-validator';
import { Weekday } from './sla.enums';

const LOCAL_TIME = /^(([01]\d|2[0-3]):[0-5]\d|24:00)$/;
const LOCAL_DATE = /^\d{4}-\d{2}-\d{2}$/;

@InputType()
export class WeeklyHoursInput {
  @Field(() => Weekday)
  @IsEnum(Weekday)
  day: Weekday;

  @Field({ description: 'Local HH:MM' })
  @Matches(LOCAL_TIME, { message: 'start must be HH:MM' })
  start: string;

  @Field({ description: 'Local HH:MM, up to 24:00; after start' })
  @Matches(LOCAL_TIME, { message: 'end must be HH:MM, up to 24:00' })
  end: string;
}

@InputType()
export class CreateBusinessCalendarInput {
  @Field()
  @IsString()
  @Length(1, 120)
  name: string;

  @Field()
  @IsIanaTimeZone()
  timeZone: string;

  @Field(() => [WeeklyHoursInput])
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => WeeklyHoursInput)
  weeklyHours: WeeklyHoursInput[];

  @Field(() => [String], { nullable: true, description: 'Local dates YYYY-MM-DD' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(2000)
  @Matches(LOCAL_DATE, { each: true, message: 'each holiday must be a date YYYY-MM-DD' })
  holidays?: string[];

  @Field({ nullable: true, description: 'Make it the organisation default' })
  @IsOptional()
  @IsBoolean()
  isDefault?: boolean;
}

@InputType()
export class UpdateBusinessCalendarInput {
  @Field(() => ID)
  @IsUUID()
  id: string;

  @Field({ nullable: true })
  @IsOptionalNotNull()
  @IsString()
  @Length(1, 120)
  name?: string;

  @Field({ nullable: true })
  @IsOptionalNotNull()
  @IsIanaTimeZone()
  timeZone?: string;

  @Field(() => [WeeklyHoursInput], { nullable: true })
  @IsOptionalNotNull()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => WeeklyHoursInput)
  weeklyHours?: WeeklyHoursInput[];

  @Field(() => [String], { nullable: true })
  @IsOptionalNotNull()
  @IsArray()
  @ArrayMaxSize(2000)
  @Matches(LOCAL_DATE, { each: true, message: 'each holiday must be a date YYYY-MM-DD' })
  holidays?: string[];

  @Field({ nullable: true })
  @IsOptionalNotNull()
  @IsBoolean()
  isDefault?: boolean;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  @Min(1)
  expectedVersion?: number;
}
