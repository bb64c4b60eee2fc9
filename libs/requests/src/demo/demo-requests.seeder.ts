import { Injectable, Logger } from '@nestjs/common';
import { CatalogService } from '@intradesk/catalog';
import { AppConfig, AuthUser, TimeSource } from '@intradesk/core';
import { NewNotification, NotificationsService } from '@intradesk/notifications';
import {
  classifyRelationship,
  DEMO_EMAIL_DOMAIN,
  DEMO_SIGN_INS,
  DEMO_TIME_ZONE,
  DepartmentEntity,
  DepartmentsService,
  demoEmail,
  Role,
  toAuthUser,
  UserEntity,
} from '@intradesk/organization';
import {
  BusinessCalendarEntity,
  CalendarsService,
  PoliciesService,
  selectPolicy,
  SlaPolicyEntity,
  WEEKDAYS,
} from '@intradesk/sla';
import { DataSource, EntityManager } from 'typeorm';
import { RequestImportService } from '../import/request-import.service';
import { RequestEntity } from '../requests/request.entity';
import { DemoHistoryRequest, DemoPeople, DemoTargets, generateDemoHistory } from './demo-history';
import {
  DEMO_CALENDARS,
  DEMO_COLLEAGUES,
  DEMO_POLICIES,
  DEMO_SERVICES,
  DEMO_STORIES,
  ENGLAND_BANK_HOLIDAYS,
  SHIFT_DEPARTMENTS,
} from './demo-requests';

const DAY_MS = 86_400_000;
// About four months of history before "now".
const HISTORY_DAYS = 122;

// Fills the demo organisation with a desk that has lived for months: a catalogue, calendars and
// OLAs, colleagues, and a generated history (plus scripted stories) loaded through the request
// import, so every clock is replayed by the live rules. What the import does not carry here
// (assignees, who moved what, ratings, kudos, quality ratings, rating invitations) is added
// after it, in one transaction.
@Injectable()
export class DemoRequestsSeeder {
  private readonly logger = new Logger(DemoRequestsSeeder.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly catalog: CatalogService,
    private readonly calendars: CalendarsService,
    private readonly policies: PoliciesService,
    private readonly departmentsService: DepartmentsService,
    private readonly importer: RequestImportService,
    private readonly notifications: NotificationsService,
    private readonly time: TimeSource,
    private readonly config: AppConfig,
  ) {}

  // `history: false` leaves out the months of generated traffic (the catalogue, service levels,
  // colleagues and stories stay): for tests that want a small desk.
  async seedIfEmpty(options: { history?: boolean } = {}): Promise<number> {
    const days = options.history === false ? 0 : HISTORY_DAYS;
    if ((await this.dataSource.getRepository(RequestEntity).count()) > 0) return 0;
    const started = Date.now();
    const now = this.time.now();
    const users = new Map(
      (await this.dataSource.getRepository(UserEntity).find()).map((u) => [u.email, toAuthUser(u)]),
    );
    const admin = users.get(DEMO_SIGN_INS[0].email)!;
    let departments = await this.departmentMap();
    await this.seedColleagues(departments);
    const services = new Map<string, string>();
    for (const s of DEMO_SERVICES) {
      const created = await this.catalog.create(admin, {
        supplierId: departments.get(s.supplier)!.id,
        name: s.name,
        description: s.description,
        defaultPriority: s.priority,
      });
      services.set(`${s.supplier}/${s.name}`, created.id);
    }
    await this.seedServiceLevels(admin, departments, services);
    departments = await this.departmentMap();

    const history = generateDemoHistory({
      now,
      days,
      timeZone: DEMO_TIME_ZONE,
      holidays: ENGLAND_BANK_HOLIDAYS,
      people: await this.people(departments),
      storyRequester: (code) => demoEmail(code, 'member'),
      storyAgent: (code) => demoEmail(code, 'agent'),
      ...(await this.workingTimes(departments, services)),
      autoCloseHours: this.config.REQUEST_AUTO_CLOSE_HOURS,
      reopenWindowHours: this.config.REQUEST_REOPEN_WINDOW_HOURS,
      ratingWindowDays: this.config.RATING_WINDOW_DAYS,
      stories: DEMO_STORIES,
    });
    const generated = Date.now();
    // Ratings are stored after the import: the ratings lib registers the import's ratings store
    // when the application initialises, and the demo is seeded before that.
    const result = await this.importer.import(
      admin,
      history
        .map((h) =>
          JSON.stringify({ ...h.line, events: h.line.events.filter((e) => e.type !== 'RATING') }),
        )
        .join('\n'),
    );
    if (result.errors.length > 0) {
      throw new Error(
        `the demo history did not import: ${JSON.stringify(result.errors.slice(0, 5))}`,
      );
    }
    const imported = Date.now();
    const extras = await this.dataSource.transaction((manager) =>
      this.afterImport(manager, history, now),
    );
    const seconds = (ms: number) => (ms / 1000).toFixed(1);
    this.logger.log(
      `seeded the demo desk in ${seconds(Date.now() - started)} s: ${DEMO_SERVICES.length} services, ` +
        `${result.imported} requests over ${days} days (${DEMO_STORIES.length} scripted), ` +
        `${extras.ratings} ratings, ${extras.kudos} kudos ` +
        `(set up and generated in ${seconds(generated - started)} s, imported in ${seconds(imported - generated)} s, ` +
        `the rest in ${seconds(Date.now() - imported)} s)`,
    );
    return result.imported;
  }

