import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Connection } from '@intradesk/core';
import { UserEntity } from '../users/user.entity';
import { Role } from './organization.enums';

@ObjectType('User')
export class UserModel {
  @Field(() => ID)
  id: string;

  @Field()
  email: string;

  @Field()
  name: string;

  @Field(() => Role)
  role: Role;

  @Field()
  createdAt: Date;

  @Field({
    description: 'False once deactivated (a leaver): cannot sign in; requests and history stay',
  })
  active: boolean;

  @Field(() => Date, { nullable: true })
  deactivatedAt: Date | null;

  @Field({
    description:
      'Has no password yet (invited by the org-chart import): an administrator makes a set-password link',
  })
  invited: boolean;

  departmentId: string | null;

  static from(entity: UserEntity): UserModel {
    const model = new UserModel();
    model.id = entity.id;
    model.email = entity.email;
    model.name = entity.name;
    model.role = entity.role;
    model.createdAt = entity.createdAt;
    model.departmentId = entity.departmentId;
    model.deactivatedAt = entity.deactivatedAt ?? null;
    model.active = !entity.deactivatedAt;
    model.invited = entity.invited ?? false;
    return model;
  }
}

@ObjectType()
export class AuthPayload {
  @Field({ description: 'Send as Authorization: Bearer <accessToken>' })
  accessToken: string;

  @Field(() => UserModel)
  user: UserModel;
}

@ObjectType()
export class UserConnection extends Connection(UserModel, 'User') {}

@ObjectType('PasswordResetLink', {
  description: 'A one-time link to set a password, shown once to the administrator who made it',
})
export class PasswordResetLinkModel {
  @Field({ description: 'The path to open on this site: /set-password?token=…' })
  path: string;

  @Field()
  expiresAt: Date;

  @Field(() => UserModel)
  user: UserModel;
}
