import { Field, Int, ObjectType } from '@nestjs/graphql';
import { RelationshipType } from '@intradesk/organization';
import { SlaPolicyModel } from '@intradesk/sla';
import { SlaPreview } from '../requests/request-filing.service';

@ObjectType('SlaPreview', {
  description:
    "What filing now from the caller's department would give: the relationship type and the OLA targets and due times; null targets when no policy applies",
})
export class SlaPreviewModel {
  @Field(() => RelationshipType)
  relationshipType: RelationshipType;

  @Field()
  explanation: string;

  @Field(() => SlaPolicyModel, { nullable: true })
  policy: SlaPolicyModel | null;

  @Field(() => Int, { nullable: true, description: 'Business minutes' })
  firstResponseMinutes: number | null;

  @Field(() => Int, { nullable: true, description: 'Business minutes' })
  resolutionMinutes: number | null;

  @Field(() => Date, { nullable: true, description: 'As if filed now' })
  firstResponseDueAt: Date | null;

  @Field(() => Date, { nullable: true, description: 'As if filed now' })
  resolutionDueAt: Date | null;

  static from(preview: SlaPreview): SlaPreviewModel {
    const sla = preview.sla;
    return Object.assign(new SlaPreviewModel(), {
      relationshipType: preview.relationshipType,
      explanation: preview.explanation,
      policy: sla ? SlaPolicyModel.from(sla.policy) : null,
      firstResponseMinutes: sla?.policy.firstResponseMinutes ?? null,
      resolutionMinutes: sla?.policy.resolutionMinutes ?? null,
      firstResponseDueAt: sla?.firstResponseDueAt ?? null,
      resolutionDueAt: sla?.resolutionDueAt ?? null,
    });
  }
}