  private async departmentMap(): Promise<Map<string, DepartmentEntity>> {
    return new Map(
      (await this.dataSource.getRepository(DepartmentEntity).find()).map((d) => [d.code, d]),
    );
  }

  // More people than the three demo accounts per department, with the demo password.
  private async seedColleagues(departments: Map<string, DepartmentEntity>): Promise<void> {
    const [{ hash }] = await this.dataSource.query(
      'SELECT password_hash AS hash FROM users WHERE email = $1',
      [demoEmail('MKT', 'member')],
    );
    await this.dataSource
      .createQueryBuilder()
      .insert()
      .into(UserEntity)
      .values(
        DEMO_COLLEAGUES.map((c) => ({
          email: `${c.name.toLowerCase().replace(/[^a-z]+/g, '.')}@${DEMO_EMAIL_DOMAIN}`,
          name: c.name,
          passwordHash: hash,
          departmentId: departments.get(c.department)!.id,
          role: c.role,
        })),
      )
      .orIgnore()
      .execute();
  }

  // Who files and who works each department's requests, weighted.
  private async people(
    departments: Map<string, DepartmentEntity>,
  ): Promise<Record<string, DemoPeople>> {
    const byDepartment = new Map<string, UserEntity[]>();
    for (const user of await this.dataSource.getRepository(UserEntity).find()) {
      if (!user.departmentId || user.role === Role.ADMIN || user.role === Role.OPS) continue;
      byDepartment.set(user.departmentId, [...(byDepartment.get(user.departmentId) ?? []), user]);
    }
    const people: Record<string, DemoPeople> = {};
    for (const [code, department] of departments) {
      const members = byDepartment.get(department.id) ?? [];
      const demo = (who: 'lead' | 'agent' | 'member') => demoEmail(code, who);
      const weightAsRequester = (u: UserEntity) =>
        u.email === demo('member')
          ? 4
          : u.role === Role.MEMBER
            ? 2
            : u.role === Role.LEAD
              ? 1
              : 0.5;
      const weightAsWorker = (u: UserEntity) =>
        u.email === demo('agent') ? 3 : u.role === Role.AGENT ? 2 : 1;
      people[code] = {
        requesters: members.map((u) => [u.email, weightAsRequester(u)]),
        workers: members
          .filter((u) => u.role === Role.AGENT || u.role === Role.LEAD)
          .map((u) => [u.email, weightAsWorker(u)]),
      };
    }
    return people;
  }

  // The targets and working time of a request as the clocks will pick them (the most specific
  // policy; its calendar, else the supplier's, else the default), for the generator.
  private async workingTimes(
    departments: Map<string, DepartmentEntity>,
    services: Map<string, string>,
  ): Promise<{
    targets: (t: {
      supplier: string;
      customer: string;
      service: string | null;
      priority: string;
    }) => DemoTargets;
    workingTimeOf: (code: string) => ReturnType<CalendarsService['math']>;
  }> {
    const policies: SlaPolicyEntity[] = await this.policies.list();
    const calendars = new Map<string, BusinessCalendarEntity>(
      (await this.calendars.list()).map((c) => [c.id, c]),
    );
    const fallback = (await this.calendars.getDefault())!;
    const mathOf = (id: string | null) => this.calendars.math(calendars.get(id ?? fallback.id)!);
    const position = (d: DepartmentEntity) => ({
      id: d.id,
      code: d.code,
      path: d.path,
      level: d.effectiveLevel,
    });
    return {
      targets: ({ supplier, customer, service, priority }) => {
        const s = departments.get(supplier)!;
        const c = departments.get(customer)!;
        const policy = selectPolicy(policies, {
          supplierId: s.id,
          serviceId: service ? (services.get(`${supplier}/${service}`) ?? null) : null,
          customerId: c.id,
          relationshipType: classifyRelationship(position(c), position(s)).type,
          priority,
        })!;
        return {
          firstResponseMinutes: policy.firstResponseMinutes,
          resolutionMinutes: policy.resolutionMinutes,
          calendar: mathOf(policy.calendarId ?? s.calendarId),
        };
      },
      workingTimeOf: (code) => mathOf(departments.get(code)!.calendarId),
    };
  }

