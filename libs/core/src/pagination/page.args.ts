import { ArgsType, Field } from '@nestjs/graphql';
import { IsOptional, IsString } from 'class-validator';
import { DEFAULT_PAGE_SIZE } from './connection';
import { PageSizeField } from './page-size.field';

// `first` and `after` of a Relay connection's @ArgsType: extend it and add the list's filters.
@ArgsType()
export class PageArgs {
  @PageSizeField({ defaultValue: DEFAULT_PAGE_SIZE, nullable: true })
  first: number;

  @Field(() => String, { nullable: true, description: 'endCursor of the page before' })
  @IsOptional()
  @IsString()
  after?: string;
}
