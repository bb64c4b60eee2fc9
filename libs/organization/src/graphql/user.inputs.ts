import { ArgsType, Field, ID, InputType, Int } from '@nestjs/graphql';
import { IsOptionalNotNull } from '@intradesk/core';
import {
  IsBoolean,
  IsEmail,
  IsEnum,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  MaxLength,
} from 'class-validator';
import { Role } from './organization.enums';

@InputType()
export class CreateUserInput {
  @Field()
  @IsEmail()
  @MaxLength(320)
  email: string;

  @Field()
  @IsString()
  @Length(1, 200)
  name: string;

  @Field()
  @IsString()
  @Length(8, 200, { message: 'password must be 8 to 200 characters' })
  password: string;

  @Field()
  @IsString()
  @Length(1, 32)
  departmentCode: string;

  @Field(() => Role)
  @IsEnum(Role)
  role: Role;
}

@InputType()
export class ChangePasswordInput {
  @Field()
  @IsString()
  @MaxLength(200)
  currentPassword: string;

  @Field()
  @IsString()
  @Length(8, 200, { message: 'newPassword must be 8 to 200 characters' })
  newPassword: string;
}

@InputType({
  description: 'Only the given fields change; departmentId null leaves every department',
})
export class UpdateUserInput {
  @Field(() => ID)
  @IsUUID()
  id: string;

  @Field({ nullable: true })
  @IsOptionalNotNull()
  @IsString()
  @Length(1, 200)
  name?: string;

  @Field(() => Role, { nullable: true })
  @IsOptionalNotNull()
  @IsEnum(Role)
  role?: Role;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID()
  departmentId?: string | null;
}

@ArgsType()
export class SetPasswordWithTokenArgs {
  @Field({ description: 'The token of a set-password link' })
  @IsString()
  @Length(1, 200)
  token: string;

  @Field()
  @IsString()
  @Length(8, 200, { message: 'password must be 8 to 200 characters' })
  password: string;

  @Field({
    defaultValue: false,
    description: 'Also set the HttpOnly session cookie, as login does',
  })
  @IsBoolean()
  cookie: boolean;
}

@ArgsType()
export class UsersArgs {
  @Field(() => Int, { nullable: true, description: '1 to 100; default 20' })
  @IsOptional()
  @IsInt()
  first?: number;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  after?: string;

  @Field(() => String, { nullable: true, description: 'Any part of the name or email' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  search?: string;

  @Field(() => Role, { nullable: true })
  @IsOptional()
  @IsEnum(Role)
  role?: Role;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID()
  departmentId?: string;

  @Field({ defaultValue: false, description: 'Also list deactivated users' })
  @IsBoolean()
  includeDeactivated: boolean;
}
