import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { AuthUser } from '@intradesk/core';
import { ServiceEntity } from '@intradesk/catalog';
import { classifyRelationship, DepartmentEntity, UserEntity } from '@intradesk/organization';
import { CalendarsService, MemoryClockStore, SlaClockEntity } from '@intradesk/sla';
import { DataSource, EntityManager, EntityTarget, In, ObjectLiteral } from 'typeorm';
import { CommentEntity } from '../comments/comment.entity';
import { HistoryEntryEntity } from '../history/history-entry.entity';
import { HistoryKind } from '../history/history-kind.enum';
import { applyComment, applyStatusChange, ClockEffect } from '../lifecycle/apply-status-change';
import { Side } from '../lifecycle/request-state-machine';
import { RequestClocks } from '../requests/request-clocks';
import { RequestStatus } from '../requests/request-status.enum';
import { RequestEntity } from '../requests/request.entity';
import { ImportLine, parseImportLine } from './import-line';

export interface RequestImportResult {
  imported: number;
  // The first MAX_REPORTED_ERRORS refused lines, by line number.
  errors: { line: number; message: string }[];
  // Every refused line, counted, when there were any (errors holds at most MAX_REPORTED_ERRORS).
  errorCount?: number;
}

export const MAX_REPORTED_ERRORS = 1000;

const BOTH_SIDES = new Set<Side>(['SUPPLIER', 'CUSTOMER']);

// A rating found in an imported timeline, handed to whoever stores ratings (the feedback lib).
export interface ImportedRating {
  requestId: string;
  raterId: string;
  score: number;
  comment: string;
  at: Date;
}

export interface ImportedRatingsSink {
  store(manager: EntityManager, ratings: ImportedRating[]): Promise<void>;
}

// Rows of one slice of the file, written together.
interface ImportBatch {
  requests: RequestEntity[];
  comments: CommentEntity[];
  history: Partial<HistoryEntryEntity>[];
}

// Lines checked and written together: few enough that most of a batch's objects die young
// (500 a batch promoted them to the old generation: 111 MB RSS growth for the UCI log, 100: 41).
const BATCH_LINES = 100;

// What the lines refer to, looked up batch by batch and kept (only what a replay needs).
interface References {
  departments: Map<string, DepartmentEntity | null>;
  users: Map<string, string | null>;
  services: Map<string, ServiceEntity>;
  servicesOf: Set<string>;
}

// Thrown out of the transaction so that it rolls back, carrying the refused lines.
class RefusedImport extends Error {
  constructor(readonly result: RequestImportResult) {
    super('import refused');
  }
}

// State of one import as its lines stream through.
interface ImportRun {
  actor: AuthUser;
  manager: EntityManager;
  store: MemoryClockStore;
  refs: References;
  firstLineOfRef: Map<string, number>;
  // The last line of the last batch written (a ref first seen up to here is ours, not older).
  writtenThrough: number;
  imported: number;
  errors: RequestImportResult['errors'];
  errorCount: number;
}

