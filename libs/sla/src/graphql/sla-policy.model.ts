import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { Priority } from '@intradesk/catalog';
import { RelationshipType } from '@intradesk/organization';
import { SlaPolicyEntity } from '../policies/sla-policy.entity';
import { CalendarMode } from './sla.enums';

@ObjectType('SlaPolicy', { description: 'An internal SLA (OLA): null matchers mean "any"' })
export class SlaPolicyModel {
  @Field(() => ID)
  id: string;

  @Field()
  name: string;

  @Field(() => ID, { nullable: true })
  supplierId: string | null;

  @Field(() => ID, { nullable: true })
  serviceId: string | null;

  @Field(() => ID, { nullable: true })
  customerId: string | null;

  @Field(() => RelationshipType, { nullable: true })
  relationshipType: RelationshipType | null;

  @Field(() => Priority, { nullable: true })
  priority: Priority | null;

  @Field(() => Int, { description: 'Business minutes' })
  firstResponseMinutes: number;

  @Field(() => Int, { description: 'Business minutes' })
  resolutionMinutes: number;

  @Field(() => ID, {
    nullable: true,
    description: 'An explicit calendar; else calendarMode decides',
  })
  calendarId: string | null;

  @Field(() => CalendarMode)
  calendarMode: CalendarMode;

  @Field(() => Int)
  warnAtPercent: number;

  @Field()
  active: boolean;

  @Field(() => Int)
  version: number;

  static from(entity: SlaPolicyEntity): SlaPolicyModel {
    const model = new SlaPolicyModel();
    Object.assign(model, {
      id: entity.id,
      name: entity.name,
      supplierId: entity.supplierId,
      serviceId: entity.serviceId,
      customerId: entity.customerId,
      relationshipType: entity.relationshipType,
      priority: entity.priority,
      firstResponseMinutes: entity.firstResponseMinutes,
      resolutionMinutes: entity.resolutionMinutes,
      calendarId: entity.calendarId,
      calendarMode: entity.calendarMode,
      warnAtPercent: entity.warnAtPercent,
      active: entity.active,
      version: entity.version,
    });
    return model;
  }
}
