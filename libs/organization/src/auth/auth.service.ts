import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { AuthUser } from '@intradesk/core';
import { DataSource } from 'typeorm';
import { OrganizationException } from '../organization.exception';
import { UserEntity } from '../users/user.entity';
import { UsersService } from '../users/users.service';

interface TokenPayload {
  sub: string;
  // Token version: bumping the user's invalidates every older token.
  tv: number;
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

@Injectable()
export class AuthService {
  constructor(
    private readonly users: UsersService,
    private readonly jwt: JwtService,
    private readonly dataSource: DataSource,
  ) {}

  async login(email: string, password: string): Promise<{ accessToken: string; user: UserEntity }> {
    const user = await this.users.verifyCredentials(email, password);
    if (!user) throw OrganizationException.unauthenticated('Wrong email or password');
    const payload: TokenPayload = { sub: user.id, tv: user.tokenVersion };
    return { accessToken: await this.jwt.signAsync(payload), user };
  }

  // Resolves a bearer token to its user, or explains why it is not valid.
  async authenticate(token: string): Promise<{ user: AuthUser } | { error: string }> {
    let payload: TokenPayload;
    try {
      payload = await this.jwt.verifyAsync<TokenPayload>(token);
    } catch (error) {
      const expired = (error as Error).name === 'TokenExpiredError';
      return {
        error: expired
          ? 'The access token has expired; sign in again'
          : 'The access token is not valid',
      };
    }
    const user = await this.dataSource.getRepository(UserEntity).findOneBy({ id: payload.sub });
    if (!user || user.tokenVersion !== payload.tv) {
      return { error: 'The access token is no longer valid; sign in again' };
    }
    return { user: toAuthUser(user) };
  }
}
