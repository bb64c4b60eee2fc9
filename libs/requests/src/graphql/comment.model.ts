import { Field, ID, ObjectType } from '@nestjs/graphql';
import { CommentEntity } from '../comments/comment.entity';

@ObjectType('Comment')
export class CommentModel {
  @Field(() => ID)
  id: string;

  @Field()
  body: string;

  @Field({ description: 'A supplier-side note the customer side never sees' })
  internal: boolean;

  @Field()
  createdAt: Date;

  authorId: string;
  requestId: string;

  static from(entity: CommentEntity): CommentModel {
    const model = new CommentModel();
    model.id = entity.id;
    model.body = entity.body;
    model.internal = entity.internal;
    model.createdAt = entity.createdAt;
    model.authorId = entity.authorId;
    model.requestId = entity.requestId;
    return model;
  }
}
