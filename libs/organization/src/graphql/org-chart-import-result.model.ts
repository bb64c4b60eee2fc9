import { Field, Int, ObjectType } from '@nestjs/graphql';
import { ImportLineError } from '@intradesk/core';

@ObjectType()
export class OrgChartImportResult {
  @Field(() => Int)
  created: number;

  @Field(() => Int)
  updated: number;

  @Field(() => Int, {
    description: 'Leads named by lead_email who had no account (created without a password)',
  })
  invitedLeads: number;

  @Field(() => [ImportLineError], {
    description: 'Every refused line; when not empty nothing was changed',
  })
  errors: ImportLineError[];
}
