import { Injectable } from '@nestjs/common';
import {
  AuthUser,
  DomainException,
  ErrorReason,
  QUEUE_STAFF,
  Role,
  TimeSource,
} from '@intradesk/core';
import { clockColumns, clockIsSql, SlaClockState } from '@intradesk/sla';
import { DataSource } from 'typeorm';
import { canSeeRequest, mayWatchQueueOf } from '../access/requests.policy';
import { RequestEntity } from '../requests/request.entity';
import { RequestsQueryService } from '../requests/requests-query.service';

export interface QueueCounts {
  open: number;
  unassigned: number;
  atRisk: number;
  breached: number;
}

export interface AgentWorkloadRow extends QueueCounts {
  userId: string;
}

export interface QueueHealth extends QueueCounts {
  workload: AgentWorkloadRow[];
}

export interface EscalationRow {
  clockKind: string;
  rung: number;
  recipientId: string | null;
  occurredAt: Date;
  requestId: string;
}

const OPEN = `('NEW', 'IN_PROGRESS', 'WAITING_ON_CUSTOMER')`;

// A supplier department's queue at a glance, in one statement: the first row (user_id null) holds
// the department's totals, the others one per member (or assignee from elsewhere) with their
// share. "Breached": an open request with a breached clock (the verdict Request.sla shows);
// "at risk": not breached, with a running clock due before `until`.
const BREACHED = clockIsSql(SlaClockState.BREACHED, clockColumns('c.'), '$2');
const HEALTH_SQL = `
WITH clocks AS (
  SELECT r.id, r.assignee_id,
         coalesce(bool_or(${BREACHED}), false) AS breached,
         coalesce(bool_or(c.running_since IS NOT NULL AND c.due_at <= $3), false) AS due_soon
  FROM requests r
  LEFT JOIN sla_clocks c ON c.request_id = r.id AND c.cancelled_at IS NULL
  WHERE r.supplier_id = $1 AND r.status IN ${OPEN}
  GROUP BY r.id
), per AS (
  SELECT assignee_id,
         count(*)::int AS open,
         count(*) FILTER (WHERE breached)::int AS breached,
         count(*) FILTER (WHERE due_soon AND NOT breached)::int AS at_risk
  FROM clocks GROUP BY assignee_id
)
SELECT 0 AS row_kind, NULL::uuid AS user_id, NULL::text AS name,
       EXISTS (SELECT 1 FROM departments WHERE id = $1) AS known,
       coalesce(sum(open), 0)::int AS open,
       coalesce(sum(open) FILTER (WHERE assignee_id IS NULL), 0)::int AS unassigned,
       coalesce(sum(at_risk), 0)::int AS at_risk,
       coalesce(sum(breached), 0)::int AS breached
FROM per
UNION ALL
SELECT 1, u.id, u.name, true, coalesce(p.open, 0), 0, coalesce(p.at_risk, 0), coalesce(p.breached, 0)
FROM users u
LEFT JOIN per p ON p.assignee_id = u.id
WHERE (u.department_id = $1 AND u.role = ANY($4::user_role[]) AND u.deactivated_at IS NULL)
   OR p.assignee_id IS NOT NULL
ORDER BY row_kind, open DESC, name`;

// Escalations the department's leads received (rungs addressed to them), newest first.
const ESCALATIONS_SQL = `
SELECT e.kind, c.kind AS clock_kind, e.rung, e.recipient_id, e.occurred_at, e.request_id
FROM sla_events e
JOIN sla_clocks c ON c.id = e.clock_id
WHERE e.kind = 'ESCALATED'
  AND e.recipient_id IN (
    SELECT id FROM users WHERE department_id = $1 AND role = $3
    UNION SELECT lead_id FROM departments WHERE id = $1 AND lead_id IS NOT NULL)
ORDER BY e.occurred_at DESC, e.id DESC
LIMIT $2`;

interface HealthSqlRow {
  user_id: string | null;
  name: string | null;
  known: boolean;
  open: number;
  unassigned: number;
  at_risk: number;
  breached: number;
}

export interface ReceivedEscalation extends Omit<EscalationRow, 'requestId'> {
  request: RequestEntity;
}

@Injectable()
export class QueueHealthService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly requests: RequestsQueryService,
    private readonly time: TimeSource,
  ) {}

  // The queue as of now, "at risk" looking withinMinutes ahead; null when there is no such
  // department.
  async health(
    user: AuthUser,
    departmentId: string,
    withinMinutes: number,
  ): Promise<QueueHealth | null> {
    this.assertWatches(user, departmentId);
    const now = this.time.now();
    const rows: HealthSqlRow[] = await this.dataSource.query(HEALTH_SQL, [
      departmentId,
      now,
      new Date(now.getTime() + withinMinutes * 60_000),
      QUEUE_STAFF,
    ]);
    const [total, ...agents] = rows;
    if (!total.known) return null;
    return {
      open: total.open,
      unassigned: total.unassigned,
      atRisk: total.at_risk,
      breached: total.breached,
      workload: agents.map((r) => ({
        userId: r.user_id!,
        open: r.open,
        unassigned: 0,
        atRisk: r.at_risk,
        breached: r.breached,
      })),
    };
  }

  // With their requests; a rung-3 lead may sit above both sides: only what the caller may open
  // is listed.
  async escalationsReceived(
    user: AuthUser,
    departmentId: string,
    first: number,
  ): Promise<ReceivedEscalation[]> {
    this.assertWatches(user, departmentId);
    const rows: {
      clock_kind: string;
      rung: number;
      recipient_id: string | null;
      occurred_at: Date;
      request_id: string;
    }[] = await this.dataSource.query(ESCALATIONS_SQL, [departmentId, first, Role.LEAD]);
    if (rows.length === 0) return [];
    const requests = await this.requests.findByIds([...new Set(rows.map((r) => r.request_id))]);
    const byId = new Map(requests.map((r) => [r.id, r]));
    return rows.flatMap((r) => {
      const request = byId.get(r.request_id);
      if (!request || !canSeeRequest(user, request)) return [];
      return [
        {
          clockKind: r.clock_kind,
          rung: r.rung,
          recipientId: r.recipient_id,
          occurredAt: new Date(r.occurred_at),
          request,
        },
      ];
    });
  }

  private assertWatches(user: AuthUser, departmentId: string): void {
    if (!mayWatchQueueOf(user, departmentId)) {
      throw DomainException.forbidden(
        "Only the department's lead, operations and admins watch its queue",
      ).because(ErrorReason.NOT_OWN_DEPARTMENT);
    }
  }
}
