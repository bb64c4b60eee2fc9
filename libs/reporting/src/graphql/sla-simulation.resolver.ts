import {
  Args,
  Field,
  Float,
  ID,
  InputType,
  Int,
  ObjectType,
  Query,
  Resolver,
} from '@nestjs/graphql';
import { AuthUser, CurrentUser } from '@intradesk/core';
import { CalendarMode } from '@intradesk/sla';
import { Type } from 'class-transformer';
import { IsEnum, IsInt, IsOptional, IsUUID, Max, Min, ValidateNested } from 'class-validator';
import { SlaSimulationService } from '../simulation/sla-simulation.service';
import { ReportFilter } from './report-filter.input';

const MAX_MINUTES = 5 * 366 * 1440;

@InputType()
export class ProposedSlaPolicyInput {
  @Field(() => Int, { nullable: true, description: 'Business minutes; null: not simulated' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(MAX_MINUTES)
  firstResponseMinutes?: number | null;

  @Field(() => Int, { description: 'Business minutes' })
  @IsInt()
  @Min(1)
  @Max(MAX_MINUTES)
  resolutionMinutes: number;

  @Field(() => ID, { nullable: true, description: 'Count every clock in this calendar' })
  @IsOptional()
  @IsUUID()
  calendarId?: string | null;

  @Field(() => CalendarMode, {
    nullable: true,
    description:
      "Count in the supplier's, the customer's or both calendars; null: as the clocks ran",
  })
  @IsOptional()
  @IsEnum(CalendarMode)
  calendarMode?: CalendarMode | null;
}

@InputType()
export class SimulateSlaPolicyInput {
  @Field(() => ReportFilter, { nullable: true, description: 'The history replayed' })
  @IsOptional()
  @ValidateNested()
  @Type(() => ReportFilter)
  filter?: ReportFilter | null;

  @Field(() => ProposedSlaPolicyInput)
  @ValidateNested()
  @Type(() => ProposedSlaPolicyInput)
  policy: ProposedSlaPolicyInput;
}

@ObjectType('SlaCompliance')
export class SlaComplianceModel {
  @Field(() => Int)
  firstResponseMet: number;

  @Field(() => Int)
  firstResponseBreached: number;

  @Field(() => Int)
  resolutionMet: number;

  @Field(() => Int)
  resolutionBreached: number;

  @Field(() => Float, { nullable: true })
  firstResponseCompliance: number | null;

  @Field(() => Float, { nullable: true })
  resolutionCompliance: number | null;
}

@ObjectType('SlaSimulation')
export class SlaSimulationModel {
  @Field(() => Int, { description: 'Requests replayed' })
  requests: number;

  @Field(() => SlaComplianceModel, { description: 'As it was (the same rules as slaReport)' })
  actual: SlaComplianceModel;

  @Field(() => SlaComplianceModel, {
    description: 'Under the proposed policy (first response only when proposed)',
  })
  simulated: SlaComplianceModel;

  @Field(() => Int, { description: 'Resolutions breached that the proposal would have met' })
  wouldHaveMet: number;

  @Field(() => Int, { description: 'Resolutions met that the proposal would have breached' })
  wouldHaveBreached: number;
}

@Resolver()
export class SlaSimulationResolver {
  constructor(private readonly simulation: SlaSimulationService) {}

  @Query(() => SlaSimulationModel, {
    description:
      'What-if: replays the stored history under a proposed policy beside the compliance it had',
  })
  simulateSlaPolicy(
    @CurrentUser() user: AuthUser,
    @Args('input') input: SimulateSlaPolicyInput,
  ): Promise<SlaSimulationModel> {
    return this.simulation.simulate(user, input.filter ?? {}, input.policy);
  }
}
