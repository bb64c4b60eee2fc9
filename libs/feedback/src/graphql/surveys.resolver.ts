import { Args, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import {
  AuthUser,
  CurrentUser,
  Loaders,
  PageArgs,
  RequestLoaders,
  Roles,
  connectionOf,
  UuidPipe,
} from '@intradesk/core';
import { DepartmentModel, OrganizationLoaderFactory } from '@intradesk/organization';
import { SURVEY_MANAGERS } from '../feedback.policy';
import { SurveyRoundEntity } from '../surveys/survey-round.entity';
import { SurveysService, SurveyTask } from '../surveys/surveys.service';
import {
  AnswerSurveyInput,
  OpenSurveyRoundInput,
  SurveyCustomerResultModel,
  SurveyRoundConnection,
  SurveyRoundModel,
  SurveySupplierResultModel,
  SurveyTaskConnection,
  SurveyTaskModel,
} from './survey.model';

@Resolver(() => SurveyRoundModel)
export class SurveysResolver {
  constructor(private readonly surveys: SurveysService) {}

  @Roles(...SURVEY_MANAGERS)
  @Mutation(() => SurveyRoundModel, {
    description:
      'Opens a pulse survey: each department that filed requests in the period rates each supplier it used',
  })
  async openSurveyRound(
    @CurrentUser() user: AuthUser,
    @Args('input') input: OpenSurveyRoundInput,
  ): Promise<SurveyRoundModel> {
    return this.model(await this.surveys.open(user, input));
  }

  @Roles(...SURVEY_MANAGERS)
  @Mutation(() => SurveyRoundModel, { description: 'Closes a round before its closing date' })
  async closeSurveyRound(
    @Args('id', { type: () => ID }, UuidPipe) id: string,
  ): Promise<SurveyRoundModel> {
    return this.model(await this.surveys.close(id));
  }

  @Query(() => SurveyRoundConnection, {
    description:
      "Survey rounds, newest first: all for operations, otherwise those about the caller's department",
  })
  async surveyRounds(
    @CurrentUser() user: AuthUser,
    @Args() args: PageArgs,
  ): Promise<SurveyRoundConnection> {
    return connectionOf(
      args,
      (size, after) => this.surveys.list(user, size, after),
      (round) => this.model(round),
    );
  }

  @Query(() => SurveyTaskConnection, {
    description:
      "Suppliers the caller's department is asked to rate in open rounds, the soonest closing first",
  })
  async mySurveys(
    @CurrentUser() user: AuthUser,
    @Args() args: PageArgs,
  ): Promise<SurveyTaskConnection> {
    return connectionOf(
      args,
      (size, after) => this.surveys.tasks(user, size, after),
      (task) => this.task(task),
    );
  }

  @Mutation(() => SurveyTaskModel, {
    description: 'Answers (or changes your answer) about one supplier; answers are confidential',
  })
  async answerSurvey(
    @CurrentUser() user: AuthUser,
    @Args('input') input: AnswerSurveyInput,
  ): Promise<SurveyTaskModel> {
    return this.task(await this.surveys.answer(user, input));
  }

  @Query(() => [SurveySupplierResultModel], {
    description:
      "Results of a closed round (leads: their own department's; operations: all); groups below SURVEY_MIN_ANSWERS are suppressed",
  })
  async surveyResults(
    @CurrentUser() user: AuthUser,
    @Args('roundId', { type: () => ID }, UuidPipe) roundId: string,
  ): Promise<SurveySupplierResultModel[]> {
    return (await this.surveys.results(user, roundId)).map((r) => ({
      supplierId: r.supplierId,
      overall: r.overall,
      byCustomer: r.byCustomer.map((c) => ({
        customerId: c.customerId,
        scores: c.scores,
      })),
    }));
  }

  private model(round: SurveyRoundEntity): SurveyRoundModel {
    return SurveyRoundModel.from(round, this.surveys.isOpen(round), this.surveys.minAnswers);
  }

  private task(task: SurveyTask): SurveyTaskModel {
    return {
      round: this.model(task.round),
      supplierId: task.supplierId,
      answered: task.answered,
    };
  }
}

@Resolver(() => SurveyTaskModel)
export class SurveyTaskResolver {
  constructor(private readonly organizationLoaders: OrganizationLoaderFactory) {}

  @ResolveField(() => DepartmentModel)
  supplier(@Parent() task: SurveyTaskModel, @Loaders() loaders: RequestLoaders) {
    return loaders.get(this.organizationLoaders).departmentById.load(task.supplierId);
  }
}

@Resolver(() => SurveySupplierResultModel)
export class SurveySupplierResultResolver {
  constructor(private readonly organizationLoaders: OrganizationLoaderFactory) {}

  @ResolveField(() => DepartmentModel)
  supplier(@Parent() result: SurveySupplierResultModel, @Loaders() loaders: RequestLoaders) {
    return loaders.get(this.organizationLoaders).departmentById.load(result.supplierId);
  }
}

@Resolver(() => SurveyCustomerResultModel)
export class SurveyCustomerResultResolver {
  constructor(private readonly organizationLoaders: OrganizationLoaderFactory) {}

  @ResolveField(() => DepartmentModel)
  customer(@Parent() result: SurveyCustomerResultModel, @Loaders() loaders: RequestLoaders) {
    return loaders.get(this.organizationLoaders).departmentById.load(result.customerId);
  }
}
