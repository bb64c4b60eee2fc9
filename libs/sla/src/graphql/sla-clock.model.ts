import { Field, Int, ObjectType } from '@nestjs/graphql';
import { ClockView } from '../clocks/clock-view';
import { SlaClockEntity } from '../clocks/sla-clock.entity';
import { SlaClockKind, SlaClockState } from './sla.enums';
import { SlaPolicyModel } from './sla-policy.model';

@ObjectType('SlaClock')
export class SlaClockModel {
  @Field(() => SlaClockKind)
  kind: SlaClockKind;

  @Field(() => SlaClockState)
  state: SlaClockState;

  @Field(() => Int, { description: 'Business minutes' })
  targetMinutes: number;

  @Field(() => Int)
  elapsedMinutes: number;

  @Field(() => Int, { description: 'Negative once breached: minutes over the target' })
  remainingMinutes: number;

  @Field(() => Date, {
    nullable: true,
    description: 'When a running clock reaches its target; null while paused or stopped',
  })
  dueAt: Date | null;

  @Field(() => Date, { nullable: true })
  breachedAt: Date | null;

  @Field({
    description:
      'Counting at this moment: false while paused or stopped, and while its calendar is outside working hours',
  })
  countingNow: boolean;

  @Field()
  startedAt: Date;

  @Field(() => Date, { nullable: true })
  stoppedAt: Date | null;

  static from(entity: SlaClockEntity, view: ClockView): SlaClockModel {
    return Object.assign(new SlaClockModel(), view, {
      kind: entity.kind,
      startedAt: entity.startedAt,
      stoppedAt: entity.stoppedAt,
    });
  }
}

@ObjectType('RequestSla')
export class RequestSlaModel {
  @Field(() => SlaClockModel)
  firstResponse: SlaClockModel;

  @Field(() => SlaClockModel)
  resolution: SlaClockModel;

  @Field(() => SlaPolicyModel, { description: 'The policy that applied' })
  policy: SlaPolicyModel;
}
