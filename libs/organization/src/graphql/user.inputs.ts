import { Field, InputType } from '@nestjs/graphql';
import { IsEmail, IsEnum, IsString, Length, MaxLength } from 'class-validator';
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
