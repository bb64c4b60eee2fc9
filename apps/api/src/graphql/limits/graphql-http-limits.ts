import type { NextFunction, Request, Response } from 'express';
import { LIMIT_STATUS, LimitCode, limitRefusalBody } from './limit-refusal';

function refuse(res: Response, code: LimitCode, message: string): void {
  res.status(LIMIT_STATUS[code]).json(limitRefusalBody(code, message));
}

// Checks made on the HTTP request before Apollo parses anything: one operation per request and
// a bounded document. (The body's own size is bounded by the JSON parser.)
export function graphqlHttpLimits(options: { maxDocumentBytes: number }) {
  return (req: Request, res: Response, next: NextFunction): void => {
    const body: unknown = req.body;
    if (Array.isArray(body)) {
      return refuse(
        res,
        'BATCHING_NOT_SUPPORTED',
        'Send one operation per request; batched requests are not accepted',
      );
    }
    const query =
      req.method === 'GET' ? req.query.query : (body as { query?: unknown } | undefined)?.query;
    if (typeof query === 'string' && Buffer.byteLength(query) > options.maxDocumentBytes) {
      return refuse(
        res,
        'DOCUMENT_TOO_LARGE',
        `The GraphQL document is larger than ${options.maxDocumentBytes} bytes`,
      );
    }
    next();
  };
}

// The JSON parser's own failures (too large, malformed) answered as GraphQL-shaped JSON rather than
// Express's HTML error page.
export function bodyParserErrors() {
  return (
    error: { type?: string; status?: number; limit?: number },
    _req: Request,
    res: Response,
    next: NextFunction,
  ): void => {
    if (error?.type === 'entity.too.large') {
      return refuse(
        res,
        'PAYLOAD_TOO_LARGE',
        `The request body is larger than ${error.limit ?? 'the limit of'} bytes`,
      );
    }
    if (typeof error?.type === 'string' && error.status && error.status < 500) {
      return refuse(res, 'BAD_REQUEST', 'The request body is not valid JSON');
    }
    next(error);
  };
}
