import { Module } from '@nestjs/common';
import { createSecretKey } from 'node:crypto';
import { JwtModule } from '@nestjs/jwt';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AppConfig } from '@intradesk/core';
import { AuthService } from './auth/auth.service';
import { DemoSeedService } from './demo/demo-seed.service';
import { DepartmentEntity } from './departments/department.entity';
import { DepartmentsService } from './departments/departments.service';
import { OrgChartImportService } from './org-chart/org-chart-import.service';
import { UserEntity } from './users/user.entity';
import { UsersService } from './users/users.service';

export const organizationEntities = [DepartmentEntity, UserEntity];

@Module({
  imports: [
    TypeOrmModule.forFeature(organizationEntities),
    JwtModule.registerAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => ({
        // A key object, made once: a plain string is re-parsed into a key on every verify.
        secret: createSecretKey(Buffer.from(config.JWT_SECRET ?? '')) as unknown as string,
        signOptions: { algorithm: 'HS256', expiresIn: config.JWT_EXPIRES_IN as `${number}h` },
        verifyOptions: { algorithms: ['HS256'] },
      }),
    }),
  ],
  providers: [
    DepartmentsService,
    UsersService,
    AuthService,
    OrgChartImportService,
    DemoSeedService,
  ],
  exports: [DepartmentsService, UsersService, AuthService, OrgChartImportService, DemoSeedService],
})
export class OrganizationModule {}
