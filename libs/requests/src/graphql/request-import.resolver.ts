import { Args, Field, Int, Mutation, ObjectType, Resolver } from '@nestjs/graphql';
import { AuthUser, CurrentUser, DomainException, ImportLineError, Roles } from '@intradesk/core';
import { REQUEST_IMPORTERS } from '../access/requests.policy';
import { RequestImportService } from '../import/request-import.service';

// Below the 1 MiB body limit anyway: files go to POST /imports/requests.
const MAX_NDJSON_LENGTH = 1_000_000;

@ObjectType('RequestImportResult')
export class RequestImportResultModel {
  @Field(() => Int)
  imported: number;

  @Field(() => [ImportLineError], {
    description: 'Every refused line; when not empty nothing was imported',
  })
  errors: ImportLineError[];
}

@Resolver(() => RequestImportResultModel)
export class RequestImportResolver {
  constructor(private readonly importer: RequestImportService) {}

  @Roles(...REQUEST_IMPORTERS)
  @Mutation(() => RequestImportResultModel, {
    description:
      'Historical requests, one JSON object a line (API.md); clocks computed as if live; all or nothing',
  })
  importRequests(
    @CurrentUser() user: AuthUser,
    @Args('ndjson') ndjson: string,
  ): Promise<RequestImportResultModel> {
    if (ndjson.length > MAX_NDJSON_LENGTH) {
      throw DomainException.badInput(
        `ndjson is larger than ${MAX_NDJSON_LENGTH} characters; upload the file to POST /imports/requests (or npm run import -- FILE)`,
        ['ndjson'],
      );
    }
    return this.importer.import(user, ndjson);
  }
}
