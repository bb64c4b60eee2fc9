import { Field, Float, Int, ObjectType } from '@nestjs/graphql';
import { Priority } from '@intradesk/catalog';
import { RelationshipType } from '@intradesk/organization';
import { ReportRow } from '../reports/report-row';

// The group keys every report row has (departments, service and assignee are resolved fields).
@ObjectType({ isAbstract: true })
export abstract class ReportKeysModel {
  @Field(() => Priority, { nullable: true })
  priority: Priority | null;

  @Field(() => RelationshipType, { nullable: true })
  relationshipType: RelationshipType | null;

  @Field(() => String, {
    nullable: true,
    description: 'First local date of the period (YYYY-MM-DD); null when not grouped by period',
  })
  period: string | null;

  supplierId: string | null;
  customerId: string | null;
  serviceId: string | null;
  assigneeId: string | null;
}

@ObjectType('SlaReportRow')
export class SlaReportRowModel extends ReportKeysModel {
  @Field(() => Int)
  total: number;

  @Field(() => Int, { description: 'Not resolved, closed or cancelled' })
  open: number;

  @Field(() => Int)
  firstResponseMet: number;

  @Field(() => Int, { description: 'Breached, or still running past the target' })
  firstResponseBreached: number;

  @Field(() => Int)
  resolutionMet: number;

  @Field(() => Int, { description: 'Breached, or still running past the target' })
  resolutionBreached: number;

  @Field(() => Float, {
    nullable: true,
    description: 'resolutionMet / (resolutionMet + resolutionBreached); null when both are 0',
  })
  resolutionCompliance: number | null;

  @Field(() => Float, { nullable: true })
  firstResponseCompliance: number | null;

  @Field(() => Float, {
    nullable: true,
    description:
      'Median working minutes (whole minutes per clock) of stopped resolution clocks, interpolated like percentile_cont',
  })
  medianResolutionMinutes: number | null;

  @Field(() => Float, { nullable: true })
  p90ResolutionMinutes: number | null;
}

@ObjectType('SatisfactionReportRow')
export class SatisfactionReportRowModel extends ReportKeysModel {
  @Field(() => Int, { description: 'Requests in the group' })
  total: number;

  @Field(() => Int, { description: "Customers' ratings" })
  ratings: number;

  @Field(() => Float, { nullable: true })
  averageScore: number | null;

  @Field(() => [Int], { description: 'Counts of scores 1 to 5, in order' })
  distribution: number[];

  @Field(() => Float, {
    nullable: true,
    description: 'Rated requests / requests whose resolution clock has stopped',
  })
  responseRate: number | null;

  @Field(() => Int, { description: "Suppliers' ratings of the requests' quality" })
  qualityRatings: number;

  @Field(() => Float, { nullable: true })
  averageQualityScore: number | null;

  @Field(() => Int, { description: 'Kudos given for these requests' })
  kudos: number;
}

@ObjectType('DepartmentMatrixCell')
export class DepartmentMatrixCellModel extends ReportKeysModel {
  @Field(() => Int)
  requests: number;

  @Field(() => Int)
  open: number;

  @Field(() => Float, { nullable: true })
  resolutionCompliance: number | null;

  @Field(() => Int)
  ratings: number;

  @Field(() => Float, { nullable: true })
  averageScore: number | null;

  @Field(() => Int)
  kudos: number;
}

@ObjectType('ReportTrendPoint')
export class ReportTrendPointModel extends ReportKeysModel {
  @Field(() => Int)
  total: number;

  @Field(() => Int)
  open: number;

  @Field(() => Float, { nullable: true })
  resolutionCompliance: number | null;

  @Field(() => Float, { nullable: true })
  firstResponseCompliance: number | null;

  @Field(() => Float, { nullable: true })
  medianResolutionMinutes: number | null;

  @Field(() => Float, { nullable: true })
  averageScore: number | null;

  @Field(() => Float, { nullable: true })
  responseRate: number | null;

  @Field(() => Int)
  kudos: number;
}

@ObjectType('DepartmentPairRanking')
export class DepartmentPairRankingModel {
  @Field(() => [DepartmentMatrixCellModel], { description: 'Highest compliance, then score' })
  best: DepartmentMatrixCellModel[];

  @Field(() => [DepartmentMatrixCellModel], { description: 'Lowest compliance, then score' })
  worst: DepartmentMatrixCellModel[];
}

export function matrixCell(row: ReportRow): DepartmentMatrixCellModel {
  return Object.assign(new DepartmentMatrixCellModel(), row, { requests: row.total });
}
