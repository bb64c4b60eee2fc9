import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { ServiceEntity } from '../services/service.entity';
import { Priority } from './catalog.enums';

@ObjectType('Service', { description: "An entry of a supplier department's catalogue" })
export class ServiceModel {
  @Field(() => ID)
  id: string;

  @Field()
  name: string;

  @Field()
  description: string;

  @Field(() => Priority)
  defaultPriority: Priority;

  @Field()
  active: boolean;

  @Field()
  createdAt: Date;

  @Field(() => Int)
  version: number;

  supplierId: string;

  static from(entity: ServiceEntity): ServiceModel {
    const model = new ServiceModel();
    model.id = entity.id;
    model.name = entity.name;
    model.description = entity.description;
    model.defaultPriority = entity.defaultPriority;
    model.active = entity.active;
    model.createdAt = entity.createdAt;
    model.version = entity.version;
    model.supplierId = entity.supplierId;
    return model;
  }
}
