import { Field, ID, InputType } from '@nestjs/graphql';
import { Priority } from '@intradesk/catalog';
import { RelationshipType } from '@intradesk/organization';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsDate, IsEnum, IsOptional, IsUUID } from 'class-validator';

@InputType()
export class ReportFilter {
  @Field(() => Date, { nullable: true, description: 'Requests created at or after' })
  @IsOptional()
  @Type(() => Date)
  @IsDate()
  from?: Date | null;

  @Field(() => Date, { nullable: true, description: 'Requests created before' })
  @IsOptional()
  @Type(() => Date)
  @IsDate()
  to?: Date | null;

  @Field(() => [ID], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(500)
  @IsUUID('all', { each: true })
  supplierIds?: string[] | null;

  @Field(() => [ID], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(500)
  @IsUUID('all', { each: true })
  customerIds?: string[] | null;

  @Field(() => [ID], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(500)
  @IsUUID('all', { each: true })
  serviceIds?: string[] | null;

  @Field(() => [Priority], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(10)
  @IsEnum(Priority, { each: true })
  priorities?: Priority[] | null;

  @Field(() => [RelationshipType], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(10)
  @IsEnum(RelationshipType, { each: true })
  relationshipTypes?: RelationshipType[] | null;
}
