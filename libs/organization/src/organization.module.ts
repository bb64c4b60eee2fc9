import { Module } from '@nestjs/common';
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
        secret: config.JWT_SECRET,
        signOptions: { expiresIn: config.JWT_EXPIRES_IN as `${number}h` },
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
