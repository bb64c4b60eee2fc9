import { Priority } from '@intradesk/catalog';
import { checkMove, Side } from '../lifecycle/request-state-machine';
import { RequestStatus } from '../requests/request-status.enum';

export type ImportEvent =
  | { type: 'CREATED'; at: Date }
  | { type: 'COMMENT'; at: Date; by: 'SUPPLIER' | 'CUSTOMER'; body: string; internal: boolean }
  | { type: 'STATUS'; at: Date; to: RequestStatus }
  | { type: 'RATING'; at: Date; score: number; comment: string };

export interface ImportLine {
  line: number;
  ref: string;
  supplier: string;
  customer: string;
  requester: string;
  service: string | null;
  priority: Priority;
  title: string;
  description: string;
  events: ImportEvent[];
}

const BOTH_SIDES = new Set<Side>(['SUPPLIER', 'CUSTOMER']);
const CODE = /^[A-Za-z0-9][A-Za-z0-9_-]{0,31}$/;
const MAX_EVENTS = 10_000;

class LineError extends Error {}

function text(value: unknown, field: string, max: number, required = true): string {
  if (value === undefined || value === null || value === '') {
    if (required) throw new LineError(`${field} is required`);
    return '';
  }
  if (typeof value !== 'string') throw new LineError(`${field} must be a string`);
  if (value.length > max) throw new LineError(`${field} is longer than ${max} characters`);
  return value;
}

function instant(value: unknown, field: string): Date {
  const at =
    typeof value === 'string' && /^\d{4}-\d{2}-\d{2}T/.test(value) ? new Date(value) : null;
  if (!at || Number.isNaN(at.getTime()))
    throw new LineError(`${field} must be an ISO-8601 date-time`);
  return at;
}

function event(raw: unknown, i: number): ImportEvent {
  if (!raw || typeof raw !== 'object') throw new LineError(`events[${i}] must be an object`);
  const e = raw as Record<string, unknown>;
  const at = instant(e.at, `events[${i}].at`);
  switch (e.type) {
    case 'CREATED':
      return { type: 'CREATED', at };
    case 'COMMENT':
      if (e.by !== 'SUPPLIER' && e.by !== 'CUSTOMER')
        throw new LineError(`events[${i}].by must be SUPPLIER or CUSTOMER`);
      return {
        type: 'COMMENT',
        at,
        by: e.by,
        body: text(e.body ?? e.comment ?? '(imported comment)', `events[${i}].body`, 20_000),
        internal: e.internal === true,
      };
    case 'STATUS':
      if (typeof e.to !== 'string' || !(e.to in RequestStatus)) {
        throw new LineError(
          `events[${i}].to must be one of ${Object.keys(RequestStatus).join(', ')}`,
        );
      }
      return { type: 'STATUS', at, to: e.to as RequestStatus };
    case 'RATING':
      if (!Number.isInteger(e.score) || (e.score as number) < 1 || (e.score as number) > 5) {
        throw new LineError(`events[${i}].score must be a whole number from 1 to 5`);
      }
      return {
        type: 'RATING',
        at,
        score: e.score as number,
        comment: text(e.comment, `events[${i}].comment`, 5000, false),
      };
    default:
      throw new LineError(`events[${i}].type must be CREATED, COMMENT, STATUS or RATING`);
  }
}

// One NDJSON line of API.md's import format, checked on its own: shape, order of events, and
// that each status change is a legal move of the lifecycle.
export function parseImportLine(
  raw: string,
  line: number,
): { value: ImportLine } | { error: string } {
  try {
    let json: unknown;
    try {
      json = JSON.parse(raw);
    } catch {
      throw new LineError('not valid JSON');
    }
    if (!json || typeof json !== 'object' || Array.isArray(json))
      throw new LineError('each line must be a JSON object');
    const o = json as Record<string, unknown>;
    const supplier = text(o.supplier, 'supplier', 32);
    const customer = text(o.customer, 'customer', 32);
    if (!CODE.test(supplier))
      throw new LineError(`supplier "${supplier}" is not a department code`);
    if (!CODE.test(customer))
      throw new LineError(`customer "${customer}" is not a department code`);
    const priority = (o.priority ?? 'P3') as Priority;
    if (!Object.values(Priority).includes(priority))
      throw new LineError('priority must be P1, P2, P3 or P4');
    if (!Array.isArray(o.events) || o.events.length === 0)
      throw new LineError('events must be a non-empty array');
    if (o.events.length > MAX_EVENTS) throw new LineError(`at most ${MAX_EVENTS} events a request`);
    const events = o.events.map(event);
    if (events[0].type !== 'CREATED') throw new LineError('the first event must be CREATED');
    let status = RequestStatus.NEW;
    for (let i = 1; i < events.length; i++) {
      const e = events[i];
      if (e.type === 'CREATED')
        throw new LineError(`events[${i}]: only the first event may be CREATED`);
      if (e.at < events[i - 1].at)
        throw new LineError(`events[${i}] is earlier than the event before it`);
      if (e.type === 'STATUS') {
        if (e.to === status) continue;
        const move = checkMove(status, e.to, BOTH_SIDES);
        if (!move.ok)
          throw new LineError(`events[${i}]: a request cannot move from ${status} to ${e.to}`);
        status = e.to;
      } else if (
        e.type === 'RATING' &&
        status !== RequestStatus.RESOLVED &&
        status !== RequestStatus.CLOSED
      ) {
        throw new LineError(
          `events[${i}]: a request is rated only once resolved (it is ${status})`,
        );
      }
    }
    return {
      value: {
        line,
        ref: text(o.ref, 'ref', 100),
        supplier: supplier.toUpperCase(),
        customer: customer.toUpperCase(),
        requester: text(o.requester, 'requester', 320).trim().toLowerCase(),
        service: text(o.service, 'service', 120, false) || null,
        priority,
        title: text(o.title, 'title', 200),
        description: text(o.description, 'description', 20_000, false),
        events,
      },
    };
  } catch (error) {
    if (error instanceof LineError) return { error: error.message };
    throw error;
  }
}
