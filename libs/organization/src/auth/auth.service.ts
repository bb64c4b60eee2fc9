import { Injectable, OnModuleInit } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { AuthUser, TimeSource, ErrorReason, secondsUntilExpiry } from '@intradesk/core';
import { PgNotifications } from '@intradesk/db';
import { DataSource, EntityManager } from 'typeorm';
import { OrganizationException } from '../organization.exception';
import { UserEntity } from '../users/user.entity';
import { normalizeEmail, UsersService } from '../users/users.service';
import { SignInThrottle } from './sign-in-throttle.service';

interface TokenPayload {
  sub: string;
  // Token version: bumping the user's invalidates every older token.
  tv: number;
  iat?: number;
}

export function toAuthUser(user: UserEntity): AuthUser {
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    role: user.role,
    departmentId: user.departmentId,
  };
}

const USER_CHANGED = 'user_changed';
// The longest email and password an account can have (users.email, CreateUserInput.password).
const MAX_EMAIL_LENGTH = 320;
const MAX_PASSWORD_LENGTH = 200;
// Signed-in users are kept briefly per process; a change announced with userChanged() drops them
// everywhere at once, and none is older than this should a notification be missed.
const USER_CACHE_MS = 10_000;
const USER_CACHE_SIZE = 10_000;

@Injectable()
export class AuthService implements OnModuleInit {
  private readonly signedIn = new Map<string, { user: UserEntity; at: number }>();
  private readonly changeListeners = new Set<(userId: string) => void>();

  constructor(
    private readonly users: UsersService,
    private readonly jwt: JwtService,
    private readonly dataSource: DataSource,
    private readonly notifications: PgNotifications,
    private readonly signInThrottle: SignInThrottle,
    private readonly time: TimeSource,
  ) {}

  async onModuleInit(): Promise<void> {
    await this.notifications.subscribe(USER_CHANGED, (payload) => {
      const userId = String((payload as { userId?: string }).userId);
      this.signedIn.delete(userId);
      for (const listener of this.changeListeners) listener(userId);
    });
  }

  // Called in every process once a change announced with userChanged() has committed (open
  // WebSockets check their token again with it).
  onUserChanged(listener: (userId: string) => void): () => void {
    this.changeListeners.add(listener);
    return () => this.changeListeners.delete(listener);
  }

  // In the transaction that changes a user's role, department, password or token version:
  // every process forgets its copy when it commits.
  async userChanged(manager: EntityManager, userId: string): Promise<void> {
    await manager.query('SELECT pg_notify($1, $2)', [USER_CHANGED, JSON.stringify({ userId })]);
    this.signedIn.delete(userId);
  }

  private async findSignedIn(id: string): Promise<UserEntity | null> {
    const cached = this.signedIn.get(id);
    const now = this.time.now().getTime();
    if (cached && now >= cached.at && now - cached.at < USER_CACHE_MS) return cached.user;
    const user = await this.dataSource.getRepository(UserEntity).findOneBy({ id });
    if (user) {
      if (this.signedIn.size >= USER_CACHE_SIZE) this.signedIn.clear();
      this.signedIn.set(id, { user, at: now });
    }
    return user;
  }

  async login(email: string, password: string): Promise<{ accessToken: string; user: UserEntity }> {
    // No account has such an email or password: refused before any lookup or hashing.
    if (email.length > MAX_EMAIL_LENGTH || password.length > MAX_PASSWORD_LENGTH) {
      throw OrganizationException.unauthenticated('Wrong email or password');
    }
    const account = normalizeEmail(email);
    await this.signInThrottle.countAttempt(account);
    const user = await this.users.verifyCredentials(account, password);
    if (!user) throw OrganizationException.unauthenticated('Wrong email or password');
    // Said only to whoever knows the password, so it reveals nothing to a guesser.
    if (user.deactivatedAt) {
      throw OrganizationException.unauthenticated(
        'This account has been deactivated; ask an administrator',
      ).because(ErrorReason.USER_DEACTIVATED);
    }
    await this.signInThrottle.succeeded(account);
    return { accessToken: await this.issueToken(user), user };
  }

  // A token for the user's current token version: bumping it (password change, sign out
  // everywhere) invalidates every token issued before.
  // Issued and checked at the time source's time (jsonwebtoken's own default is the wall clock).
  issueToken(user: Pick<UserEntity, 'id' | 'tokenVersion'>): Promise<string> {
    const payload: TokenPayload = { sub: user.id, tv: user.tokenVersion, iat: this.epochSeconds() };
    return this.jwt.signAsync(payload);
  }

  // What is left of a token's life at the time source's time (a session cookie expires with it).
  secondsUntilExpiry(token: string): number | undefined {
    return secondsUntilExpiry(token, this.time.now().getTime());
  }

  private epochSeconds(): number {
    return Math.floor(this.time.now().getTime() / 1000);
  }

  // Resolves a bearer token to its user, or explains why it is not valid.
  async authenticate(token: string): Promise<{ user: AuthUser } | { error: string }> {
    let payload: TokenPayload;
    try {
      payload = await this.jwt.verifyAsync<TokenPayload>(token, {
        clockTimestamp: this.epochSeconds(),
      });
    } catch (error) {
      const expired = (error as Error).name === 'TokenExpiredError';
      return {
        error: expired
          ? 'The access token has expired; sign in again'
          : 'The access token is not valid',
      };
    }
    const user = await this.findSignedIn(payload.sub);
    if (user?.deactivatedAt) {
      return { error: 'This account has been deactivated; ask an administrator' };
    }
    if (!user || user.tokenVersion !== payload.tv) {
      return { error: 'The access token is no longer valid; sign in again' };
    }
    return { user: toAuthUser(user) };
  }
}
