import { Field, ObjectType } from '@nestjs/graphql';
import { SlaClockModel } from '@intradesk/sla';
import { RequestModel } from './request.model';

@ObjectType('AtRiskClock', { description: 'A running SLA clock due soon or already breached' })
export class AtRiskClockModel {
  @Field(() => SlaClockModel)
  clock: SlaClockModel;

  @Field(() => RequestModel)
  request: RequestModel;
}
