import {
  Args,
  Context,
  ID,
  Mutation,
  Parent,
  Query,
  ResolveField,
  Resolver,
} from '@nestjs/graphql';
import {
  AuthUser,
  CurrentUser,
  GraphqlContext,
  Loaders,
  Public,
  RequestLoaders,
  Roles,
  UuidPipe,
} from '@intradesk/core';
import { AuthService } from '../auth/auth.service';
import { UsersService } from '../users/users.service';
import { DepartmentModel } from './department.model';
import { OrganizationLoaderFactory } from './organization.loaders';
import { ChangePasswordInput, CreateUserInput } from './user.inputs';
import { SessionsService } from '../auth/sessions.service';
import { AuthPayload, UserModel } from './user.model';

@Resolver(() => UserModel)
export class UsersResolver {
  constructor(
    private readonly users: UsersService,
    private readonly auth: AuthService,
    private readonly sessions: SessionsService,
    private readonly loaderFactory: OrganizationLoaderFactory,
  ) {}

  @Public()
  @Mutation(() => AuthPayload, {
    description:
      'Signs in; send the token as Authorization: Bearer <token>, or (cookie: true, for browsers) keep it in an HttpOnly session cookie',
  })
  async login(
    @Args('email') email: string,
    @Args('password') password: string,
    @Args('cookie', {
      defaultValue: false,
      description: 'Also set the HttpOnly, SameSite=Strict session cookie',
    })
    cookie: boolean,
    @Context() context: GraphqlContext,
  ): Promise<AuthPayload> {
    const { accessToken, user } = await this.auth.login(email, password);
    if (cookie) context.sessionCookie?.set(accessToken);
    return { accessToken, user: UserModel.from(user) };
  }

  // Public so that a browser whose token has expired can still drop its cookie.
  @Public()
  @Mutation(() => Boolean, {
    description:
      "Clears the browser's session cookie (the token stays valid until it expires; signOutEverywhere ends every token)",
  })
  signOut(@Context() context: GraphqlContext): boolean {
    context.sessionCookie?.clear();
    return true;
  }

  @Mutation(() => AuthPayload, {
    description:
      "Changes the caller's password; every other session ends and a new token is returned",
  })
  async changePassword(
    @CurrentUser() caller: AuthUser,
    @Args('input') input: ChangePasswordInput,
  ): Promise<AuthPayload> {
    const { accessToken, user } = await this.sessions.changePassword(
      caller,
      input.currentPassword,
      input.newPassword,
    );
    return { accessToken, user: UserModel.from(user) };
  }

  @Mutation(() => UserModel, {
    description:
      'Invalidates every token of a user (the caller when userId is omitted; others: admins only)',
  })
  async signOutEverywhere(
    @CurrentUser() caller: AuthUser,
    @Args('userId', { type: () => ID, nullable: true }, UuidPipe)
    userId?: string,
  ): Promise<UserModel> {
    return UserModel.from(await this.sessions.signOutEverywhere(caller, userId ?? caller.id));
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
