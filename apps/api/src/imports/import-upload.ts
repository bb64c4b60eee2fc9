import { createReadStream, createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import type { Request, Response } from 'express';
import { AuthUser, sessionCredential } from '@intradesk/core';
import type { AuthService } from '@intradesk/organization';

// A browser sends the session cookie by itself; a page of another site could make it post a
// file. The cookie is SameSite=Strict and these media types are not ones a plain HTML form can
// send, but a custom header is the rule that holds on its own: another origin cannot set one
// without a CORS preflight, which this API never grants. Bearer callers need not send it.
export const UPLOAD_HEADER = 'x-intradesk-upload';

// The refusal of an upload before any line is read: an HTTP status and a GraphQL-shaped body.
export class UploadRefusal extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    // More for the client, beside the code (an attachment's reason and limit).
    readonly extensions: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

export function sendRefusal(res: Response, refusal: UploadRefusal): void {
  res.status(refusal.status).json({
    errors: [
      { message: refusal.message, extensions: { ...refusal.extensions, code: refusal.code } },
    ],
  });
}

// The caller of an upload: the bearer header, or the session cookie with the upload header (see
// UPLOAD_HEADER; `cookieNeedsHeader` false for reads, which change nothing).
export async function uploadCaller(
  auth: AuthService,
  req: Request,
  what: string,
  cookieNeedsHeader = true,
): Promise<AuthUser> {
  const credential = sessionCredential(req.headers);
  if (credential === null) throw new UploadRefusal(401, 'UNAUTHENTICATED', `Sign in to ${what}`);
  if ('error' in credential) throw new UploadRefusal(401, 'UNAUTHENTICATED', credential.error);
  if (cookieNeedsHeader && !req.headers.authorization && req.headers[UPLOAD_HEADER] !== '1')
    throw new UploadRefusal(
      403,
      'FORBIDDEN',
      `Uploads signed in by the session cookie must send the header X-Intradesk-Upload: 1`,
    );
  const result = await auth.authenticate(credential.token);
  if ('error' in result) throw new UploadRefusal(401, 'UNAUTHENTICATED', result.error);
  return result.user;
}

// The media type of the request without its parameters (charset...).
export function mediaType(req: Request): string {
  return (req.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
}

// The body copied to a private temporary file as it arrives, refused past maxBytes. Spooled
// rather than parsed off the socket: browsers read a response only once they have sent the whole
// request body, so progress lines written during the upload would reach them all at once at the
// end; spooled, the upload runs at network speed and the import's progress streams live after it.
export async function spoolBody(
  req: Request,
  maxBytes: number,
): Promise<{ file: string; bytes: number; remove: () => Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), 'intradesk-upload-'));
  const remove = () => rm(dir, { recursive: true, force: true });
  const file = join(dir, 'body');
  try {
    const out = createWriteStream(file, { mode: 0o600 });
    let bytes = 0;
    await new Promise<void>((resolve, reject) => {
      const fail = (error: unknown) => {
        req.unpipe(out);
        out.destroy();
        reject(error);
      };
      req.on('data', (chunk: Buffer) => {
        bytes += chunk.length;
        if (bytes > maxBytes) {
          req.pause();
          fail(
            new UploadRefusal(
              413,
              'PAYLOAD_TOO_LARGE',
              `The file is larger than ${maxBytes} bytes`,
            ),
          );
        }
      });
      req.on('aborted', () => fail(new Error('the client closed the upload')));
      req.on('error', fail);
      out.on('error', fail);
      out.on('finish', () => resolve());
      req.pipe(out);
    });
    return { file, bytes, remove };
  } catch (error) {
    await remove();
    throw error;
  }
}

// The spooled file's lines (line numbers from 1), with the bytes read up to each line.
export async function* fileLines(
  file: string,
  onLine: (lines: number, bytes: number) => void,
): AsyncGenerator<string> {
  const input = createReadStream(file);
  const reader = createInterface({ input, crlfDelay: Infinity });
  let lines = 0;
  let bytes = 0;
  try {
    for await (const line of reader) {
      lines++;
      bytes += Buffer.byteLength(line) + 1;
      onLine(lines, bytes);
      yield line;
    }
  } finally {
    reader.close();
    input.destroy();
  }
}

// The spooled file as a stream, counting the bytes read.
export function fileStream(file: string, onBytes: (bytes: number) => void): Readable {
  const input = createReadStream(file);
  let bytes = 0;
  input.on('data', (chunk) => onBytes((bytes += chunk.length)));
  return input;
}

// NDJSON messages on the response: progress at most every PROGRESS_MS, then the result.
export class ProgressWriter {
  private lastAt = 0;
  lines = 0;
  bytes = 0;

  constructor(
    private readonly res: Response,
    private readonly totalBytes: number,
    private readonly everyMs = 100,
  ) {}

  start(): void {
    this.res.status(200);
    this.res.setHeader('Content-Type', 'application/x-ndjson; charset=utf-8');
    this.res.setHeader('Cache-Control', 'no-store');
    // Proxies (nginx) must pass each line on as written.
    this.res.setHeader('X-Accel-Buffering', 'no');
    this.res.flushHeaders();
    this.send({ type: 'received', bytes: this.totalBytes });
  }

  at(lines: number, bytes: number): void {
    this.lines = lines;
    this.bytes = Math.min(bytes, this.totalBytes);
    // Real time: how often the uploader sees a progress line, not a time of the domain.
    const now = Date.now();
    if (now - this.lastAt < this.everyMs) return;
    this.lastAt = now;
    this.progress();
  }

  progress(): void {
    this.send({
      type: 'progress',
      lines: this.lines,
      bytes: this.bytes,
      totalBytes: this.totalBytes,
    });
  }

  send(message: Record<string, unknown>): void {
    if (!this.res.writableEnded && !this.res.destroyed)
      this.res.write(`${JSON.stringify(message)}\n`);
  }

  end(message: Record<string, unknown>): void {
    this.send(message);
    if (!this.res.writableEnded) this.res.end();
  }
}
