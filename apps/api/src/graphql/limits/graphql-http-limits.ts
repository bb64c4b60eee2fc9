import type { NextFunction, Request, Response } from 'express';
import { DocumentLimits, oversizedDocument } from './document-limits';
import type { AbuseBlocklist } from './abuse-blocklist';
import { LIMIT_STATUS, LimitCode, limitRefusalBody } from './limit-refusal';

function refuser(blocklist: AbuseBlocklist) {
  return (req: Request, res: Response, code: LimitCode, message: string): void => {
    // Counted before the answer, so the caller's next request already meets the count.
    void blocklist
      .recordRefusal(req.ip)
      .finally(() => res.status(LIMIT_STATUS[code]).json(limitRefusalBody(code, message)));
  };
}

// Checks made on the HTTP request before Apollo parses anything: one operation per request and
// a bounded document. (The body's own size is bounded by the JSON parser.) Each refusal counts
// against the client address in the abuse blocklist.
export function graphqlHttpLimits(options: DocumentLimits & { blocklist: AbuseBlocklist }) {
  const refuse = refuser(options.blocklist);
  return (req: Request, res: Response, next: NextFunction): void => {
    const body: unknown = req.body;
    if (Array.isArray(body)) {
      return refuse(
        req,
        res,
        'BATCHING_NOT_SUPPORTED',
        'Send one operation per request; batched requests are not accepted',
      );
    }
    const query =
      req.method === 'GET' ? req.query.query : (body as { query?: unknown } | undefined)?.query;
    const oversized = typeof query === 'string' ? oversizedDocument(query, options) : null;
    if (oversized) return refuse(req, res, 'DOCUMENT_TOO_LARGE', oversized);
    next();
  };
}

// A body declared larger than the limit is refused from its Content-Length, at once: the JSON
// parser would read (and discard) all of it before answering. The connection is closed after the
// answer rather than drained.
export function declaredBodyLimit(maxBytes: number, blocklist: AbuseBlocklist) {
  const refuse = refuser(blocklist);
  return (req: Request, res: Response, next: NextFunction): void => {
    const declared = Number(req.headers['content-length']);
    if (!Number.isFinite(declared) || declared <= maxBytes) return next();
    res.setHeader('Connection', 'close');
    res.once('finish', () => req.socket.destroySoon());
    refuse(req, res, 'PAYLOAD_TOO_LARGE', `The request body is larger than ${maxBytes} bytes`);
  };
}

// The JSON parser's own failures (too large, malformed) answered as GraphQL-shaped JSON rather than
// Express's HTML error page.
export function bodyParserErrors(blocklist: AbuseBlocklist) {
  const refuse = refuser(blocklist);
  return (
    error: { type?: string; status?: number; limit?: number },
    req: Request,
    res: Response,
    next: NextFunction,
  ): void => {
    if (error?.type === 'entity.too.large') {
      return refuse(
        req,
        res,
        'PAYLOAD_TOO_LARGE',
        `The request body is larger than ${error.limit ?? 'the limit of'} bytes`,
      );
    }
    if (typeof error?.type === 'string' && error.status && error.status < 500) {
      return refuse(req, res, 'BAD_REQUEST', 'The request body is not valid JSON');
    }
    next(error);
  };
}
