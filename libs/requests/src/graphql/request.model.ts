import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { Connection } from '@intradesk/core';
import { Priority } from '@intradesk/catalog';
import { RelationshipType } from '@intradesk/organization';
import { RequestEntity } from '../requests/request.entity';
import { RequestStatus } from './requests.enums';

@ObjectType('Request', { description: 'What one department asked of another' })
export class RequestModel {
  @Field(() => ID)
  id: string;

  @Field({ description: 'Supplier code and sequence, e.g. IT-42' })
  number: string;

  @Field()
  title: string;

  @Field()
  description: string;

  @Field(() => RequestStatus)
  status: RequestStatus;

  @Field(() => Priority)
  priority: Priority;

  @Field(() => RelationshipType, {
    description: 'Of the customer and supplier as they were when filed',
  })
  relationshipType: RelationshipType;

  @Field()
  createdAt: Date;

  @Field()
  updatedAt: Date;

  @Field(() => Date, { nullable: true })
  firstRespondedAt: Date | null;

  @Field(() => Date, { nullable: true })
  resolvedAt: Date | null;

  @Field(() => Date, { nullable: true })
  closedAt: Date | null;

  @Field(() => Date, { nullable: true })
  cancelledAt: Date | null;

  @Field(() => Int, { description: 'Pass as expectedVersion to change the request' })
  version: number;

  supplierId: string;
  customerId: string;
  requesterId: string;
  assigneeId: string | null;
  serviceId: string | null;

  static from(entity: RequestEntity): RequestModel {
    const model = new RequestModel();
    model.id = entity.id;
    model.number = entity.number;
    model.title = entity.title;
    model.description = entity.description;
    model.status = entity.status;
    model.priority = entity.priority;
    model.relationshipType = entity.relationshipType;
    model.createdAt = entity.createdAt;
    model.updatedAt = entity.updatedAt;
    model.firstRespondedAt = entity.firstRespondedAt;
    model.resolvedAt = entity.resolvedAt;
    model.closedAt = entity.closedAt;
    model.cancelledAt = entity.cancelledAt;
    model.version = entity.version;
    model.supplierId = entity.supplierId;
    model.customerId = entity.customerId;
    model.requesterId = entity.requesterId;
    model.assigneeId = entity.assigneeId;
    model.serviceId = entity.serviceId;
    return model;
  }
}

@ObjectType()
export class RequestConnection extends Connection(RequestModel, 'Request') {}
