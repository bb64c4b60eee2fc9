import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

// Authorization lives in one place per context: the *.policy.ts files. Anywhere else in the
// server's source, a role compared, looked up or spelled out is a rule that escaped.
const ROOT = join(__dirname, '..', '..', '..', '..');
const ROLE = '(MEMBER|AGENT|LEAD|OPS|ADMIN)';
const ESCAPES: [string, RegExp][] = [
  // (against a spelt-out name; one role against another, as in "did it change", is not a rule)
  ['compares a role', /\.role\s*[!=]==?\s*['"`]|['"`]\s*[!=]==?\s*[\w.]*\.role\b/],
  ['compares with Role.*', new RegExp(`[!=]==?\\s*Role\\.${ROLE}\\b|\\bRole\\.${ROLE}\\s*[!=]==?`)],
  ['spells a role name', new RegExp(`['"\`]${ROLE}['"\`]`)],
  [
    'looks a role up in a list',
    /\broles?\.(includes|has|indexOf)\(|\.(includes|has)\([\w.]*\.role\)/,
  ],
];

// Not rules about callers: seed data picks who the demo people are, the migrations create the
// enum type, role.enum.ts defines it.
const NOT_RULES = [
  /\/demo\//,
  /^libs\/db\/src\/migrations\//,
  /^libs\/core\/src\/auth\/role\.enum\.ts$/,
];

function sources(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
    const path = `${dir}/${entry.name}`;
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : sources(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

export function escapedRoleChecks(files: { path: string; text: string }[]): string[] {
  return files
    .filter(({ path }) => !path.endsWith('.spec.ts') && !path.endsWith('.policy.ts'))
    .filter(({ path }) => !NOT_RULES.some((pattern) => pattern.test(path)))
    .flatMap(({ path, text }) =>
      text.split('\n').flatMap((line, i) => {
        if (/^\s*\/\//.test(line)) return [];
        return ESCAPES.filter(([, pattern]) => pattern.test(line)).map(
          ([what]) => `${path}:${i + 1} ${what}: ${line.trim()}`,
        );
      }),
    );
}

describe('role checks live in *.policy.ts only', () => {
  const files = [
    ...sources('libs'),
    ...sources('apps').filter((p) => !p.startsWith('apps/web/')),
  ].map((path) => ({
    path: relative(ROOT, join(ROOT, path)),
    text: readFileSync(join(ROOT, path), 'utf8'),
  }));

  it('finds the server sources', () => {
    expect(files.some((f) => f.path === 'libs/core/src/auth/auth.guard.ts')).toBe(true);
    expect(files.length).toBeGreaterThan(200);
  });

  it('finds no role comparison, lookup or spelt-out role outside the policies', () => {
    expect(escapedRoleChecks(files)).toEqual([]);
  });

  it('would catch each kind of escape', () => {
    const caught = escapedRoleChecks([
      { path: 'libs/x/src/a.service.ts', text: "if (user.role === 'OPS') return;" },
      { path: 'libs/x/src/b.resolver.ts', text: "@Roles('OPS', 'ADMIN')" },
      { path: 'libs/x/src/c.service.ts', text: 'if (Role.ADMIN !== actor.role) throw x;' },
      { path: 'libs/x/src/d.service.ts', text: 'if (!kind.roles.includes(user.role)) throw x;' },
      { path: 'libs/x/src/e.service.ts', text: "WHERE u.role IN ('AGENT', 'LEAD')" },
      {
        path: 'libs/x/src/f.service.ts',
        text: 'if (command.role !== user.role) changes.role = command.role;',
      },
      { path: 'libs/x/src/x.policy.ts', text: "return user.role === 'OPS';" },
      { path: 'libs/x/src/x.spec.ts', text: "role: 'OPS'" },
    ]);
    expect(caught.map((c) => c.split(':')[0])).toEqual([
      'libs/x/src/a.service.ts',
      'libs/x/src/a.service.ts',
      'libs/x/src/b.resolver.ts',
      'libs/x/src/c.service.ts',
      'libs/x/src/d.service.ts',
      'libs/x/src/e.service.ts',
    ]);
  });
});
