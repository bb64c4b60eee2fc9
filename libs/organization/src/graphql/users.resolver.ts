import { Args, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { AuthUser, CurrentUser, Loaders, Public, RequestLoaders, Roles } from '@intradesk/core';
import { AuthService } from '../auth/auth.service';
import { UsersService } from '../users/users.service';
import { DepartmentModel } from './department.model';
import { OrganizationLoaderFactory } from './organization.loaders';
import { CreateUserInput } from './user.inputs';
import { AuthPayload, UserModel } from './user.model';

@Resolver(() => UserModel)
export class UsersResolver {
  constructor(
    private readonly users: UsersService,
    private readonly auth: AuthService,
    private readonly loaderFactory: OrganizationLoaderFactory,
  ) {}

  @Public()
  @Mutation(() => AuthPayload, {
    description: 'Signs in; send the token as Authorization: Bearer <token>',
  })
  async login(
    @Args('email') email: string,
    @Args('password') password: string,
  ): Promise<AuthPayload> {
    const { accessToken, user } = await this.auth.login(email, password);
    return { accessToken, user: UserModel.from(user) };
  }

  @Query(() => UserModel, { description: 'The signed-in user' })
  async me(@CurrentUser() user: AuthUser): Promise<UserModel> {
    return UserModel.from(await this.users.getById(user.id));
  }

  @Roles('ADMIN')
  @Mutation(() => UserModel)
  async createUser(@Args('input') input: CreateUserInput): Promise<UserModel> {
    return UserModel.from(await this.users.create(input));
  }

  @ResolveField(() => DepartmentModel, { nullable: true })
  department(@Parent() user: UserModel, @Loaders() loaders: RequestLoaders) {
    if (!user.departmentId) return null;
    return loaders.get(this.loaderFactory).departmentById.load(user.departmentId);
  }
}
