import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { AuthUser } from '@intradesk/core';
import { ServiceEntity } from '@intradesk/catalog';
import { classifyRelationship, DepartmentEntity, UserEntity } from '@intradesk/organization';
import { CalendarsService, MemoryClockStore } from '@intradesk/sla';
import { DataSource, EntityManager, In } from 'typeorm';
import { CommentEntity } from '../comments/comment.entity';
import { HistoryEntryEntity } from '../history/history-entry.entity';
import { HistoryKind } from '../history/history-kind.enum';
import { RequestClocks } from '../requests/request-clocks';
import { RequestStatus } from '../requests/request-status.enum';
import { RequestEntity } from '../requests/request.entity';
import { ImportLine, parseImportLine } from './import-line';

export interface RequestImportResult {
  imported: number;
  errors: { line: number; message: string }[];
}

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

const BATCH_REQUESTS = 2000;
const INSERT_CHUNK = 1000;

interface References {
  departments: Map<string, DepartmentEntity>;
  users: Map<string, UserEntity>;
  services: Map<string, ServiceEntity>;
}

// importRequests: historical requests with their timelines, replayed through the live clock
// rules so their SLA clocks end as if they had run. All or nothing: any bad line, no change.
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

  async import(
    actor: AuthUser,
    ndjson: string,
    onProgress?: (done: number, total: number) => void,
  ): Promise<RequestImportResult> {
    const errors: RequestImportResult['errors'] = [];
    const lines: ImportLine[] = [];
    ndjson.split(/\r?\n/).forEach((raw, i) => {
      if (raw.trim() === '') return;
      const parsed = parseImportLine(raw, i + 1);
      if ('error' in parsed) errors.push({ line: i + 1, message: parsed.error });
      else lines.push(parsed.value);
    });
    return this.dataSource.transaction(async (manager) => {
      const refs = await this.references(manager, lines);
      errors.push(...(await this.checkReferences(manager, lines, refs)));
      if (errors.length > 0) return { imported: 0, errors: errors.sort((a, b) => a.line - b.line) };
      // Replayed in memory through the live clock rules, written in bulk every few thousand.
      const store = await MemoryClockStore.load(manager, this.calendars);
      const nextSeq = await this.reserveNumbers(manager, lines, refs);
      let batch: ImportBatch = { requests: [], comments: [], history: [] };
      let done = 0;
      const ratings: ImportedRating[] = [];
      for (const line of lines) {
        ratings.push(...(await this.replay(store, batch, actor, line, refs, nextSeq)));
        if (batch.requests.length >= BATCH_REQUESTS) {
          await this.write(manager, store, batch);
          batch = { requests: [], comments: [], history: [] };
        }
        onProgress?.(++done, lines.length);
      }
      await this.write(manager, store, batch);
      if (ratings.length > 0) {
        if (!this.ratingsSink) throw new Error('No ratings store is registered for the import');
        await this.ratingsSink.store(manager, ratings);
      }
      return { imported: lines.length, errors: [] };
    });
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

  private async write(
    manager: EntityManager,
    store: MemoryClockStore,
    batch: ImportBatch,
  ): Promise<void> {
    const chunks = <T>(rows: T[]) =>
      Array.from({ length: Math.ceil(rows.length / INSERT_CHUNK) }, (_, i) =>
        rows.slice(i * INSERT_CHUNK, (i + 1) * INSERT_CHUNK),
      );
    for (const rows of chunks(batch.requests))
      await manager.getRepository(RequestEntity).insert(rows);
    await store.flush(manager);
    for (const rows of chunks(batch.comments))
      await manager.getRepository(CommentEntity).insert(rows);
    for (const rows of chunks(batch.history))
      await manager.getRepository(HistoryEntryEntity).insert(rows);
  }

  private async references(manager: EntityManager, lines: ImportLine[]): Promise<References> {
    const codes = [...new Set(lines.flatMap((l) => [l.supplier, l.customer]))];
    const emails = [...new Set(lines.map((l) => l.requester))];
    const departments = codes.length
      ? await manager.getRepository(DepartmentEntity).findBy({ code: In(codes) })
      : [];
    const users = emails.length
      ? await manager.getRepository(UserEntity).findBy({ email: In(emails) })
      : [];
    const supplierIds = [...new Set(departments.map((d) => d.id))];
    const services = supplierIds.length
      ? await manager.getRepository(ServiceEntity).findBy({ supplierId: In(supplierIds) })
      : [];
    return {
      departments: new Map(departments.map((d) => [d.code, d])),
      users: new Map(users.map((u) => [u.email, u])),
      services: new Map(services.map((s) => [`${s.supplierId}/${s.name.toLowerCase()}`, s])),
    };
  }

  private async checkReferences(manager: EntityManager, lines: ImportLine[], refs: References) {
    const errors: RequestImportResult['errors'] = [];
    const firstLineOfRef = new Map<string, number>();
    const known = new Set(
      (
        await manager.getRepository(RequestEntity).find({
          select: { externalRef: true },
          where: { externalRef: In(lines.map((l) => l.ref)) },
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
      if (known.has(line.ref)) problems.push(`ref ${line.ref} was imported before`);
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
    const requester = refs.users.get(line.requester)!;
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
      const before = { ...request };
      const at = event.at;
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
        if (event.by === 'SUPPLIER' && !event.internal && !request.firstRespondedAt)
          request.firstRespondedAt = at;
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
        request.status = event.to;
        if (event.to === RequestStatus.RESOLVED) request.resolvedAt = at;
        if (event.to === RequestStatus.CLOSED) request.closedAt = at;
        if (event.to === RequestStatus.CANCELLED) request.cancelledAt = at;
        if (from === RequestStatus.RESOLVED && event.to === RequestStatus.IN_PROGRESS)
          request.resolvedAt = null;
        if (
          from === RequestStatus.NEW &&
          event.to !== RequestStatus.CANCELLED &&
          !request.firstRespondedAt
        ) {
          request.firstRespondedAt = at;
        }
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
      await this.requestClocks.changed(store, before, request, at);
    }
    batch.requests.push(request);
    batch.history.push(...history);
    return [...ratings.values()];
  }
}
