import { INestApplicationContext } from '@nestjs/common';
import { DepartmentEntity, OrgChartImportService, Role, UserEntity } from '@intradesk/organization';
import { DataSource } from 'typeorm';
import { UciData } from './uci-log';

// The UCI organisation and its callers (invited accounts, no password), ready for the import.
export async function prepareUciOrganisation(
  app: INestApplicationContext,
  data: UciData,
): Promise<void> {
  const org = await app.get(OrgChartImportService).import(data.orgChartCsv);
  if (org.errors.length)
    throw new Error(`UCI org chart refused: ${JSON.stringify(org.errors.slice(0, 5))}`);
  const dataSource = app.get(DataSource);
  const departments = new Map(
    (await dataSource.getRepository(DepartmentEntity).find()).map((d) => [d.code, d.id]),
  );
  for (let i = 0; i < data.requesters.length; i += 1000) {
    await dataSource
      .createQueryBuilder()
      .insert()
      .into(UserEntity)
      .values(
        data.requesters.slice(i, i + 1000).map((r) => ({
          email: r.email,
          name: r.name,
          passwordHash: null,
          departmentId: departments.get(r.departmentCode)!,
          role: Role.MEMBER,
        })),
      )
      .orIgnore()
      .execute();
  }
}