// importRequests: historical requests with their timelines, replayed through the live clock
// rules so their SLA clocks end as if they had run. All or nothing: any bad line, no change.
// Lines stream through in batches (checked, replayed, written inside one transaction); once a
// line is refused nothing more is written, the rest is only checked, and the transaction rolls
// back, so memory follows the batch, not the file.
@Injectable()
export class RequestImportService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly requestClocks: RequestClocks,
    private readonly calendars: CalendarsService,
  ) {}

  // Ratings belong to a lib downstream of this one, which registers itself here at start.
  private ratingsSink: ImportedRatingsSink | null = null;

  registerRatingsSink(sink: ImportedRatingsSink): void {
    this.ratingsSink = sink;
  }

  // A whole NDJSON text (GraphQL's importRequests, tests, scripts).
  import(
    actor: AuthUser,
    ndjson: string,
    onProgress?: (done: number, total: number) => void,
  ): Promise<RequestImportResult> {
    const lines = ndjson.split(/\r?\n/);
    const total = lines.filter((l) => l.trim() !== '').length;
    return this.importLines(actor, lines, onProgress && ((done) => onProgress(done, total)));
  }

  // Lines in file order (line numbers count from 1, blank lines included), e.g. read from a
  // stream; onProgress gets the count of non-blank lines processed so far.
  async importLines(
    actor: AuthUser,
    lines: Iterable<string> | AsyncIterable<string>,
    onProgress?: (done: number) => void,
  ): Promise<RequestImportResult> {
    try {
      return await this.dataSource.transaction(async (manager) => {
        const run: ImportRun = {
          actor,
          manager,
          store: await MemoryClockStore.load(manager, this.calendars),
          refs: {
            departments: new Map(),
            users: new Map(),
            services: new Map(),
            servicesOf: new Set(),
          },
          firstLineOfRef: new Map(),
          writtenThrough: 0,
          imported: 0,
          errors: [],
          errorCount: 0,
        };
        let pending: ImportLine[] = [];
        let lineErrors: RequestImportResult['errors'] = [];
        let n = 0;
        let done = 0;
        const processPending = async () => {
          await this.processBatch(run, pending, lineErrors, n);
          done += pending.length + lineErrors.length;
          pending = [];
          lineErrors = [];
          onProgress?.(done);
        };
        for await (const raw of lines) {
          n++;
          if (raw.trim() === '') continue;
          const parsed = parseImportLine(raw, n);
          if ('error' in parsed) lineErrors.push({ line: n, message: parsed.error });
          else pending.push(parsed.value);
          if (pending.length + lineErrors.length >= BATCH_LINES) await processPending();
        }
        await processPending();
        if (run.errorCount > 0)
          throw new RefusedImport({ imported: 0, errors: run.errors, errorCount: run.errorCount });
        return { imported: run.imported, errors: [] };
      });
    } catch (error) {
      if (error instanceof RefusedImport) return error.result;
      throw error;
    }
  }

  // One batch: its references checked; written only while no line at all has been refused.
  private async processBatch(
    run: ImportRun,
    lines: ImportLine[],
    parseErrors: RequestImportResult['errors'],
    lastLine: number,
  ): Promise<void> {
    await this.loadReferences(run, lines);
    const errors = [...parseErrors, ...(await this.checkReferences(run, lines))].sort(
      (a, b) => a.line - b.line,
    );
    run.errorCount += errors.length;
    run.errors.push(...errors.slice(0, Math.max(0, MAX_REPORTED_ERRORS - run.errors.length)));
    if (run.errorCount > 0 || lines.length === 0) return;
    const nextSeq = await this.reserveNumbers(run.manager, lines, run.refs);
    const batch: ImportBatch = { requests: [], comments: [], history: [] };
    const ratings: ImportedRating[] = [];
    for (const line of lines)
      ratings.push(...(await this.replay(run.store, batch, run.actor, line, run.refs, nextSeq)));
    await this.write(run.manager, run.store, batch);
    if (ratings.length > 0) {
      if (!this.ratingsSink) throw new Error('No ratings store is registered for the import');
      await this.ratingsSink.store(run.manager, ratings);
    }
    run.imported += lines.length;
    run.writtenThrough = lastLine;
  }

  // Numbers for every imported request, reserved with one statement per supplier (the counter
  // rows stay locked until the import commits, so numbers stay gap-free).
  private async reserveNumbers(
    manager: EntityManager,
    lines: ImportLine[],
    refs: References,
  ): Promise<(supplierId: string) => number> {
    const counts = new Map<string, number>();
    for (const line of lines) {
      const id = refs.departments.get(line.supplier)!.id;
      counts.set(id, (counts.get(id) ?? 0) + 1);
    }
    const next = new Map<string, number>();
    for (const [supplierId, count] of counts) {
      const [{ last_seq }] = await manager.query(
        `INSERT INTO request_counters (supplier_id, last_seq) VALUES ($1, $2)
         ON CONFLICT (supplier_id) DO UPDATE SET last_seq = request_counters.last_seq + $2
         RETURNING last_seq`,
        [supplierId, count],
      );
      next.set(supplierId, last_seq - count + 1);
    }
    return (supplierId) => {
      const seq = next.get(supplierId)!;
      next.set(supplierId, seq + 1);
      return seq;
    };
  }

  // One statement per table and batch, the rows as one JSON parameter: TypeORM's insert builds a
  // placeholder and a parameter per value, allocating several times the rows' size, and what a
  // batch allocates ends up promoted to the old generation (the API's memory grows with the file).
  private async write(
    manager: EntityManager,
    store: MemoryClockStore,
    batch: ImportBatch,
  ): Promise<void> {
    await insertAsJson(manager, RequestEntity, batch.requests);
    await insertAsJson(manager, SlaClockEntity, store.take());
    await insertAsJson(manager, CommentEntity, batch.comments);
    await insertAsJson(manager, HistoryEntryEntity, batch.history);
  }

  // Departments, requesters and services not looked up yet, one statement each per batch.
  private async loadReferences(run: ImportRun, lines: ImportLine[]): Promise<void> {
    const { manager, refs } = run;
    const codes = [...new Set(lines.flatMap((l) => [l.supplier, l.customer]))].filter(
      (c) => !refs.departments.has(c),
    );
    const emails = [...new Set(lines.map((l) => l.requester))].filter((e) => !refs.users.has(e));
    if (codes.length) {
      const found = await manager.getRepository(DepartmentEntity).findBy({ code: In(codes) });
      for (const code of codes) refs.departments.set(code, null);
      for (const d of found) refs.departments.set(d.code, d);
    }
    if (emails.length) {
      const found = await manager
        .getRepository(UserEntity)
        .find({ select: { id: true, email: true }, where: { email: In(emails) } });
      for (const email of emails) refs.users.set(email, null);
      for (const u of found) refs.users.set(u.email, u.id);
    }
    const supplierIds = [
      ...new Set(
        lines
          .map((l) => refs.departments.get(l.supplier)?.id)
          .filter((id): id is string => !!id && !refs.servicesOf.has(id)),
      ),
    ];
    if (supplierIds.length) {
      const services = await manager
        .getRepository(ServiceEntity)
        .findBy({ supplierId: In(supplierIds) });
      for (const s of services) refs.services.set(`${s.supplierId}/${s.name.toLowerCase()}`, s);
      for (const id of supplierIds) refs.servicesOf.add(id);
    }
  }

  private async checkReferences(run: ImportRun, lines: ImportLine[]) {
    const { refs, firstLineOfRef } = run;
    const errors: RequestImportResult['errors'] = [];
    if (lines.length === 0) return errors;
    const stored = new Set(
      (
        await run.manager.getRepository(RequestEntity).find({
          select: { externalRef: true },
          where: { externalRef: In([...new Set(lines.map((l) => l.ref))]) },
        })
      ).map((r) => r.externalRef),
    );
    for (const line of lines) {
      const problems: string[] = [];
      const supplier = refs.departments.get(line.supplier);
      if (!supplier) problems.push(`unknown supplier ${line.supplier}`);
      else if (supplier.archivedAt) problems.push(`supplier ${line.supplier} is archived`);
      if (!refs.departments.get(line.customer)) problems.push(`unknown customer ${line.customer}`);
      if (!refs.users.get(line.requester)) problems.push(`unknown requester ${line.requester}`);
      if (
        line.service &&
        supplier &&
        !refs.services.get(`${supplier.id}/${line.service.toLowerCase()}`)
      ) {
        problems.push(`${line.supplier} offers no service "${line.service}"`);
      }
      const first = firstLineOfRef.get(line.ref);
      if (first !== undefined) problems.push(`duplicate ref ${line.ref} (first on line ${first})`);
      else firstLineOfRef.set(line.ref, line.line);
      // Stored by an earlier import, not by an earlier batch of this one.
      const ours = first !== undefined && first <= run.writtenThrough;
      if (stored.has(line.ref) && !ours) problems.push(`ref ${line.ref} was imported before`);
      if (problems.length) errors.push({ line: line.line, message: problems.join('; ') });
    }
    return errors;
  }

  private async replay(
    store: MemoryClockStore,
    batch: ImportBatch,
    actor: AuthUser,
    line: ImportLine,
    refs: References,
    nextSeq: (supplierId: string) => number,
  ): Promise<ImportedRating[]> {
    const supplier = refs.departments.get(line.supplier)!;
    const customer = refs.departments.get(line.customer)!;
    const requester = { id: refs.users.get(line.requester)! };
    const service = line.service
      ? refs.services.get(`${supplier.id}/${line.service.toLowerCase()}`)!
      : null;
    const position = (d: DepartmentEntity) => ({
      id: d.id,
      code: d.code,
      path: d.path,
      level: d.effectiveLevel,
    });
    const createdAt = line.events[0].at;
    const seq = nextSeq(supplier.id);
    const request: RequestEntity = Object.assign(new RequestEntity(), {
      id: randomUUID(),
      seq,
      number: `${supplier.code}-${seq}`,
      supplierId: supplier.id,
      customerId: customer.id,
      requesterId: requester.id,
      assigneeId: null,
      serviceId: service?.id ?? null,
      title: line.title,
      description: line.description,
      priority: line.priority,
      status: RequestStatus.NEW,
      relationshipType: classifyRelationship(position(customer), position(supplier)).type,
      externalRef: line.ref,
      idempotencyKey: null,
      payloadHash: null,
      firstRespondedAt: null,
      resolvedAt: null,
      closedAt: null,
      cancelledAt: null,
      createdAt,
      updatedAt: createdAt,
      version: 1,
    } satisfies RequestEntity);
    await this.requestClocks.started(store, request, createdAt);
    const history: Partial<HistoryEntryEntity>[] = [
      {
        requestId: request.id,
        actorId: requester.id,
        at: createdAt,
        kind: HistoryKind.CREATED,
        toValue: RequestStatus.NEW,
      },
    ];
    const ratings = new Map<string, ImportedRating>();
    for (const event of line.events.slice(1)) {
      const at = event.at;
      let clocks: ClockEffect[];
      if (event.type === 'COMMENT') {
        const authorId = event.by === 'SUPPLIER' ? (supplier.leadId ?? actor.id) : requester.id;
        const comment = Object.assign(new CommentEntity(), {
          id: randomUUID(),
          requestId: request.id,
          authorId,
          body: event.body,
          internal: event.internal,
          createdAt: at,
        });
        batch.comments.push(comment);
        const answered = applyComment(
          request,
          { supplierAnswer: event.by === 'SUPPLIER', internal: event.internal },
          at,
        );
        Object.assign(request, answered.changes);
        clocks = answered.clocks;
        history.push({
          requestId: request.id,
          actorId: authorId,
          at,
          kind: HistoryKind.COMMENTED,
          commentId: comment.id,
          internal: event.internal,
        });
      } else if (event.type === 'STATUS' && event.to !== request.status) {
        const from = request.status;
        // History as it happened: either side's moves, no reopen window (parsing refused
        // illegal moves).
        const change = applyStatusChange(request, event.to, at, { sides: BOTH_SIDES });
        if (!change.ok) throw new Error(`${line.ref}: ${change.reason} ${from} -> ${event.to}`);
        Object.assign(request, change.changes);
        clocks = change.clocks;
        history.push({
          requestId: request.id,
          actorId: null,
          at,
          kind: HistoryKind.STATUS_CHANGED,
          fromValue: from,
          toValue: event.to,
        });
      } else if (event.type === 'RATING') {
        // The requester's; the latest one stands. No clock moves.
        ratings.set(request.id, {
          requestId: request.id,
          raterId: requester.id,
          score: event.score,
          comment: event.comment,
          at,
        });
        continue;
      } else {
        continue;
      }
      request.version++;
      request.updatedAt = at;
      await this.requestClocks.apply(store, request, clocks, at);
    }
    batch.requests.push(request);
    batch.history.push(...history);
    return [...ratings.values()];
  }
}

