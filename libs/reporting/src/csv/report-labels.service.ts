import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ReportRow } from '../reports/report-row';
import { ReportLabels } from './report-csv';

// Codes and names for the ids in a report, three statements whatever the row count.
@Injectable()
export class ReportLabelsService {
  constructor(private readonly dataSource: DataSource) {}

  async of(rows: ReportRow[]): Promise<ReportLabels> {
    const ids = (pick: (r: ReportRow) => string | null) => [
      ...new Set(rows.map(pick).filter((id): id is string => id !== null)),
    ];
    const departmentIds = ids((r) => r.supplierId).concat(ids((r) => r.customerId));
    const serviceIds = ids((r) => r.serviceId);
    const userIds = ids((r) => r.assigneeId);
    const [departments, services, users] = await Promise.all([
      departmentIds.length
        ? this.dataSource.query(`SELECT id, code, name FROM departments WHERE id = ANY($1)`, [
            departmentIds,
          ])
        : [],
      serviceIds.length
        ? this.dataSource.query(`SELECT id, name FROM services WHERE id = ANY($1)`, [serviceIds])
        : [],
      userIds.length
        ? this.dataSource.query(`SELECT id, email FROM users WHERE id = ANY($1)`, [userIds])
        : [],
    ]);
    return {
      departments: new Map(
        (departments as { id: string; code: string; name: string }[]).map((d) => [d.id, d]),
      ),
      services: new Map((services as { id: string; name: string }[]).map((s) => [s.id, s.name])),
      users: new Map((users as { id: string; email: string }[]).map((u) => [u.id, u.email])),
    };
  }
}
