import { Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Role } from '@intradesk/core';
import { OrgChartImportService } from '../org-chart/org-chart-import.service';
import { DepartmentEntity } from '../departments/department.entity';
import { hashPassword } from '../users/password-hasher';
import { UserEntity } from '../users/user.entity';
import {
  DEMO_DEPARTMENTS,
  DEMO_EMAIL_DOMAIN,
  DEMO_PASSWORD,
  DEMO_TIME_ZONE,
  demoEmail,
} from './demo-organization';

export interface DemoSignIn {
  email: string;
  role: Role;
  department: string | null;
}

export const DEMO_SIGN_INS: DemoSignIn[] = [
  { email: `admin@${DEMO_EMAIL_DOMAIN}`, role: Role.ADMIN, department: 'CO' },
  { email: `ops@${DEMO_EMAIL_DOMAIN}`, role: Role.OPS, department: 'CO' },
  { email: demoEmail('IT', 'lead'), role: Role.LEAD, department: 'IT' },
  { email: demoEmail('IT', 'agent'), role: Role.AGENT, department: 'IT' },
  { email: demoEmail('MKT', 'member'), role: Role.MEMBER, department: 'MKT' },
];

@Injectable()
export class DemoSeedService {
  private readonly logger = new Logger(DemoSeedService.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly orgChart: OrgChartImportService,
  ) {}

  // The demo accounts, when this database holds the demo organisation.
  async existingDemoSignIns(): Promise<DemoSignIn[] | null> {
    const admin = await this.dataSource
      .getRepository(UserEntity)
      .existsBy({ email: DEMO_SIGN_INS[0].email });
    return admin ? DEMO_SIGN_INS : null;
  }

  // Seeds only an empty organisation; returns null when there was something already.
  async seedIfEmpty(): Promise<DemoSignIn[] | null> {
    const passwordHash = await hashPassword(DEMO_PASSWORD);
    return this.dataSource.transaction(async (manager) => {
      const departments = manager.getRepository(DepartmentEntity);
      if ((await departments.count()) > 0) return null;
      const csv = [
        'code,name,parent_code,level,time_zone,lead_email',
        ...DEMO_DEPARTMENTS.map(
          (d) =>
            `${d.code},${d.name},${d.parent ?? ''},,${DEMO_TIME_ZONE},${demoEmail(d.code, 'lead')}`,
        ),
      ].join('\n');
      const result = await this.orgChart.importWithin(manager, csv);
      if (result.errors.length > 0) {
        throw new Error(`demo organisation did not import: ${JSON.stringify(result.errors)}`);
      }

      const users = manager.getRepository(UserEntity);
      // The import invited the leads without a password or a name; give them the demo ones.
      await users.update({ role: Role.LEAD }, { passwordHash });
      await manager.query(
        `UPDATE users u SET name = d.name || ' Lead' FROM departments d WHERE d.lead_id = u.id`,
      );
      const seeded = await departments.find();
      const user = (email: string, name: string, departmentId: string, role: Role) =>
        users.create({ email, name, passwordHash, departmentId, role });
      const extra = seeded.flatMap((d) => [
        user(demoEmail(d.code, 'agent'), `${d.name} Agent`, d.id, Role.AGENT),
        user(demoEmail(d.code, 'member'), `${d.name} Member`, d.id, Role.MEMBER),
      ]);
      const root = seeded.find((d) => d.code === 'CO')!;
      extra.push(
        user(`ops@${DEMO_EMAIL_DOMAIN}`, 'Olivia Ops', root.id, Role.OPS),
        user(`admin@${DEMO_EMAIL_DOMAIN}`, 'Adam Admin', root.id, Role.ADMIN),
      );
      await users.insert(extra);
      this.logger.log(
        `seeded the demo organisation: ${seeded.length} departments, ${extra.length + seeded.length} people`,
      );
      return DEMO_SIGN_INS;
    });
  }
}
