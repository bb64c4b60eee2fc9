import { Controller, Get, Headers, Query, Res } from '@nestjs/common';
import { AuthUser, DomainException, ErrorCode, sessionCredential } from '@intradesk/core';
import { AuthService } from '@intradesk/organization';
import { ReportGroupBy, ReportPeriod } from '../reports/report-dimensions';
import { ReportRow } from '../reports/report-row';
import { ReportsService } from '../reports/reports.service';
import { CsvReport, rankingCsv, reportCsv } from './report-csv';
import { ReportLabelsService } from './report-labels.service';
import { parseReportQuery } from './report-query';
import { RequestsCsvService } from './requests-csv.service';

const STATUS: Record<ErrorCode, number> = {
  [ErrorCode.UNAUTHENTICATED]: 401,
  [ErrorCode.FORBIDDEN]: 403,
  [ErrorCode.NOT_FOUND]: 404,
  [ErrorCode.BAD_USER_INPUT]: 400,
  [ErrorCode.CONFLICT]: 409,
  [ErrorCode.TOO_MANY_REQUESTS]: 429,
};

type RequestHeaders = { authorization?: string; cookie?: string };

// The part of Express's response these downloads use.
interface Response {
  status(code: number): Response;
  setHeader(name: string, value: string): Response;
  send(body: string): void;
  json(body: unknown): void;
  write(chunk: string): boolean;
  end(): void;
  once(event: 'drain' | 'close', listener: () => void): unknown;
  destroy(error?: Error): void;
  headersSent: boolean;
}

// CSV downloads of the reports, with the GraphQL queries' filters as query parameters and the
// same bearer token: GET /reports/sla.csv?groupBy=SUPPLIER,PERIOD&period=MONTH&from=...
@Controller('reports')
export class ReportsCsvController {
  constructor(
    private readonly reports: ReportsService,
    private readonly labels: ReportLabelsService,
    private readonly auth: AuthService,
    private readonly requestsCsv: RequestsCsvService,
  ) {}

  // The analysts' export: one line per request of the filter (groupBy and period are ignored),
  // streamed in batches.
  @Get('requests.csv')
  async requests(
    @Headers() headers: RequestHeaders,
    @Query() query: Record<string, unknown>,
    @Res() res: Response,
  ): Promise<void> {
    let chunks: AsyncGenerator<string>;
    let first: IteratorResult<string>;
    try {
      const user = await this.caller(headers);
      const { filter } = parseReportQuery(query);
      chunks = this.requestsCsv.chunks(user, filter);
      // The scope and the filter are checked before the first chunk: errors still get a status.
      first = await chunks.next();
    } catch (error) {
      if (!(error instanceof DomainException)) throw error;
      res.status(STATUS[error.code]).json({
        error: { code: error.code, message: error.message, fields: error.fields },
      });
      return;
    }
    res
      .status(200)
      .setHeader('content-type', 'text/csv; charset=utf-8; header=present')
      .setHeader('content-disposition', 'attachment; filename="requests.csv"');
    let closed = false;
    res.once('close', () => (closed = true));
    try {
      for (let next = first; !next.done && !closed; next = await chunks.next()) {
        if (!res.write(next.value))
          await new Promise<void>((resolve) => res.once('drain', resolve));
      }
      res.end();
    } catch (error) {
      // The status is gone already: cut the download short so it cannot pass for complete.
      res.destroy(error instanceof Error ? error : new Error(String(error)));
    } finally {
      await chunks.return(undefined);
    }
  }

  @Get('sla.csv')
  sla(
    @Headers() headers: RequestHeaders,
    @Query() query: Record<string, unknown>,
    @Res() res: Response,
  ) {
    return this.download(res, 'sla', headers, query, (user, q) =>
      this.reports.sla(user, q.filter, q.grouping),
    );
  }

