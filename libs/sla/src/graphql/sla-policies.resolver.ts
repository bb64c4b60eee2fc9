import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { AuthUser, CurrentUser, UuidPipe } from '@intradesk/core';
import { PoliciesService } from '../policies/policies.service';
import { CreateSlaPolicyInput, UpdateSlaPolicyInput } from './sla-policy.inputs';
import { SlaPolicyModel } from './sla-policy.model';

@Resolver(() => SlaPolicyModel)
export class SlaPoliciesResolver {
  constructor(private readonly policies: PoliciesService) {}

  @Query(() => [SlaPolicyModel], {
    description: 'Active policies: of one supplier (and the organisation-wide ones), or all',
  })
  async slaPolicies(
    @Args('supplierId', { type: () => ID, nullable: true }, UuidPipe) supplierId?: string,
  ): Promise<SlaPolicyModel[]> {
    return (await this.policies.list(supplierId)).map(SlaPolicyModel.from);
  }

  @Mutation(() => SlaPolicyModel, {
    description: 'Team leads for their department; operations for any',
  })
  async createSlaPolicy(
    @CurrentUser() user: AuthUser,
    @Args('input') input: CreateSlaPolicyInput,
  ): Promise<SlaPolicyModel> {
    return SlaPolicyModel.from(await this.policies.create(user, input));
  }

  @Mutation(() => SlaPolicyModel, {
    description: 'New targets apply to the running clocks under the policy',
  })
  async updateSlaPolicy(
    @CurrentUser() user: AuthUser,
    @Args('input') input: UpdateSlaPolicyInput,
  ): Promise<SlaPolicyModel> {
    const { id, ...changes } = input;
    return SlaPolicyModel.from(await this.policies.updateTargets(user, id, changes));
  }
}
