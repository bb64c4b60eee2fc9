import { Controller, Logger, Post, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { AppConfig, AuthUser, Role, sessionCredential } from '@intradesk/core';
import {
  AuthService,
  mayAdministerOrganization,
  ORGANIZATION_ADMINISTRATORS,
  OrgChartImportService,
} from '@intradesk/organization';
import {
  MAX_REPORTED_ERRORS,
  mayImportRequests,
  REQUEST_IMPORTERS,
  RequestImportService,
} from '@intradesk/requests';
import {
  fileLines,
  fileStream,
  mediaType,
  ProgressWriter,
  sendRefusal,
  spoolBody,
  UploadRefusal,
} from './import-upload';

// A browser sends the session cookie by itself; a page of another site could make it post a
// file. The cookie is SameSite=Strict and these media types are not ones a plain HTML form can
// send, but a custom header is the rule that holds on its own: another origin cannot set one
// without a CORS preflight, which this API never grants. Bearer callers need not send it.
export const UPLOAD_HEADER = 'x-intradesk-upload';

interface UploadKind {
  name: string;
  // The roles its GraphQL mutation's @Roles names, and the same rule asked of the caller.
  roles: readonly Role[];
  mayUpload: (caller: AuthUser) => boolean;
  mediaTypes: string[];
}

const ORG_CHART: UploadKind = {
  name: 'org-chart',
  roles: ORGANIZATION_ADMINISTRATORS,
  mayUpload: mayAdministerOrganization,
  mediaTypes: ['text/csv'],
};

const REQUESTS: UploadKind = {
  name: 'requests',
  roles: REQUEST_IMPORTERS,
  mayUpload: mayImportRequests,
  mediaTypes: ['application/x-ndjson', 'application/ndjson', 'application/jsonl'],
};

// The import files as request bodies, streamed (no body parser runs on these routes): the body
// goes to a temporary file, then is parsed line by line inside one transaction, all or nothing,
// while the response streams NDJSON progress lines and ends with the result (docs/api.md).
@Controller('imports')
export class ImportsController {
  private readonly logger = new Logger('Imports');
  // One import at a time per API process: each holds a transaction and a batch in memory.
  private running = false;

  constructor(
    private readonly auth: AuthService,
    private readonly config: AppConfig,
    private readonly orgChart: OrgChartImportService,
    private readonly requests: RequestImportService,
  ) {}

  @Post('org-chart')
  importOrgChart(@Req() req: Request, @Res() res: Response): Promise<void> {
    return this.upload(req, res, ORG_CHART, async (file, progress) => {
      let bytes = 0;
      const input = fileStream(file, (read) => (bytes = read));
      const result = await this.orgChart.importStream(input, (line) => progress.at(line, bytes));
      return {
        created: result.created,
        updated: result.updated,
        invitedLeads: result.invitedLeads,
        errors: result.errors.slice(0, MAX_REPORTED_ERRORS),
        errorCount: result.errors.length,
      };
    });
  }

  @Post('requests')
  importRequests(@Req() req: Request, @Res() res: Response): Promise<void> {
    return this.upload(req, res, REQUESTS, async (file, progress, user) => {
      const result = await this.requests.importLines(
        user,
        fileLines(file, (lines, bytes) => {
          if (res.destroyed) throw new Error('the client went away; rolling the import back');
          progress.at(lines, bytes);
        }),
      );
      return {
        imported: result.imported,
        errors: result.errors,
        errorCount: result.errorCount ?? result.errors.length,
      };
    });
  }

  private async upload(
    req: Request,
    res: Response,
    kind: UploadKind,
    run: (
      file: string,
      progress: ProgressWriter,
      user: AuthUser,
    ) => Promise<{ errors: unknown[]; errorCount: number } & Record<string, unknown>>,
  ): Promise<void> {
    let spooled: Awaited<ReturnType<typeof spoolBody>> | undefined;
    let claimed = false;
    try {
      const user = await this.caller(req);
      if (!kind.mayUpload(user))
        throw new UploadRefusal(403, 'FORBIDDEN', `Only ${kind.roles.join(' or ')} may do this`);
      if (!kind.mediaTypes.includes(mediaType(req)))
        throw new UploadRefusal(
          415,
          'UNSUPPORTED_MEDIA_TYPE',
          `Send the file as the request body with Content-Type ${kind.mediaTypes[0]}`,
        );
      const max = this.config.IMPORT_MAX_BODY_BYTES;
      const declared = Number(req.headers['content-length']);
      if (Number.isFinite(declared) && declared > max)
        throw new UploadRefusal(413, 'PAYLOAD_TOO_LARGE', `The file is larger than ${max} bytes`);
      if (this.running)
        throw new UploadRefusal(429, 'TOO_MANY_REQUESTS', 'Another import is running; try again');
      this.running = claimed = true;
      spooled = await spoolBody(req, max);
      const progress = new ProgressWriter(res, spooled.bytes);
      progress.start();
      try {
        const result = await run(spooled.file, progress, user);
        progress.at(progress.lines, spooled.bytes);
        progress.progress();
        progress.end({
          type: 'result',
          ok: result.errorCount === 0,
          ...result,
          lines: progress.lines,
          bytes: spooled.bytes,
        });
      } catch (error) {
        this.logger.error(`${kind.name} import failed: ${(error as Error).message}`);
        progress.end({
          type: 'error',
          code: 'INTERNAL_SERVER_ERROR',
          message: 'The import failed; nothing was changed',
        });
      }
    } catch (error) {
      if (!(error instanceof UploadRefusal)) {
        this.logger.error(`${kind.name} upload failed: ${(error as Error).message}`);
        if (!res.headersSent && !res.destroyed)
          sendRefusal(res, new UploadRefusal(400, 'BAD_REQUEST', 'The upload did not complete'));
        return;
      }
      if (error.status === 413 || !req.readableEnded) {
        // Refused before the body was read: answer at once and close rather than drain it.
        res.setHeader('Connection', 'close');
        res.once('finish', () => req.socket.destroySoon());
      }
      sendRefusal(res, error);
    } finally {
      if (claimed) this.running = false;
      await spooled?.remove();
    }
  }

  // The bearer header, or the session cookie with the upload header (see UPLOAD_HEADER).
  private async caller(req: Request): Promise<AuthUser> {
    const credential = sessionCredential(req.headers);
    if (credential === null)
      throw new UploadRefusal(401, 'UNAUTHENTICATED', 'Sign in to import files');
    if ('error' in credential) throw new UploadRefusal(401, 'UNAUTHENTICATED', credential.error);
    if (!req.headers.authorization && req.headers[UPLOAD_HEADER] !== '1')
      throw new UploadRefusal(
        403,
        'FORBIDDEN',
        `Uploads signed in by the session cookie must send the header X-Intradesk-Upload: 1`,
      );
    const result = await this.auth.authenticate(credential.token);
    if ('error' in result) throw new UploadRefusal(401, 'UNAUTHENTICATED', result.error);
    return result.user;
  }
}
