import { Injectable, Logger } from '@nestjs/common';
import { CatalogService, Priority } from '@intradesk/catalog';
import { AuthUser } from '@intradesk/core';
import {
  DEMO_SIGN_INS,
  DepartmentEntity,
  demoEmail,
  toAuthUser,
  UserEntity,
} from '@intradesk/organization';
import { CalendarsService, ClocksService, PoliciesService, WEEKDAYS } from '@intradesk/sla';
import { DataSource } from 'typeorm';
import { RequestStatus } from '../requests/request-status.enum';
import { RequestEntity } from '../requests/request.entity';
import { RequestsService } from '../requests/requests.service';
import { DEMO_REQUESTS, DEMO_SERVICES } from './demo-requests';

const DAY_MS = 86_400_000;

// Cancelling, confirming, answering and reopening are the customer's moves.
function isCustomerMove(from: RequestStatus, to: RequestStatus): boolean {
  if (to === RequestStatus.CANCELLED || to === RequestStatus.CLOSED) return true;
  return (
    to === RequestStatus.IN_PROGRESS &&
    (from === RequestStatus.RESOLVED || from === RequestStatus.WAITING_ON_CUSTOMER)
  );
}

// Fills the demo organisation with a living desk: a catalogue and requests in every state,
// made through the real services (numbers, history, first responses), then moved into the past.
@Injectable()
export class DemoRequestsSeeder {
  private readonly logger = new Logger(DemoRequestsSeeder.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly catalog: CatalogService,
    private readonly requests: RequestsService,
    private readonly calendars: CalendarsService,
    private readonly policies: PoliciesService,
    private readonly clocks: ClocksService,
  ) {}

  async seedIfEmpty(): Promise<number> {
    if ((await this.dataSource.getRepository(RequestEntity).count()) > 0) return 0;
    const departments = new Map(
      (await this.dataSource.getRepository(DepartmentEntity).find()).map((d) => [d.code, d]),
    );
    const users = new Map(
      (await this.dataSource.getRepository(UserEntity).find()).map((u) => [u.email, toAuthUser(u)]),
    );
    const admin = users.get(DEMO_SIGN_INS[0].email)!;
    await this.seedServiceLevels(admin, departments);
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

    for (const demo of DEMO_REQUESTS) {
      const requester = users.get(demoEmail(demo.customer, 'member'))!;
      const agent = users.get(demoEmail(demo.supplier, 'agent'))!;
      let request = await this.requests.create(requester, {
        supplierId: departments.get(demo.supplier)!.id,
        serviceId: demo.service ? services.get(`${demo.supplier}/${demo.service}`) : null,
        title: demo.title,
        priority: demo.priority ?? null,
      });
      if (demo.assign)
        request = await this.requests.assign(agent, request.id, agent.id, request.version);
      for (const comment of demo.comments ?? []) {
        const author = comment.by === 'supplier' ? agent : requester;
        await this.requests.addComment(author, request.id, comment.body, comment.internal ?? false);
        request.version++;
      }
      for (const status of demo.path) {
        const actor = isCustomerMove(request.status, status) ? requester : agent;
        request = await this.requests.changeStatus(actor, request.id, status, request.version);
      }
      await this.moveIntoPast(request.id, demo.daysAgo);
    }
    // Due dates of running clocks, counted again in business time from their moved start.
    for (const calendar of await this.calendars.list()) {
      await this.clocks.recomputeForCalendar(this.dataSource.manager, calendar);
    }
    this.logger.log(
      `seeded ${DEMO_SERVICES.length} services and ${DEMO_REQUESTS.length} demo requests`,
    );
    return DEMO_REQUESTS.length;
  }

  // A London office calendar as the default, a 24x7 one for the production line, and OLAs.
  private async seedServiceLevels(admin: AuthUser, departments: Map<string, DepartmentEntity>) {
    const office = await this.calendars.ensureDefault();
    await this.calendars.update(office.id, {
      name: 'London office',
      timeZone: 'Europe/London',
      weeklyHours: WEEKDAYS.slice(0, 5).flatMap((day) => [
        { day, start: '08:30', end: '12:30' },
        { day, start: '13:30', end: '17:30' },
      ]),
      holidays: ['2026-12-25', '2026-12-28', '2027-01-01', '2027-03-26', '2027-03-29'],
    });
    const allDay = await this.calendars.create({
      name: 'Around the clock',
      timeZone: 'Europe/London',
      weeklyHours: WEEKDAYS.map((day) => ({ day, start: '00:00', end: '24:00' })),
    });
    const id = (code: string) => departments.get(code)!.id;
    await this.policies.create(admin, {
      name: 'Organisation standard',
      firstResponseMinutes: 480,
      resolutionMinutes: 2400,
    });
    await this.policies.create(admin, {
      name: 'IT standard',
      supplierId: id('IT'),
      firstResponseMinutes: 120,
      resolutionMinutes: 960,
    });
    await this.policies.create(admin, {
      name: 'IT urgent, around the clock',
      supplierId: id('IT'),
      priority: Priority.P1,
      firstResponseMinutes: 30,
      resolutionMinutes: 240,
      calendarId: allDay.id,
    });
    await this.policies.create(admin, {
      name: 'Finance approvals',
      supplierId: id('FIN'),
      firstResponseMinutes: 240,
      resolutionMinutes: 1440,
    });
  }

  // Shifts every timestamp of one request back by whole days, keeping its internal timeline.
  private async moveIntoPast(requestId: string, days: number): Promise<void> {
    if (days === 0) return;
    const shift = `${days * DAY_MS} milliseconds`;
    await this.dataSource.transaction(async (manager) => {
      await manager.query(
        `UPDATE requests SET created_at = created_at - $2::interval, updated_at = updated_at - $2::interval,
           first_responded_at = first_responded_at - $2::interval, resolved_at = resolved_at - $2::interval,
           closed_at = closed_at - $2::interval, cancelled_at = cancelled_at - $2::interval
         WHERE id = $1`,
        [requestId, shift],
      );
      await manager.query(
        `UPDATE sla_clocks SET started_at = started_at - $2::interval, running_since = running_since - $2::interval,
           due_at = due_at - $2::interval, stopped_at = stopped_at - $2::interval,
           cancelled_at = cancelled_at - $2::interval, breached_at = breached_at - $2::interval
         WHERE request_id = $1`,
        [requestId, shift],
      );
      await manager.query(
        `UPDATE request_history SET at = at - $2::interval WHERE request_id = $1`,
        [requestId, shift],
      );
      await manager.query(
        `UPDATE request_comments SET created_at = created_at - $2::interval WHERE request_id = $1`,
        [requestId, shift],
      );
    });
  }
}
