import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse } from 'csv-parse/sync';

// The senior posts of two UK government organograms, shipped with the tests (test/fixtures).
export const ORGANOGRAM_DIR = path.resolve(__dirname, '../fixtures/org_uk_gov');

interface SeniorPost {
  ref: string;
  unit: string;
  reportsTo: string;
}

// Turns a UK government organogram into an org-chart CSV: each unit is a department and its
// parent is the unit of the post its most senior post reports to (the data's own tree).
// `file` is a name in ORGANOGRAM_DIR, or a path.
export function organogramToOrgChartCsv(
  file: string,
  timeZone = 'Europe/London',
): { csv: string; units: number } {
  const records: Record<string, string>[] = parse(
    fs.readFileSync(path.resolve(ORGANOGRAM_DIR, file)),
    {
      columns: true,
      bom: true,
      relax_column_count: true,
    },
  );
  const posts = new Map<string, SeniorPost>(
    records.map((r) => [
      r['Post Unique Reference'],
      {
        ref: r['Post Unique Reference'],
        unit: r['Unit'].trim(),
        reportsTo: r['Reports to Senior Post'],
      },
    ]),
  );
  const depthOf = (post: SeniorPost): number => {
    let depth = 0;
    for (let p = post; posts.has(p.reportsTo) && depth < posts.size; p = posts.get(p.reportsTo)!)
      depth++;
    return depth;
  };
  // The most senior post of each unit (smallest depth in the reporting tree).
  const head = new Map<string, SeniorPost>();
  for (const post of posts.values()) {
    const current = head.get(post.unit);
    if (!current || depthOf(post) < depthOf(current)) head.set(post.unit, post);
  }
  const codes = new Map(
    [...head.keys()].sort().map((unit, i) => [unit, `U${String(i + 1).padStart(3, '0')}`]),
  );
  const parentUnit = (unit: string): string | null => {
    // Walk up from the unit's head until the reporting line leaves the unit.
    for (let p = posts.get(head.get(unit)!.reportsTo); p; p = posts.get(p.reportsTo)) {
      if (p.unit !== unit) return p.unit;
    }
    return null;
  };
  const quote = (value: string) =>
    /[",\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
  const lines = [...head.keys()].sort().map((unit) => {
    const parent = parentUnit(unit);
    return [
      codes.get(unit)!,
      quote(unit.slice(0, 200)),
      parent ? codes.get(parent)! : '',
      '',
      timeZone,
      '',
    ].join(',');
  });
  return {
    csv: ['code,name,parent_code,level,time_zone,lead_email', ...lines].join('\n'),
    units: head.size,
  };
}
