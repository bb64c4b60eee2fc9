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
  connectionOf,
  UuidPipe,
} from '@intradesk/core';
import { PasswordResetService } from '../auth/password-reset.service';
import { PeopleAdminService } from '../users/people-admin.service';
import { AuthService } from '../auth/auth.service';
import { UsersService } from '../users/users.service';
import { DepartmentModel } from './department.model';
import { OrganizationLoaderFactory } from './organization.loaders';
import {
  ChangePasswordInput,
  CreateUserInput,
  SetPasswordWithTokenArgs,
  UpdateUserInput,
  UsersArgs,
} from './user.inputs';
import { SessionsService } from '../auth/sessions.service';
import { AuthPayload, PasswordResetLinkModel, UserConnection, UserModel } from './user.model';
import { ORGANIZATION_ADMINISTRATORS, PEOPLE_READERS } from '../organization.policy';

@Resolver(() => UserModel)
export class UsersResolver {
  constructor(
    private readonly users: UsersService,
    private readonly auth: AuthService,
    private readonly sessions: SessionsService,
    private readonly loaderFactory: OrganizationLoaderFactory,
    private readonly people: PeopleAdminService,
    private readonly resets: PasswordResetService,
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

  @Roles(...ORGANIZATION_ADMINISTRATORS)
  @Mutation(() => UserModel)
  async createUser(@Args('input') input: CreateUserInput): Promise<UserModel> {
    return UserModel.from(await this.users.create(input));
  }

  @Roles(...PEOPLE_READERS)
  @Query(() => UserConnection, {
    name: 'users',
    description:
      'People of the organisation by name (administrators; operations read-only); deactivated ones only with includeDeactivated',
  })
  async userList(@Args() args: UsersArgs): Promise<UserConnection> {
    return connectionOf(args, (size, after) => this.people.page(args, size, after), UserModel.from);
  }

  @Roles(...ORGANIZATION_ADMINISTRATORS)
  @Mutation(() => UserModel, {
    description:
      "Changes a user's name, role or department; the last active administrator cannot be demoted (CONFLICT, LAST_ADMIN)",
  })
  async updateUser(@Args('input') input: UpdateUserInput): Promise<UserModel> {
    return UserModel.from(await this.people.update(input));
  }

  @Roles(...ORGANIZATION_ADMINISTRATORS)
  @Mutation(() => UserModel, {
    description:
      'Deactivates a leaver: every token ends at once and sign-in is refused; their requests and history stay. Not the last active administrator (CONFLICT, LAST_ADMIN)',
  })
  async deactivateUser(@Args('id', { type: () => ID }, UuidPipe) id: string): Promise<UserModel> {
    return UserModel.from(await this.people.deactivate(id));
  }

  @Roles(...ORGANIZATION_ADMINISTRATORS)
  @Mutation(() => UserModel, { description: 'Lets a deactivated user sign in again' })
  async reactivateUser(@Args('id', { type: () => ID }, UuidPipe) id: string): Promise<UserModel> {
    return UserModel.from(await this.people.reactivate(id));
  }

  @Roles(...ORGANIZATION_ADMINISTRATORS)
  @Mutation(() => PasswordResetLinkModel, {
    description:
      'A one-time link (valid 72 h) with which the user sets a password; replaces any earlier link. Shown once',
  })
  async createPasswordResetLink(
    @CurrentUser() caller: AuthUser,
    @Args('userId', { type: () => ID }, UuidPipe) userId: string,
  ): Promise<PasswordResetLinkModel> {
    const link = await this.resets.createLink(caller.id, userId);
    return { path: link.path, expiresAt: link.expiresAt, user: UserModel.from(link.user) };
  }

  @Public()
  @Mutation(() => AuthPayload, {
    description:
      'Sets a password with a one-time link, ends every other session and signs in (cookie: true sets the session cookie, as login)',
  })
  async setPasswordWithToken(
    @Args() args: SetPasswordWithTokenArgs,
    @Context() context: GraphqlContext,
  ): Promise<AuthPayload> {
    const { accessToken, user } = await this.resets.setPassword(args.token, args.password);
    if (args.cookie) context.sessionCookie?.set(accessToken);
    return { accessToken, user: UserModel.from(user) };
  }

  @ResolveField(() => DepartmentModel, { nullable: true })
  department(@Parent() user: UserModel, @Loaders() loaders: RequestLoaders) {
    if (!user.departmentId) return null;
    return loaders.get(this.loaderFactory).departmentById.load(user.departmentId);
  }
}