// INSERT ... SELECT FROM json_populate_recordset: the columns any row sets (the others keep
// their defaults), each value through its column's transformer.
async function insertAsJson<T extends ObjectLiteral>(
  manager: EntityManager,
  target: EntityTarget<T>,
  rows: Partial<T>[],
): Promise<void> {
  if (rows.length === 0) return;
  const metadata = manager.connection.getMetadata(target);
  const columns = metadata.columns.filter(
    (c) => !c.isVirtual && rows.some((r) => r[c.propertyName] !== undefined),
  );
  // A row without the value takes the column's literal default (history rows set `internal`
  // only on comments), like an INSERT that leaves the column out.
  const to = (c: (typeof columns)[number], value: unknown) => {
    if (value === undefined && typeof c.default !== 'function') value = c.default;
    const t = c.transformer;
    return t && !Array.isArray(t) ? t.to(value) : value;
  };
  const json = JSON.stringify(
    rows.map((row) => {
      const out: Record<string, unknown> = {};
      for (const c of columns) out[c.databaseName] = to(c, row[c.propertyName]) ?? null;
      return out;
    }),
  );
  const names = columns.map((c) => `"${c.databaseName}"`).join(', ');
  await manager.query(
    `INSERT INTO "${metadata.tableName}" (${names})
     SELECT ${names} FROM json_populate_recordset(NULL::"${metadata.tableName}", $1::json)`,
    [json],
  );
}