  // London office hours as the default, warehouse shifts for the shift departments, a 24x7
  // calendar for urgent IT work, and the OLAs of DEMO_POLICIES.
  private async seedServiceLevels(
    admin: AuthUser,
    departments: Map<string, DepartmentEntity>,
    services: Map<string, string>,
  ): Promise<void> {
    const office = await this.calendars.ensureDefault();
    await this.calendars.update(office.id, {
      ...DEMO_CALENDARS.office,
      timeZone: DEMO_TIME_ZONE,
      holidays: ENGLAND_BANK_HOLIDAYS,
    });
    const shifts = await this.calendars.create({
      ...DEMO_CALENDARS.shifts,
      timeZone: DEMO_TIME_ZONE,
      holidays: ENGLAND_BANK_HOLIDAYS,
    });
    const allDay = await this.calendars.create({
      name: DEMO_CALENDARS.allDay.name,
      timeZone: DEMO_TIME_ZONE,
      weeklyHours: WEEKDAYS.map((day) => ({ day, start: '00:00', end: '24:00' })),
    });
    for (const code of SHIFT_DEPARTMENTS) {
      await this.departmentsService.update(departments.get(code)!.id, { calendarId: shifts.id });
    }
    for (const p of DEMO_POLICIES) {
      await this.policies.create(admin, {
        name: p.name,
        supplierId: p.supplier ? departments.get(p.supplier)!.id : null,
        serviceId: p.service ? services.get(`${p.supplier}/${p.service}`)! : null,
        priority: p.priority ?? null,
        firstResponseMinutes: p.firstResponseMinutes,
        resolutionMinutes: p.resolutionMinutes,
        calendarId: p.allDay ? allDay.id : null,
        warnAtPercent: p.warnAtPercent ?? null,
      });
    }
  }

