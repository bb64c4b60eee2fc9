import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { DepartmentEntity } from '../departments/department.entity';

@ObjectType('Department')
export class DepartmentModel {
  @Field(() => ID)
  id: string;

  @Field({ description: 'Unique, case-insensitive; stored upper-case, e.g. IT' })
  code: string;

  @Field()
  name: string;

  @Field(() => Int, {
    description: 'Hierarchical level used by the relationship rule: explicitLevel, else depth',
  })
  level: number;

  @Field(() => Int, { nullable: true, description: 'Level set by an administrator, if any' })
  explicitLevel: number | null;

  @Field(() => Int, { description: 'Depth in the org tree; the root is 0' })
  depth: number;

  @Field({ description: 'IANA time zone, e.g. Europe/London' })
  timeZone: string;

  @Field()
  archived: boolean;

  @Field(() => Date, { nullable: true })
  archivedAt: Date | null;

  @Field()
  createdAt: Date;

  @Field()
  updatedAt: Date;

  @Field(() => Int)
  version: number;

  // Kept for field resolvers; not exposed.
  parentId: string | null;
  leadId: string | null;
  calendarId: string | null;

  static from(entity: DepartmentEntity): DepartmentModel {
    const model = new DepartmentModel();
    model.id = entity.id;
    model.code = entity.code;
    model.name = entity.name;
    model.level = entity.effectiveLevel;
    model.explicitLevel = entity.level;
    model.depth = entity.depth;
    model.timeZone = entity.timeZone;
    model.archived = entity.archivedAt !== null;
    model.archivedAt = entity.archivedAt;
    model.createdAt = entity.createdAt;
    model.updatedAt = entity.updatedAt;
    model.version = entity.version;
    model.parentId = entity.parentId;
    model.leadId = entity.leadId;
    model.calendarId = entity.calendarId;
    return model;
  }
}
