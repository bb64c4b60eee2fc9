import { Field, ID, ObjectType } from '@nestjs/graphql';
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

  departmentId: string | null;

  static from(entity: UserEntity): UserModel {
    const model = new UserModel();
    model.id = entity.id;
    model.email = entity.email;
    model.name = entity.name;
    model.role = entity.role;
    model.createdAt = entity.createdAt;
    model.departmentId = entity.departmentId;
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
