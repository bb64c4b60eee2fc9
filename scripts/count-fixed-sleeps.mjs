// Fixed sleeps in the test suite: waits of a set length that a test does not need if it moves the
// injectable time source or polls for its condition. Usage: node scripts/count-fixed-sleeps.mjs
// [--json] [--verbose]. Prints the milliseconds per file and the total.
//
// Counted: `new Promise((r) => setTimeout(r, N))`, `await setTimeout(N)` (node:timers/promises),
// calls of a sleep helper (`sleep(N)`, `delay(N)`, `pause(N)`, `wait(N)`, `.waitForTimeout(N)`),
// an Atomics.wait sleep, each with its literal or constant length. A sleep inside a loop of its own
// function is a poll interval or a load generator's pause (the loop waits for a condition), listed
// apart and not in the total. A setTimeout with a callback of its own is a timer, not a sleep.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';

const ROOT = new URL('..', import.meta.url).pathname;
const SLEEP_HELPERS = /^(sleep|delay|pause|wait|waitForTimeout)$/;
const args = new Set(process.argv.slice(2));

function* testFiles(dir) {
  for (const name of readdirSync(dir)) {
    if (name === 'node_modules' || name === 'dist' || name.startsWith('.')) continue;
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* testFiles(path);
    else if (
      /\.tsx?$/.test(name) &&
      (isUnderTest(path) || /\.(spec|e2e-spec|browser-spec)\.tsx?$/.test(name))
    )
      yield path;
  }
}
const isUnderTest = (path) => relative(ROOT, path).split('/')[0] === 'test';

const isFunction = (node) =>
  ts.isFunctionDeclaration(node) ||
  ts.isFunctionExpression(node) ||
  ts.isArrowFunction(node) ||
  ts.isMethodDeclaration(node);
const isLoop = (node) =>
  ts.isWhileStatement(node) ||
  ts.isDoStatement(node) ||
  ts.isForStatement(node) ||
  ts.isForOfStatement(node) ||
  ts.isForInStatement(node);

// The executor of `new Promise(...)` runs at once: a loop around the promise holds the sleep.
const isPromiseExecutor = (node) =>
  node.parent && ts.isNewExpression(node.parent) && node.parent.expression.getText() === 'Promise';

function insideLoop(node) {
  for (let at = node.parent; at; at = at.parent) {
    if (isLoop(at)) return true;
    if (isFunction(at) && !isPromiseExecutor(at)) return false;
  }
  return false;
}

// A sleep helper's own parameter (`setTimeout(resolve, ms)` in `sleep(ms)`) is not a length to count.
function isParameterOfEnclosingFunction(node, expr) {
  if (!expr || !ts.isIdentifier(expr)) return false;
  for (let at = node.parent; at; at = at.parent)
    if (
      isFunction(at) &&
      at.parameters.some((p) => ts.isIdentifier(p.name) && p.name.text === expr.text)
    )
      return true;
  return false;
}

function analyse(path) {
  const text = readFileSync(path, 'utf8');
  const source = ts.createSourceFile(path, text, ts.ScriptTarget.Latest, true);
  const constants = new Map();
  const found = [];

  const valueOf = (expr) => {
    if (!expr) return undefined;
    if (ts.isNumericLiteral(expr)) return Number(expr.text.replace(/_/g, ''));
    if (ts.isIdentifier(expr) && constants.has(expr.text)) return constants.get(expr.text);
    if (ts.isParenthesizedExpression(expr)) return valueOf(expr.expression);
    if (ts.isBinaryExpression(expr)) {
      const [l, r] = [valueOf(expr.left), valueOf(expr.right)];
      if (l === undefined || r === undefined) return undefined;
      if (expr.operatorToken.kind === ts.SyntaxKind.AsteriskToken) return l * r;
      if (expr.operatorToken.kind === ts.SyntaxKind.PlusToken) return l + r;
    }
    return undefined;
  };

  const record = (node, ms, kind) => {
    const line = source.getLineAndCharacterOfPosition(node.getStart()).line + 1;
    found.push({ line, ms, kind, loop: insideLoop(node), code: node.getText().slice(0, 80) });
  };

  const visit = (node) => {
    if (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name) && node.initializer) {
      const value = valueOf(node.initializer);
      if (value !== undefined) constants.set(node.name.text, value);
    }
    if (ts.isCallExpression(node)) {
      const callee = node.expression;
      // jest.setTimeout(N) and the like set a limit; only a bare setTimeout or a page's
      // waitForTimeout sleeps.
      const name = ts.isIdentifier(callee)
        ? callee.text
        : ts.isPropertyAccessExpression(callee) && /^(waitForTimeout|wait)$/.test(callee.name.text)
          ? callee.name.text
          : '';
      const [first, second] = node.arguments;
      const isHelperParameter = (expr) => isParameterOfEnclosingFunction(node, expr);
      if (name === 'setTimeout' && node.arguments.length === 2 && ts.isIdentifier(first)) {
        // setTimeout(resolve, N): a promise that only waits.
        if (!isHelperParameter(second)) record(node, valueOf(second), 'setTimeout');
      } else if (name === 'setTimeout' && node.arguments.length === 1) {
        if (!isHelperParameter(first)) record(node, valueOf(first), 'timers/promises');
      } else if (
        name === 'wait' &&
        ts.isPropertyAccessExpression(callee) &&
        callee.expression.getText() === 'Atomics'
      ) {
        const ms = node.arguments[3];
        if (!isHelperParameter(ms)) record(node, valueOf(ms), 'Atomics.wait');
      } else if (
        SLEEP_HELPERS.test(name) &&
        node.arguments.length === 1 &&
        valueOf(first) !== undefined
      ) {
        record(node, valueOf(first), `${name}()`);
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

const rows = [];
for (const dir of ['test', 'libs', 'apps']) {
  for (const path of testFiles(join(ROOT, dir))) {
    const found = analyse(path);
    if (found.length) rows.push({ file: relative(ROOT, path), found });
  }
}

const sum = (list) => list.reduce((total, f) => total + (f.ms ?? 0), 0);
const report = rows.map(({ file, found }) => ({
  file,
  fixedMs: sum(found.filter((f) => !f.loop)),
  pollMs: sum(found.filter((f) => f.loop)),
  unknown: found.filter((f) => f.ms === undefined).length,
  found,
}));
const totalFixed = sum(report.map((r) => ({ ms: r.fixedMs })));
const totalPoll = sum(report.map((r) => ({ ms: r.pollMs })));

if (args.has('--json')) {
  console.log(
    JSON.stringify({ totalFixedMs: totalFixed, pollIntervalMs: totalPoll, files: report }, null, 2),
  );
} else {
  for (const r of report.sort((a, b) => b.fixedMs - a.fixedMs)) {
    console.log(
      `${String(r.fixedMs).padStart(7)} ms fixed  ${String(r.pollMs).padStart(5)} ms in loops  ${r.file}`,
    );
    if (args.has('--verbose'))
      for (const f of r.found)
        console.log(
          `        ${f.loop ? 'loop ' : 'FIXED'} ${String(f.ms ?? '?').padStart(6)}  :${f.line}  ${f.code}`,
        );
  }
  console.log(
    `total fixed sleeps: ${totalFixed} ms (poll intervals inside loops, not counted: ${totalPoll} ms)`,
  );
}
