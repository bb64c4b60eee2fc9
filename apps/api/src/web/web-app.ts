import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import compression from 'compression';
import express, { NextFunction, Request, Response } from 'express';

// Paths the API answers itself (the reports' CSV downloads are /reports/<name>.csv; /reports and
// /reports/what-if are screens; attachments are /attachments/<id>; the unsubscribe page is
// /mail/unsubscribe); everything else that asks for a page gets the single-page app.
const API_PATHS = /^\/(graphql|health|ready|attachments|mail)(\/|$|\?)|^\/reports\/[^/]+\.csv$/;

export interface WebAppOptions {
  // The built app (vite build's outDir): index.html and assets/.
  dir: string;
}

// Serves the web app at /: hashed assets under /assets/ are immutable (a new build has new
// names), index.html is revalidated every time so a deployment is picked up at once, and client
// routes such as /requests/IT-42 fall back to index.html.
export function webApp(options: WebAppOptions): express.Router {
  const dir = resolve(options.dir);
  const index = join(dir, 'index.html');
  const assets = express.static(join(dir, 'assets'), {
    immutable: true,
    maxAge: '365d',
    index: false,
    fallthrough: false,
  });
  const files = express.static(dir, {
    index: false,
    setHeaders: (res) => res.setHeader('cache-control', 'no-cache'),
  });
  const page = (req: Request, res: Response, next: NextFunction) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return next();
    if (API_PATHS.test(req.path) || !req.accepts('html')) return next();
    if (!existsSync(index)) {
      res
        .status(503)
        .type('text/plain')
        .send('The web app is not built yet: run `npm run build:web` (npm start does it).');
      return;
    }
    res.setHeader('cache-control', 'no-cache');
    res.sendFile(index);
  };
  const router = express.Router();
  // The app's files gzipped (only what it serves: GraphQL answers are left to a proxy).
  router.use(compression());
  router.use('/assets', assets);
  router.use(files);
  router.use(page);
  return router;
}

// The content security policy of the app's pages: scripts, styles, fonts and connections
// (HTTP and the graphql-ws WebSocket) only from this origin.
export const webContentSecurityPolicy = {
  useDefaults: false,
  directives: {
    defaultSrc: ["'self'"],
    scriptSrc: ["'self'"],
    styleSrc: ["'self'"],
    imgSrc: ["'self'", 'data:', 'blob:'],
    fontSrc: ["'self'"],
    connectSrc: ["'self'"],
    objectSrc: ["'none'"],
    baseUri: ["'self'"],
    formAction: ["'self'"],
    frameAncestors: ["'none'"],
  },
};
