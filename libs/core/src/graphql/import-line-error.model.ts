import { Field, Int, ObjectType } from '@nestjs/graphql';

@ObjectType({ description: 'A refused line of an import; line counts from 1' })
export class ImportLineError {
  @Field(() => Int)
  line: number;

  @Field()
  message: string;
}
