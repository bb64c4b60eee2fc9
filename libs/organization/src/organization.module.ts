import { Module } from '@nestjs/common';
import { createSecretKey } from 'node:crypto';
import { JwtModule } from '@nestjs/jwt';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AppConfig } from '@intradesk/core';
import { AuthService } from './auth/auth.service';
import { PasswordResetLinkEntity } from './auth/password-reset-link.entity';
import { PasswordResetService } from './auth/password-reset.service';
import { SessionsService } from './auth/sessions.service';
import { SignInAttemptEntity } from './auth/sign-in-attempt.entity';
import { SignInThrottle } from './auth/sign-in-throttle.service';
import { DemoSeedService } from './demo/demo-seed.service';
import { DepartmentEntity } from './departments/department.entity';
import { DepartmentsService } from './departments/departments.service';
import { OrgChartImportService } from './org-chart/org-chart-import.service';
import { UserEntity } from './users/user.entity';
import { PeopleAdminService } from './users/people-admin.service';
import { UsersService } from './users/users.service';

// JWT_EXPIRES_IN "3600" means seconds (jsonwebtoken would read a bare numeric string as ms).
function tokenLifetime(value: string): number | `${number}${'s' | 'm' | 'h' | 'd'}` {
  return /^\d+$/.test(value) ? Number(value) : (value as `${number}h`);
}

export const organizationEntities = [
  DepartmentEntity,
  UserEntity,
  SignInAttemptEntity,
  PasswordResetLinkEntity,
];

@Module({
  imports: [
    TypeOrmModule.forFeature(organizationEntities),
    JwtModule.registerAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => ({
        // A key object, made once: a plain string is re-parsed into a key on every verify.
        secret: createSecretKey(Buffer.from(config.JWT_SECRET ?? '')) as unknown as string,
        signOptions: { algorithm: 'HS256', expiresIn: tokenLifetime(config.JWT_EXPIRES_IN) },
        verifyOptions: { algorithms: ['HS256'] },
      }),
    }),
  ],
  providers: [
    DepartmentsService,
    UsersService,
    AuthService,
    SessionsService,
    PasswordResetService,
    PeopleAdminService,
    SignInThrottle,
    OrgChartImportService,
    DemoSeedService,
  ],
  exports: [
    DepartmentsService,
    UsersService,
    AuthService,
    SessionsService,
    PasswordResetService,
    PeopleAdminService,
    SignInThrottle,
    OrgChartImportService,
    DemoSeedService,
  ],
})
export class OrganizationModule {}
