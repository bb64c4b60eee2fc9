import { Injectable, Logger } from '@nestjs/common';
import { isAdministrator, Role, TimeSource } from '@intradesk/core';
import { DataSource, EntityManager, In, IsNull } from 'typeorm';
import { DepartmentEntity } from '../departments/department.entity';
import { normalizeDepartmentCode } from '../departments/department-code';
import { OrganizationException } from '../organization.exception';
import { decoyPasswordHash, hashPassword, verifyPassword } from './password-hasher';
import { UserEntity } from './user.entity';

export interface CreateUserCommand {
  email: string;
  name: string;
  password: string;
  departmentCode: string;
  role: Role;
}

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

@Injectable()
export class UsersService {
  private readonly logger = new Logger(UsersService.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly time: TimeSource,
  ) {}

  private repo(manager: EntityManager = this.dataSource.manager) {
    return manager.getRepository(UserEntity);
  }

  findByIds(ids: readonly string[]): Promise<UserEntity[]> {
    return this.repo().findBy({ id: In([...ids]) });
  }

  membersOf(departmentIds: readonly string[]): Promise<UserEntity[]> {
    return this.repo().find({
      // Leavers stay on their requests and history, not among the department's people.
      where: { departmentId: In([...departmentIds]), deactivatedAt: IsNull() },
      order: { name: 'ASC' },
    });
  }

  async getById(id: string): Promise<UserEntity> {
    const user = await this.repo().findOneBy({ id });
    if (!user) throw OrganizationException.notFound(`No user with id ${id}`);
    return user;
  }

  async create(command: CreateUserCommand): Promise<UserEntity> {
    const email = normalizeEmail(command.email);
    const passwordHash = await hashPassword(command.password);
    return this.dataSource.transaction(async (manager) => {
      const department = await manager
        .getRepository(DepartmentEntity)
        .findOneBy({ code: normalizeDepartmentCode(command.departmentCode) });
      if (!department) {
        throw OrganizationException.badInput(`No department with code ${command.departmentCode}`, [
          'input.departmentCode',
        ]);
      }
      if (department.archivedAt) {
        throw OrganizationException.badInput(`Department ${department.code} is archived`, [
          'input.departmentCode',
        ]);
      }
      if (await this.repo(manager).existsBy({ email })) {
        throw OrganizationException.conflict(`A user with email ${email} already exists`, [
          'input.email',
        ]);
      }
      const user = this.repo(manager).create({
        email,
        name: command.name.trim(),
        passwordHash,
        departmentId: department.id,
        role: command.role,
      });
      try {
        return await this.repo(manager).save(user);
      } catch (error) {
        if ((error as { code?: string }).code === '23505') {
          throw OrganizationException.conflict(`A user with email ${email} already exists`, [
            'input.email',
          ]);
        }
        throw error;
      }
    });
  }

  // Returns the user when the password matches; null otherwise, with the same cost either way.
  async verifyCredentials(email: string, password: string): Promise<UserEntity | null> {
    const user = await this.repo()
      .createQueryBuilder('u')
      .addSelect('u.passwordHash')
      .where('u.email = :email', { email: normalizeEmail(email) })
      .getOne();
    const hash = user?.passwordHash ?? (await decoyPasswordHash());
    const matches = await verifyPassword(hash, password);
    return user?.passwordHash && matches ? user : null;
  }

  // ADMIN_EMAIL / ADMIN_PASSWORD: make sure this administrator exists (its password is set
  // only when the account is created, so a changed password is not reset at every start).
  async ensureAdmin(email: string, password: string): Promise<void> {
    const normalized = normalizeEmail(email);
    const existing = await this.repo().findOneBy({ email: normalized });
    if (existing) {
      if (!isAdministrator(existing)) {
        await this.repo().update(
          { id: existing.id },
          { role: Role.ADMIN, updatedAt: this.time.now() },
        );
        this.logger.log(`ADMIN_EMAIL ${normalized} promoted to ADMIN`);
      }
      // The way back in when every administrator was locked out: it is active again too.
      if (existing.deactivatedAt) {
        await this.repo().update(
          { id: existing.id },
          { deactivatedAt: null, updatedAt: this.time.now() },
        );
        this.logger.log(`ADMIN_EMAIL ${normalized} reactivated`);
      }
      return;
    }
    await this.repo().save(
      this.repo().create({
        email: normalized,
        name: 'Administrator',
        passwordHash: await hashPassword(password),
        departmentId: null,
        role: Role.ADMIN,
      }),
    );
    this.logger.log(`created administrator ${normalized} from ADMIN_EMAIL`);
  }
}
