import { Field, ID, ObjectType } from '@nestjs/graphql';
import { HistoryEntryEntity } from '../history/history-entry.entity';
import { HistoryKind } from './requests.enums';

@ObjectType('HistoryEntry', { description: 'One change of a request, with who made it and when' })
export class HistoryEntryModel {
  @Field(() => ID)
  id: string;

  @Field()
  at: Date;

  @Field(() => HistoryKind)
  kind: HistoryKind;

  @Field(() => String, {
    nullable: true,
    description: 'The value before: a status, a priority or (ASSIGNED) a user id; see fromUser',
  })
  from: string | null;

  @Field(() => String, { nullable: true, description: 'The value after' })
  to: string | null;

  @Field(() => ID, { nullable: true, description: 'The comment, for COMMENTED' })
  commentId: string | null;

  @Field({ description: 'About an internal note (only the supplier side sees these)' })
  internal: boolean;

  actorId: string | null;

  static from(entity: HistoryEntryEntity): HistoryEntryModel {
    const model = new HistoryEntryModel();
    model.id = String(entity.id);
    model.at = entity.at;
    model.kind = entity.kind;
    model.from = entity.fromValue;
    model.to = entity.toValue;
    model.commentId = entity.commentId;
    model.actorId = entity.actorId;
    model.internal = entity.internal;
    return model;
  }
}