  @Get('satisfaction.csv')
  satisfaction(
    @Headers() headers: RequestHeaders,
    @Query() query: Record<string, unknown>,
    @Res() res: Response,
  ) {
    return this.download(res, 'satisfaction', headers, query, (user, q) =>
      this.reports.satisfaction(user, q.filter, q.grouping),
    );
  }

  @Get('department-matrix.csv')
  matrix(
    @Headers() headers: RequestHeaders,
    @Query() query: Record<string, unknown>,
    @Res() res: Response,
  ) {
    return this.download(res, 'department-matrix', headers, query, (user, q) =>
      this.reports.matrix(user, q.filter),
    );
  }

  // The pairs ranked as the reports page shows them (at least 5 requests, 5 best and 5 worst).
  @Get('department-pair-ranking.csv')
  async ranking(
    @Headers() headers: RequestHeaders,
    @Query() query: Record<string, unknown>,
    @Res() res: Response,
  ): Promise<void> {
    try {
      const user = await this.caller(headers);
      const { filter } = parseReportQuery(query);
      const ranking = await this.reports.pairs(user, filter, 5, 5);
      const labels = await this.labels.of([...ranking.best, ...ranking.worst]);
      res
        .status(200)
        .setHeader('content-type', 'text/csv; charset=utf-8; header=present')
        .setHeader('content-disposition', 'attachment; filename="department-pair-ranking.csv"')
        .send(rankingCsv(ranking, labels));
    } catch (error) {
      if (!(error instanceof DomainException)) throw error;
      res.status(STATUS[error.code]).json({
        error: { code: error.code, message: error.message, fields: error.fields },
      });
    }
  }

  @Get('trend.csv')
  trend(
    @Headers() headers: RequestHeaders,
    @Query() query: Record<string, unknown>,
    @Res() res: Response,
  ) {
    return this.download(res, 'trend', headers, query, (user, q) =>
      this.reports.trend(user, q.filter, q.grouping.period ?? ReportPeriod.MONTH),
    );
  }

  private async download(
    res: Response,
    report: CsvReport,
    headers: RequestHeaders,
    query: Record<string, unknown>,
    run: (user: AuthUser, q: ReturnType<typeof parseReportQuery>) => Promise<ReportRow[]>,
  ): Promise<void> {
    try {
      const user = await this.caller(headers);
      const parsed = parseReportQuery(query);
      const rows = await run(user, parsed);
      const csv = reportCsv(
        report,
        rows,
        this.columnsOf(report, parsed.grouping),
        await this.labels.of(rows),
      );
      res
        .status(200)
        .setHeader('content-type', 'text/csv; charset=utf-8; header=present')
        .setHeader('content-disposition', `attachment; filename="${report}-report.csv"`)
        .send(csv);
    } catch (error) {
      if (!(error instanceof DomainException)) throw error;
      res.status(STATUS[error.code]).json({
        error: { code: error.code, message: error.message, fields: error.fields },
      });
    }
  }

  // The key columns, in the order the rows were grouped (as the service normalises them).
  private columnsOf(
    report: CsvReport,
    grouping: { groupBy: ReportGroupBy[]; period: ReportPeriod | null },
  ) {
    if (report === 'department-matrix') return [ReportGroupBy.CUSTOMER, ReportGroupBy.SUPPLIER];
    if (report === 'trend') return [ReportGroupBy.PERIOD];
    const groupBy = [...grouping.groupBy];
    if (grouping.period && !groupBy.includes(ReportGroupBy.PERIOD))
      groupBy.push(ReportGroupBy.PERIOD);
    return groupBy;
  }

  // The bearer header, or the browser's session cookie (so a download link just works).
  private async caller(headers: RequestHeaders): Promise<AuthUser> {
    const credential = sessionCredential(headers);
    if (credential === null) throw DomainException.unauthenticated();
    if ('error' in credential) throw DomainException.unauthenticated(credential.error);
    const result = await this.auth.authenticate(credential.token);
    if ('error' in result) throw DomainException.unauthenticated(result.error);
    return result.user;
  }
}
