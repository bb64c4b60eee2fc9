import { Field, ObjectType } from '@nestjs/graphql';
import { RelationshipType } from './organization.enums';

@ObjectType('Relationship')
export class RelationshipModel {
  @Field(() => RelationshipType)
  type: RelationshipType;

  @Field({ description: 'One line saying why the rule gives this type' })
  explanation: string;
}
