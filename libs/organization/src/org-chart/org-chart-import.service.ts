import { randomUUID } from 'node:crypto';
import type { Readable } from 'node:stream';
import { Injectable } from '@nestjs/common';
import { AppConfig, Role, TimeSource } from '@intradesk/core';
import { DataSource, EntityManager, In } from 'typeorm';
import { DepartmentEntity } from '../departments/department.entity';
import { lockOrgTree, rebuildOrgPaths } from '../departments/org-tree.lock';
import { UserEntity } from '../users/user.entity';
import {
  LineError,
  OrgChartRow,
  ParsedOrgChart,
  parseOrgChartCsv,
  parseOrgChartStream,
} from './org-chart-csv';

export interface OrgChartImportResult {
  created: number;
  updated: number;
  // Leads named by lead_email that had no account: created without a password.
  invitedLeads: number;
  errors: LineError[];
}

@Injectable()
export class OrgChartImportService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly config: AppConfig,
    private readonly time: TimeSource,
  ) {}

  // All or nothing: any bad line means no change at all, and every bad line is reported.
  import(csv: string): Promise<OrgChartImportResult> {
    return this.dataSource.transaction((manager) => this.importWithin(manager, csv));
  }

  // A CSV read from a stream (an upload): parsed as it arrives, then applied in one transaction.
  async importStream(
    input: Readable,
    onRecord?: (line: number) => void,
  ): Promise<OrgChartImportResult> {
    const parsed = await parseOrgChartStream(input, onRecord);
    return this.dataSource.transaction((manager) => this.applyParsed(manager, parsed));
  }

  // The same inside a caller's transaction.
  importWithin(manager: EntityManager, csv: string): Promise<OrgChartImportResult> {
    return this.applyParsed(manager, parseOrgChartCsv(csv));
  }

  private async applyParsed(
    manager: EntityManager,
    parsed: ParsedOrgChart,
  ): Promise<OrgChartImportResult> {
    await lockOrgTree(manager);
    const existing = await manager.getRepository(DepartmentEntity).find();
    const leads = await this.resolveLeads(manager, parsed.rows);
    const errors = [
      ...parsed.errors,
      ...this.checkRelations(parsed.rows, existing, parsed.rejectedCodes),
      // A leaver cannot lead: reactivate them first, or name someone else.
      ...parsed.rows
        .filter((row) => row.leadEmail && leads.get(row.leadEmail)?.deactivatedAt)
        .map((row) => ({ line: row.line, message: `lead_email ${row.leadEmail} is deactivated` })),
    ];
    if (errors.length > 0) {
      errors.sort((a, b) => a.line - b.line);
      return { created: 0, updated: 0, invitedLeads: 0, errors };
    }
    return this.apply(manager, parsed.rows, existing, leads);
  }

  private checkRelations(
    rows: OrgChartRow[],
    existing: DepartmentEntity[],
    rejectedCodes: Set<string>,
  ): LineError[] {
    const errors: LineError[] = [];
    const firstLine = new Map<string, number>();
    for (const row of rows) {
      const first = firstLine.get(row.code);
      if (first !== undefined)
        errors.push({
          line: row.line,
          message: `duplicate code ${row.code} (first on line ${first})`,
        });
      else firstLine.set(row.code, row.line);
    }
    // The parent of every code after the import: the file's rows over the stored tree.
    const existingById = new Map(existing.map((d) => [d.id, d]));
    const parentOf = new Map<string, string | null>(
      existing.map((d) => [
        d.code,
        d.parentId ? (existingById.get(d.parentId)?.code ?? null) : null,
      ]),
    );
    for (const row of rows)
      if (firstLine.get(row.code) === row.line) parentOf.set(row.code, row.parentCode);

    const archived = new Set(existing.filter((d) => d.archivedAt).map((d) => d.code));
    for (const row of rows) {
      if (!row.parentCode || rejectedCodes.has(row.parentCode)) continue;
      if (!parentOf.has(row.parentCode)) {
        errors.push({ line: row.line, message: `unknown parent_code ${row.parentCode}` });
      } else if (archived.has(row.parentCode) && !firstLine.has(row.parentCode)) {
        errors.push({ line: row.line, message: `parent_code ${row.parentCode} is archived` });
      } else if (row.parentCode === row.code) {
        errors.push({ line: row.line, message: `cycle: ${row.code} cannot be its own parent` });
      } else {
        const cycle = this.findCycle(row.code, parentOf);
        if (cycle) errors.push({ line: row.line, message: `cycle: ${cycle.join(' -> ')}` });
      }
    }
    return errors;
  }

  private findCycle(start: string, parentOf: Map<string, string | null>): string[] | null {
    const seen = [start];
    let current = parentOf.get(start) ?? null;
    while (current) {
      if (current === start) return [...seen, start];
      if (seen.includes(current)) return null; // a cycle elsewhere; reported on its own lines
      seen.push(current);
      current = parentOf.get(current) ?? null;
    }
    return null;
  }

  private async apply(
    manager: EntityManager,
    rows: OrgChartRow[],
    existing: DepartmentEntity[],
    leads: Map<string, UserEntity>,
  ): Promise<OrgChartImportResult> {
    const repo = manager.getRepository(DepartmentEntity);
    const byCode = new Map(existing.map((d) => [d.code, d]));
    const idOf = (code: string) => byCode.get(code)!.id;
    const created = new Set<string>();
    const updated = new Set<string>();

    // Parents before children, so every parent id exists when a child refers to it.
    for (const row of this.parentsFirst(rows)) {
      const current = byCode.get(row.code);
      const parentId = row.parentCode ? idOf(row.parentCode) : null;
      const parentTimeZone = row.parentCode
        ? byCode.get(row.parentCode)!.timeZone
        : this.config.DEFAULT_TIME_ZONE;
      if (!current) {
        const id = randomUUID();
        const department = repo.create({
          id,
          code: row.code,
          name: row.name,
          parentId,
          level: row.level,
          depth: 0,
          path: [id],
          timeZone: row.timeZone ?? parentTimeZone,
          leadId: null,
          version: 1,
        });
        await repo.insert(department);
        byCode.set(row.code, department);
        created.add(row.code);
        continue;
      }
      const changes: Partial<DepartmentEntity> = {};
      if (current.name !== row.name) changes.name = row.name;
      if (current.parentId !== parentId) changes.parentId = parentId;
      if (current.level !== row.level) changes.level = row.level;
      if (row.timeZone && current.timeZone !== row.timeZone) changes.timeZone = row.timeZone;
      if (Object.keys(changes).length > 0) {
        await this.updateDepartment(manager, current, changes);
        updated.add(row.code);
      }
    }
    await rebuildOrgPaths(manager);

    let invitedLeads = 0;
    for (const row of rows) {
      if (!row.leadEmail) continue;
      const department = byCode.get(row.code)!;
      let lead = leads.get(row.leadEmail);
      if (!lead) {
        lead = manager.getRepository(UserEntity).create({
          email: row.leadEmail,
          name: row.leadEmail.split('@')[0],
          passwordHash: null,
          departmentId: department.id,
          role: Role.LEAD,
        });
        await manager.getRepository(UserEntity).insert(lead);
        leads.set(row.leadEmail, lead);
        invitedLeads++;
      }
      if (department.leadId !== lead.id) {
        await this.updateDepartment(manager, department, { leadId: lead.id });
        if (!created.has(row.code)) updated.add(row.code);
      }
    }
    return { created: created.size, updated: updated.size, invitedLeads, errors: [] };
  }

  private async updateDepartment(
    manager: EntityManager,
    department: DepartmentEntity,
    changes: Partial<DepartmentEntity>,
  ): Promise<void> {
    await manager
      .getRepository(DepartmentEntity)
      .update(
        { id: department.id },
        { ...changes, updatedAt: this.time.now(), version: department.version + 1 },
      );
    Object.assign(department, changes, { version: department.version + 1 });
  }

  private async resolveLeads(
    manager: EntityManager,
    rows: OrgChartRow[],
  ): Promise<Map<string, UserEntity>> {
    const emails = [...new Set(rows.map((r) => r.leadEmail).filter((e): e is string => !!e))];
    if (emails.length === 0) return new Map();
    const users = await manager.getRepository(UserEntity).findBy({ email: In(emails) });
    return new Map(users.map((u) => [u.email, u]));
  }

  private parentsFirst(rows: OrgChartRow[]): OrgChartRow[] {
    const inFile = new Map(rows.map((r) => [r.code, r]));
    const ordered: OrgChartRow[] = [];
    const placed = new Set<string>();
    const place = (row: OrgChartRow) => {
      if (placed.has(row.code)) return;
      placed.add(row.code);
      const parent = row.parentCode ? inFile.get(row.parentCode) : undefined;
      if (parent) place(parent);
      ordered.push(row);
    };
    rows.forEach(place);
    return ordered;
  }
}
