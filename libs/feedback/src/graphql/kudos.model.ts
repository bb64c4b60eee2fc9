import { ArgsType, Field, ID, InputType, ObjectType } from '@nestjs/graphql';
import { IsOptional, IsString, IsUUID, MaxLength, MinLength } from 'class-validator';
import { Connection, PageArgs } from '@intradesk/core';
import { KudosEntity } from '../kudos/kudos.entity';

@ObjectType('Kudos', { description: 'A thank-you for a request, to a person or a department' })
export class KudosModel {
  @Field(() => ID)
  id: string;

  @Field()
  message: string;

  @Field()
  createdAt: Date;

  requestId: string;
  fromUserId: string;
  toUserId: string | null;
  toDepartmentId: string | null;

  static from(entity: KudosEntity): KudosModel {
    const model = new KudosModel();
    model.id = entity.id;
    model.message = entity.message;
    model.createdAt = entity.createdAt;
    model.requestId = entity.requestId;
    model.fromUserId = entity.fromUserId;
    model.toUserId = entity.toUserId;
    model.toDepartmentId = entity.toDepartmentId;
    return model;
  }
}

@InputType()
export class GiveKudosInput {
  @Field(() => ID)
  @IsUUID()
  requestId: string;

  @Field(() => ID, { nullable: true, description: 'A person of either department' })
  @IsOptional()
  @IsUUID()
  toUserId?: string | null;

  @Field(() => ID, { nullable: true, description: 'The supplier or the customer department' })
  @IsOptional()
  @IsUUID()
  toDepartmentId?: string | null;

  @Field()
  @IsString()
  @MinLength(1)
  @MaxLength(500)
  message: string;
}

@ObjectType()
export class KudosConnection extends Connection(KudosModel, 'Kudos') {}

@ArgsType()
export class KudosReceivedArgs extends PageArgs {
  @Field(() => ID, { nullable: true, description: 'Kudos to this person (or give departmentId)' })
  @IsOptional()
  @IsUUID()
  userId?: string | null;

  @Field(() => ID, { nullable: true, description: 'Kudos to this department' })
  @IsOptional()
  @IsUUID()
  departmentId?: string | null;
}
