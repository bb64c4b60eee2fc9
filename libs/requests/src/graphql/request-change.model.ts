import { Field, ObjectType } from '@nestjs/graphql';
import { RequestModel } from './request.model';
import { RequestChangeKind } from './requests.enums';

@ObjectType('RequestChange', {
  description: 'A change to a request of a queue the subscriber may see',
})
export class RequestChangeModel {
  @Field(() => RequestChangeKind)
  kind: RequestChangeKind;

  @Field(() => RequestModel)
  request: RequestModel;
}
