import { Field, Int, ObjectType } from '@nestjs/graphql';
import { SlaClockKind } from '@intradesk/sla';
import { RequestModel } from './request.model';

@ObjectType('AgentWorkload', { description: "One person's share of a supplier queue" })
export class AgentWorkloadModel {
  userId: string;

  @Field(() => Int, { description: 'Open requests assigned to them' })
  open: number;

  @Field(() => Int, { description: 'Of those, not breached with a clock due within the window' })
  atRisk: number;

  @Field(() => Int, { description: 'Of those, with a breached clock' })
  breached: number;
}

@ObjectType('DepartmentQueueHealth', {
  description: "A supplier department's open requests at a glance",
})
export class DepartmentQueueHealthModel {
  departmentId: string;

  @Field(() => Int, { description: 'The window of "at risk", in minutes from now' })
  withinMinutes: number;

  @Field(() => Int, { description: 'Not resolved, closed or cancelled' })
  open: number;

  @Field(() => Int, { description: 'Open and assigned to nobody' })
  unassigned: number;

  @Field(() => Int, {
    description: 'Open, not breached, with a running clock due within the window',
  })
  atRisk: number;

  @Field(() => Int, {
    description: 'Open with a breached clock (or one running past its due time)',
  })
  breached: number;

  @Field(() => [AgentWorkloadModel], {
    description:
      "The department's agents and leads (and anyone else holding its requests), busiest first",
  })
  workload: AgentWorkloadModel[];
}

@ObjectType('Escalation', { description: 'An SLA escalation a department lead received' })
export class EscalationModel {
  @Field(() => SlaClockKind)
  clockKind: SlaClockKind;

  @Field(() => Int, {
    description: '1 the assignee (or the lead), 2 the supplier lead, 3 the lead above both sides',
  })
  rung: number;

  recipientId: string | null;

  @Field({ description: 'When the rung was due' })
  occurredAt: Date;

  @Field(() => RequestModel)
  request: RequestModel;
}
