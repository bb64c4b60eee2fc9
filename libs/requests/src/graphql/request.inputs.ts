import { Field, ID, InputType } from '@nestjs/graphql';
import { Priority } from '@intradesk/catalog';
import { RelationshipType } from '@intradesk/organization';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsBoolean,
  IsDate,
  IsEnum,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  MaxLength,
} from 'class-validator';
import { RequestOrderField, RequestStatus, SortDirection } from './requests.enums';

@InputType()
export class CreateRequestInput {
  @Field(() => ID, { description: 'The department asked' })
  @IsUUID()
  supplierId: string;

  @Field(() => ID, { nullable: true, description: "One of the supplier's active services" })
  @IsOptional()
  @IsUUID()
  serviceId?: string | null;

  @Field()
  @IsString()
  @Length(1, 200)
  title: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(20_000)
  description?: string | null;

  @Field(() => Priority, {
    nullable: true,
    description: "Defaults to the service's default, else P3",
  })
  @IsOptional()
  @IsEnum(Priority)
  priority?: Priority | null;

  @Field(() => String, {
    nullable: true,
    description:
      'Retries with the same key return the first request; a different payload is CONFLICT',
  })
  @IsOptional()
  @IsString()
  @Matches(/^[\x21-\x7e]{1,100}$/, {
    message: 'idempotencyKey must be 1-100 printable ASCII characters',
  })
  idempotencyKey?: string | null;

  @Field(() => [ID], {
    nullable: true,
    description:
      "The caller's uploads for a new request (POST /attachments), filed as the request's own files; at most 20",
  })
  @IsOptional()
  @ArrayMaxSize(20)
  @IsUUID('all', { each: true })
  attachmentIds?: string[] | null;
}

@InputType()
export class RequestFilter {
  @Field(() => [ID], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(100)
  @IsUUID('all', { each: true })
  supplierIds?: string[];

  @Field(() => [ID], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(100)
  @IsUUID('all', { each: true })
  customerIds?: string[];

  @Field(() => [RequestStatus], { nullable: true })
  @IsOptional()
  @IsEnum(RequestStatus, { each: true })
  statuses?: RequestStatus[];

  @Field(() => [Priority], { nullable: true })
  @IsOptional()
  @IsEnum(Priority, { each: true })
  priorities?: Priority[];

  @Field(() => [ID], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(100)
  @IsUUID('all', { each: true })
  assigneeIds?: string[];

  @Field({
    nullable: true,
    description: 'Only unassigned requests (or, with assigneeIds, those too)',
  })
  @IsOptional()
  @IsBoolean()
  unassigned?: boolean;

  @Field(() => [ID], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(100)
  @IsUUID('all', { each: true })
  serviceIds?: string[];

  @Field(() => [ID], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(100)
  @IsUUID('all', { each: true })
  requesterIds?: string[];

  @Field(() => [RelationshipType], { nullable: true })
  @IsOptional()
  @IsEnum(RelationshipType, { each: true })
  relationshipTypes?: RelationshipType[];

  @Field({ nullable: true, description: 'Created at or after' })
  @IsOptional()
  @Type(() => Date)
  @IsDate()
  createdFrom?: Date;

  @Field({ nullable: true, description: 'Created before' })
  @IsOptional()
  @Type(() => Date)
  @IsDate()
  createdTo?: Date;

  @Field({
    nullable: true,
    description: 'Words of the number, title or description (web search syntax)',
  })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  text?: string;
}

@InputType()
export class RequestOrder {
  @Field(() => RequestOrderField, { defaultValue: RequestOrderField.CREATED_AT })
  @IsEnum(RequestOrderField)
  field: RequestOrderField;

  @Field(() => SortDirection, { defaultValue: SortDirection.DESC })
  @IsEnum(SortDirection)
  direction: SortDirection;
}