  // Assignees, who made each move, supplier comments by the assignee, kudos, quality ratings and
  // the invitations to rate recent resolutions: a few statements in one transaction.
  private async afterImport(
    manager: EntityManager,
    history: DemoHistoryRequest[],
    now: Date,
  ): Promise<{ ratings: number; kudos: number }> {
    const assigned = history.filter((h) => h.assignee);
    await manager.query(
      `WITH v AS (
         SELECT v.ref, u.id AS assignee_id, v.at
           FROM unnest($1::varchar[], $2::varchar[], $3::timestamptz[]) AS v(ref, email, at)
           JOIN users u ON u.email = v.email
       ), assigned AS (
         UPDATE requests r SET assignee_id = v.assignee_id FROM v WHERE r.external_ref = v.ref
         RETURNING r.id, v.assignee_id, v.at
       )
       INSERT INTO request_history (request_id, actor_id, at, kind, from_value, to_value, internal)
       SELECT id, assignee_id, at, 'ASSIGNED', NULL, assignee_id::text, false FROM assigned`,
      [
        assigned.map((h) => h.ref),
        assigned.map((h) => h.assignee!.email),
        assigned.map((h) => new Date(h.assignee!.at)),
      ],
    );
    // The import records status changes without a person: the customer answers, reopens,
    // cancels and confirms; the desk closes after the delay; the supplier does the rest.
    await manager.query(
      `UPDATE request_history h
          SET actor_id = CASE
                WHEN h.to_value = 'CANCELLED'
                  OR (h.to_value = 'IN_PROGRESS' AND h.from_value IN ('WAITING_ON_CUSTOMER', 'RESOLVED'))
                  THEN r.requester_id
                WHEN h.to_value = 'CLOSED' AND h.at < r.resolved_at + make_interval(hours => $1)
                  THEN r.requester_id
                WHEN h.to_value = 'CLOSED' THEN NULL
                ELSE coalesce(r.assignee_id, s.lead_id) END
         FROM requests r JOIN departments s ON s.id = r.supplier_id
        WHERE h.request_id = r.id AND h.kind = 'STATUS_CHANGED' AND r.external_ref LIKE 'DEMO-%'`,
      [this.config.REQUEST_AUTO_CLOSE_HOURS],
    );
    // Supplier-side comments were imported under the supplier's lead: give them to the assignee.
    await manager.query(
      `WITH moved AS (
         UPDATE request_comments c SET author_id = r.assignee_id
           FROM requests r JOIN departments s ON s.id = r.supplier_id
          WHERE c.request_id = r.id AND r.assignee_id IS NOT NULL AND c.author_id = s.lead_id
            AND c.author_id <> r.requester_id AND r.external_ref LIKE 'DEMO-%'
         RETURNING c.id, c.author_id
       )
       UPDATE request_history h SET actor_id = moved.author_id FROM moved WHERE h.comment_id = moved.id`,
    );
    const kudos = history.filter((h) => h.kudos);
    await manager.query(
      `INSERT INTO kudos (request_id, from_user_id, to_user_id, to_department_id, message, created_at)
       SELECT r.id, f.id, t.id, d.id, v.message, v.at
         FROM unnest($1::varchar[], $2::varchar[], $3::varchar[], $4::varchar[], $5::varchar[], $6::timestamptz[])
              AS v(ref, from_email, to_email, to_code, message, at)
         JOIN requests r ON r.external_ref = v.ref
         JOIN users f ON f.email = v.from_email
         LEFT JOIN users t ON t.email = v.to_email
         LEFT JOIN departments d ON d.code = v.to_code
       ON CONFLICT DO NOTHING`,
      [
        kudos.map((h) => h.ref),
        kudos.map((h) => h.kudos!.from),
        kudos.map((h) => h.kudos!.toUser),
        kudos.map((h) => h.kudos!.toDepartment),
        kudos.map((h) => h.kudos!.message),
        kudos.map((h) => new Date(h.kudos!.at)),
      ],
    );
    const ratings = history.flatMap((h) =>
      h.line.events
        .filter((e) => e.type === 'RATING')
        .slice(-1)
        .map((e) => ({
          ref: h.ref,
          email: h.line.requester,
          score: e.score as number,
          comment: e.comment as string,
          at: e.at,
        })),
    );
    await manager.query(
      `INSERT INTO request_ratings (request_id, side, rater_id, score, comment, created_at, updated_at)
       SELECT r.id, 'CUSTOMER', u.id, v.score, v.comment, v.at, v.at
         FROM unnest($1::varchar[], $2::varchar[], $3::int[], $4::text[], $5::timestamptz[])
              AS v(ref, email, score, comment, at)
         JOIN requests r ON r.external_ref = v.ref
         JOIN users u ON u.email = v.email`,
      [
        ratings.map((r) => r.ref),
        ratings.map((r) => r.email),
        ratings.map((r) => r.score),
        ratings.map((r) => r.comment),
        ratings.map((r) => r.at),
      ],
    );
    const quality = history.filter((h) => h.quality);
    await manager.query(
      `INSERT INTO request_ratings (request_id, side, rater_id, score, comment, created_at, updated_at)
       SELECT r.id, 'SUPPLIER', u.id, v.score, v.comment, v.at, v.at
         FROM unnest($1::varchar[], $2::varchar[], $3::int[], $4::text[], $5::timestamptz[])
              AS v(ref, email, score, comment, at)
         JOIN requests r ON r.external_ref = v.ref
         JOIN users u ON u.email = v.email
       ON CONFLICT DO NOTHING`,
      [
        quality.map((h) => h.ref),
        quality.map((h) => h.quality!.by),
        quality.map((h) => h.quality!.score),
        quality.map((h) => h.quality!.comment),
        quality.map((h) => new Date(h.quality!.at)),
      ],
    );
    // Resolving a request invites its requester to rate it; recent resolutions still show that.
    const since = new Date(now.getTime() - this.config.RATING_WINDOW_DAYS * DAY_MS);
    const recent: {
      id: string;
      number: string;
      title: string;
      requester_id: string;
      resolved_at: Date;
    }[] = await manager.query(
      `SELECT id, number, title, requester_id, resolved_at FROM requests
          WHERE resolved_at >= $1 AND status IN ('RESOLVED', 'CLOSED') ORDER BY resolved_at`,
      [since],
    );
    await this.notifications.addMany(
      manager,
      recent.map((r) => ({
        userId: r.requester_id,
        kind: 'RATING_INVITATION' as NewNotification['kind'],
        message: `${r.number} "${r.title.slice(0, 120)}" was resolved: how did it go? Rate it within ${this.config.RATING_WINDOW_DAYS} days`,
        requestId: r.id,
        createdAt: r.resolved_at,
      })),
    );
    return { ratings: ratings.length, kudos: kudos.length };
  }
}
