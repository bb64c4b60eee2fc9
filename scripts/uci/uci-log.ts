// Turns the UCI "Incident management process enriched event log" (a ServiceNow audit log) into
// Intradesk's inputs: an org chart (assignment groups are suppliers, locations customers), the
// callers as requesters, and one NDJSON import line per incident (API.md's format).
import * as fs from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { parse } from 'csv-parse/sync';
import { allowedMoves, RequestStatus, Side } from '@intradesk/requests';

// The whole log, for the benchmark: from the public data sets beside the project (not shipped;
// the tests read their slice in test/fixtures).
export const UCI_LOG = `${__dirname}/../../../shared/datasets/uci_incident_event_log.csv.gz`;
export const UCI_EMAIL_DOMAIN = 'uci.example';

const STATE: Record<string, RequestStatus | undefined> = {
  Active: RequestStatus.IN_PROGRESS,
  'Awaiting User Info': RequestStatus.WAITING_ON_CUSTOMER,
  // Waiting on a problem, a vendor or evidence is still the supplier's work.
  'Awaiting Problem': RequestStatus.IN_PROGRESS,
  'Awaiting Vendor': RequestStatus.IN_PROGRESS,
  'Awaiting Evidence': RequestStatus.IN_PROGRESS,
  Resolved: RequestStatus.RESOLVED,
  Closed: RequestStatus.CLOSED,
};

const BOTH = new Set<Side>(['SUPPLIER', 'CUSTOMER']);

export interface UciData {
  orgChartCsv: string;
  requesters: { email: string; name: string; departmentCode: string }[];
  ndjson: string[];
}

const code = (prefix: string, value: string) =>
  value === '?' ? `${prefix}0` : `${prefix}${value.replace(/\D+/g, '')}`;

// "d/m/yyyy H:MM", no zone given: read as UTC.
function instant(value: string): Date | null {
  const m = /^(\d{1,2})\/(\d{1,2})\/(\d{4}) (\d{1,2}):(\d{2})$/.exec(value);
  return m ? new Date(Date.UTC(+m[3], +m[2] - 1, +m[1], +m[4], +m[5])) : null;
}

// The shortest chain of legal moves from one status to another (the log skips steps).
function pathTo(from: RequestStatus, to: RequestStatus): RequestStatus[] | null {
  const queue: [RequestStatus, RequestStatus[]][] = [[from, []]];
  const seen = new Set([from]);
  while (queue.length) {
    const [status, path] = queue.shift()!;
    if (status === to) return path;
    for (const next of allowedMoves(status, BOTH)) {
      if (!seen.has(next)) {
        seen.add(next);
        queue.push([next, [...path, next]]);
      }
    }
  }
  return null;
}

export function readUciLog(options: { limit?: number; file?: string } = {}): UciData {
  const file = options.file ?? UCI_LOG;
  if (!fs.existsSync(file)) {
    throw new Error(
      `${file} is missing: the whole UCI incident log lives in the public data sets (../shared/datasets beside the project)`,
    );
  }
  const rows: Record<string, string>[] = parse(gunzipSync(fs.readFileSync(file)), {
    columns: true,
  });
  const incidents = new Map<string, Record<string, string>[]>();
  for (const row of rows) {
    let list = incidents.get(row.number);
    if (!list) {
      if (options.limit && incidents.size >= options.limit) continue;
      list = [];
      incidents.set(row.number, list);
    }
    list.push(row);
  }
  const groups = new Set<string>();
  const locations = new Set<string>();
  const requesters = new Map<string, { email: string; name: string; departmentCode: string }>();
  const ndjson: string[] = [];
  for (const [number, history] of incidents) {
    history.sort((a, b) => +a.sys_mod_count - +b.sys_mod_count);
    const last = history[history.length - 1];
    const supplier = code('G', last.assignment_group);
    const customer = code('L', last.location);
    groups.add(supplier);
    locations.add(customer);
    const caller = last.caller_id === '?' ? 'unknown' : last.caller_id.replace(/\D+/g, '');
    const email = `caller${caller}@${UCI_EMAIL_DOMAIN}`;
    if (!requesters.has(email))
      requesters.set(email, { email, name: `Caller ${caller}`, departmentCode: customer });
    const opened = instant(last.opened_at) ?? instant(history[0].sys_updated_at)!;
    const events: Record<string, unknown>[] = [{ at: opened.toISOString(), type: 'CREATED' }];
    let status = RequestStatus.NEW;
    let at = opened;
    for (const row of history) {
      const target = STATE[row.incident_state];
      const when = instant(row.sys_updated_at);
      if (!target || !when || target === status) continue;
      const path = pathTo(status, target);
      if (!path) break; // closed: the log's later rows change nothing
      if (when > at) at = when;
      for (const step of path) events.push({ at: at.toISOString(), type: 'STATUS', to: step });
      status = target;
    }
    ndjson.push(
      JSON.stringify({
        ref: number,
        supplier,
        customer,
        requester: email,
        priority: `P${last.priority.slice(0, 1)}`,
        title: `${last.category} / ${last.subcategory}`.replace(/\?/g, 'uncategorised'),
        description: `${last.u_symptom} (imported from ${number})`,
        events,
      }),
    );
  }
  const orgChartCsv = [
    'code,name,parent_code,level,time_zone,lead_email',
    'UCI,UCI organisation,,,UTC,',
    'GROUPS,Support groups,UCI,,UTC,',
    'SITES,Locations,UCI,,UTC,',
    ...[...groups].sort().map((g) => `${g},Group ${g.slice(1)},GROUPS,,UTC,`),
    ...[...locations].sort().map((l) => `${l},Location ${l.slice(1)},SITES,,UTC,`),
  ].join('\n');
  return { orgChartCsv, requesters: [...requesters.values()], ndjson };
}
