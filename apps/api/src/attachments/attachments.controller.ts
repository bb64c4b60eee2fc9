import { Controller, Delete, Get, Logger, Param, Post, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { create as contentDisposition } from 'content-disposition';
import { AppConfig, AuthUser, DomainException, ErrorCode, ErrorReason } from '@intradesk/core';
import { AuthService } from '@intradesk/organization';
import {
  AttachmentEntity,
  AttachmentModel,
  AttachmentsService,
  showsInline,
  UploadTarget,
} from '@intradesk/requests';
import { mediaType, sendRefusal, uploadCaller, UploadRefusal } from '../imports/import-upload';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const TOO_LARGE = new Set([ErrorReason.ATTACHMENT_TOO_LARGE, ErrorReason.REQUEST_ATTACHMENTS_FULL]);
const STATUS: Partial<Record<ErrorCode, number>> = {
  [ErrorCode.BAD_USER_INPUT]: 400,
  [ErrorCode.NOT_FOUND]: 404,
  [ErrorCode.FORBIDDEN]: 403,
  [ErrorCode.CONFLICT]: 409,
};

const notFound = () => new UploadRefusal(404, 'NOT_FOUND', 'No such attachment');

// Attachments over HTTP (README "Attachments"): the file as the raw request body
// (application/octet-stream, its name in ?name=), like the import uploads; downloads only for
// those who see its comment, 404 for everyone else (never 403: existence is not revealed).
@Controller()
export class AttachmentsController {
  private readonly logger = new Logger('Attachments');

  constructor(
    private readonly auth: AuthService,
    private readonly config: AppConfig,
    private readonly attachments: AttachmentsService,
  ) {}

  // ?name= the file's name; ?commentId= onto one's own existing comment; ?to=request onto the
  // request itself; else held for the comment being written (addComment's attachmentIds).
  @Post('requests/:id/attachments')
  upload(@Req() req: Request, @Res() res: Response, @Param('id') id: string): Promise<void> {
    let target: UploadTarget;
    return this.receive(
      req,
      res,
      (user, name, bytes) => this.attachments.upload(user, id.toLowerCase(), target, name, bytes),
      () => {
        if (!UUID.test(id)) throw new UploadRefusal(404, 'NOT_FOUND', `No request with id ${id}`);
        target = this.target(req);
      },
    );
  }

  // For a request not yet filed (the New request form): held, bound to no request, until
  // createRequest's attachmentIds takes it; ?name= the file's name.
  @Post('attachments')
  uploadUnbound(@Req() req: Request, @Res() res: Response): Promise<void> {
    return this.receive(req, res, (user, name, bytes) =>
      this.attachments.uploadUnbound(user, name, bytes),
    );
  }

  // The same checks, body and answer for both uploads; `check` refuses before the body is read.
  private async receive(
    req: Request,
    res: Response,
    store: (user: AuthUser, name: string | null, bytes: Buffer) => Promise<AttachmentEntity>,
    check: () => void = () => undefined,
  ): Promise<void> {
    try {
      const user = await uploadCaller(this.auth, req, 'attach files');
      if (mediaType(req) !== 'application/octet-stream')
        throw new UploadRefusal(
          415,
          'UNSUPPORTED_MEDIA_TYPE',
          'Send the file as the request body with Content-Type application/octet-stream',
        );
      check();
      const max = this.config.ATTACHMENT_MAX_BYTES;
      const declared = Number(req.headers['content-length']);
      if (Number.isFinite(declared) && declared > max) throw tooLarge(max);
      const bytes = await readBody(req, max);
      const name = typeof req.query.name === 'string' ? req.query.name : null;
      const attachment = await store(user, name, bytes);
      const model = AttachmentModel.from(attachment);
      res.status(201).json({
        id: model.id,
        fileName: model.fileName,
        contentType: model.contentType,
        sizeBytes: model.sizeBytes,
        sha256: model.sha256,
        pending: model.pending,
        commentId: model.commentId,
        url: model.url,
        inlineUrl: model.inlineUrl,
      });
    } catch (error) {
      this.refuse(req, res, error);
    }
  }

  @Get('attachments/:id')
  download(@Req() req: Request, @Res() res: Response, @Param('id') id: string): Promise<void> {
    return this.send(req, res, id, false);
  }

  // Images people may see in the conversation: inline for PNG, JPEG, GIF and WebP only;
  // anything else is still sent as an attachment.
  @Get('attachments/:id/inline')
  inline(@Req() req: Request, @Res() res: Response, @Param('id') id: string): Promise<void> {
    return this.send(req, res, id, true);
  }

  // The composer's remove button: one of the caller's files not yet sent with a comment.
  @Delete('attachments/:id')
  async remove(@Req() req: Request, @Res() res: Response, @Param('id') id: string): Promise<void> {
    try {
      const user = await uploadCaller(this.auth, req, 'remove files');
      if (!UUID.test(id) || !(await this.attachments.removePending(user, id.toLowerCase())))
        throw notFound();
      res.status(204).end();
    } catch (error) {
      this.refuse(req, res, error);
    }
  }

  private async send(req: Request, res: Response, id: string, inline: boolean): Promise<void> {
    try {
      const user = await uploadCaller(this.auth, req, 'download files', false);
      const opened = UUID.test(id) ? await this.attachments.open(user, id.toLowerCase()) : null;
      if (!opened) throw notFound();
      const { attachment, body } = opened;
      const type =
        attachment.contentType === 'text/plain'
          ? 'text/plain; charset=utf-8'
          : attachment.contentType;
      res.status(200);
      res.setHeader('Content-Type', type);
      res.setHeader('Content-Length', String(attachment.sizeBytes));
      res.setHeader(
        'Content-Disposition',
        contentDisposition(attachment.fileName, {
          type: inline && showsInline(attachment.contentType) ? 'inline' : 'attachment',
        }),
      );
      res.setHeader('X-Content-Type-Options', 'nosniff');
      // Opened as a page anyway, it runs nothing and loads nothing.
      res.setHeader('Content-Security-Policy', "default-src 'none'; sandbox");
      res.setHeader('Cross-Origin-Resource-Policy', 'same-origin');
      res.setHeader('Cache-Control', 'private, max-age=3600');
      res.setHeader('ETag', `"${attachment.sha256}"`);
      body.on('error', (error) => {
        this.logger.error(`attachment ${attachment.id}: ${error.message}`);
        res.destroy(error);
      });
      body.pipe(res);
    } catch (error) {
      this.refuse(req, res, error);
    }
  }

  private target(req: Request): UploadTarget {
    const { commentId, to } = req.query;
    if (typeof commentId === 'string') {
      if (!UUID.test(commentId))
        throw new UploadRefusal(404, 'NOT_FOUND', `No comment of yours with id ${commentId}`);
      return { commentId: commentId.toLowerCase() };
    }
    if (to === 'request') return { request: true };
    if (to !== undefined) throw new UploadRefusal(400, 'BAD_USER_INPUT', 'to must be request');
    return { pending: true };
  }

  private refuse(req: Request, res: Response, error: unknown): void {
    let refusal: UploadRefusal;
    if (error instanceof UploadRefusal) refusal = error;
    else if (error instanceof DomainException && error.reason && TOO_LARGE.has(error.reason))
      refusal = new UploadRefusal(413, 'PAYLOAD_TOO_LARGE', error.message, {
        reason: error.reason,
        ...error.details,
      });
    else if (error instanceof DomainException && STATUS[error.code])
      refusal = new UploadRefusal(STATUS[error.code]!, error.code, error.message);
    else {
      this.logger.error(`attachment call failed: ${(error as Error).message}`);
      refusal = new UploadRefusal(500, 'INTERNAL_SERVER_ERROR', 'The attachment call failed');
    }
    if (res.headersSent || res.destroyed) {
      res.destroy();
      return;
    }
    if (!req.readableEnded) {
      // Refused before the body was read: answer at once and close rather than drain it.
      res.setHeader('Connection', 'close');
      res.once('finish', () => req.socket.destroySoon());
    }
    sendRefusal(res, refusal);
  }
}

function tooLarge(max: number): UploadRefusal {
  return new UploadRefusal(413, 'PAYLOAD_TOO_LARGE', `The file is larger than ${max} bytes`, {
    reason: ErrorReason.ATTACHMENT_TOO_LARGE,
    maxBytes: max,
  });
}

// The body in memory, refused past maxBytes as it arrives (ATTACHMENT_MAX_BYTES bounds it).
function readBody(req: Request, maxBytes: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let bytes = 0;
    const fail = (error: unknown) => {
      req.removeAllListeners('data');
      req.pause();
      reject(error);
    };
    req.on('data', (chunk: Buffer) => {
      bytes += chunk.length;
      if (bytes > maxBytes) return fail(tooLarge(maxBytes));
      chunks.push(chunk);
    });
    req.on('aborted', () => fail(new Error('the client closed the upload')));
    req.on('error', fail);
    req.on('end', () => resolve(Buffer.concat(chunks, bytes)));
  });
}
