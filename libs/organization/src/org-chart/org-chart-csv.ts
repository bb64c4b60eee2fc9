import type { Readable } from 'node:stream';
import { parse as parseStream } from 'csv-parse';
import { parse } from 'csv-parse/sync';
import { isIanaTimeZone } from '@intradesk/core';
import { isEmail } from 'class-validator';
import { DEPARTMENT_CODE_PATTERN, normalizeDepartmentCode } from '../departments/department-code';

export const ORG_CHART_COLUMNS = [
  'code',
  'name',
  'parent_code',
  'level',
  'time_zone',
  'lead_email',
] as const;

export interface OrgChartRow {
  line: number;
  code: string;
  name: string;
  parentCode: string | null;
  level: number | null;
  timeZone: string | null;
  leadEmail: string | null;
}

export interface LineError {
  line: number;
  message: string;
}

// Parses and checks each line on its own; relations between lines are checked by the importer.
export interface ParsedOrgChart {
  rows: OrgChartRow[];
  errors: LineError[];
  // Codes of refused lines: their children are not reported again as orphans.
  rejectedCodes: Set<string>;
}

const CSV_OPTIONS = {
  info: true,
  relax_column_count: true,
  skip_empty_lines: true,
  trim: true,
  bom: true,
} as const;

type CsvRecord = { record: string[]; info: { lines: number } };

export function parseOrgChartCsv(csv: string): ParsedOrgChart {
  const checker = new OrgChartChecker();
  let records: CsvRecord[];
  try {
    records = parse(csv, CSV_OPTIONS) as unknown as CsvRecord[];
  } catch (error) {
    return checker.refusedCsv(error);
  }
  for (const record of records) checker.accept(record);
  return checker.finish();
}

// The same from a stream of bytes (an upload): records are checked as they are parsed, so only
// the accepted rows are held (one small object per department), never the file.
export async function parseOrgChartStream(
  input: Readable,
  onRecord?: (line: number) => void,
): Promise<ParsedOrgChart> {
  const checker = new OrgChartChecker();
  try {
    for await (const record of input.pipe(parseStream(CSV_OPTIONS)) as AsyncIterable<CsvRecord>) {
      checker.accept(record);
      onRecord?.(record.info.lines);
    }
  } catch (error) {
    input.resume();
    return checker.refusedCsv(error);
  }
  return checker.finish();
}

class OrgChartChecker {
  private readonly rows: OrgChartRow[] = [];
  private readonly errors: LineError[] = [];
  private readonly rejectedCodes = new Set<string>();
  private header: 'missing' | 'ok' | LineError = 'missing';

  refusedCsv(error: unknown): ParsedOrgChart {
    const line = (error as { lines?: number }).lines ?? 1;
    return {
      rows: [],
      errors: [{ line, message: `not valid CSV: ${(error as Error).message}` }],
      rejectedCodes: new Set(),
    };
  }

  accept({ record, info }: CsvRecord): void {
    if (this.header !== 'ok') {
      if (this.header !== 'missing') return;
      const header = record.map((h) => h.toLowerCase());
      this.header =
        header.join(',') === ORG_CHART_COLUMNS.join(',')
          ? 'ok'
          : { line: info.lines, message: `header must be exactly ${ORG_CHART_COLUMNS.join(',')}` };
      return;
    }
    const line = info.lines;
    const problems: string[] = [];
    if (record.length !== ORG_CHART_COLUMNS.length) {
      this.errors.push({
        line,
        message: `expected ${ORG_CHART_COLUMNS.length} columns, found ${record.length}`,
      });
      return;
    }
    const [code, name, parentCode, level, timeZone, leadEmail] = record;
    if (!DEPARTMENT_CODE_PATTERN.test(code)) {
      problems.push(`code "${code}" must be 1-32 letters, digits, '-' or '_'`);
    }
    if (name.length === 0 || name.length > 200) problems.push('name must be 1-200 characters');
    if (parentCode && !DEPARTMENT_CODE_PATTERN.test(parentCode)) {
      problems.push(`parent_code "${parentCode}" is not a valid code`);
    }
    if (level && !/^\d{1,3}$/.test(level))
      problems.push(`level "${level}" must be a whole number from 0 to 999`);
    if (timeZone && !isIanaTimeZone(timeZone))
      problems.push(`time_zone "${timeZone}" is not an IANA time zone`);
    if (leadEmail && !isEmail(leadEmail))
      problems.push(`lead_email "${leadEmail}" is not an email address`);
    if (problems.length > 0) {
      this.errors.push({ line, message: problems.join('; ') });
      if (DEPARTMENT_CODE_PATTERN.test(code)) this.rejectedCodes.add(normalizeDepartmentCode(code));
      return;
    }
    this.rows.push({
      line,
      code: normalizeDepartmentCode(code),
      name,
      parentCode: parentCode ? normalizeDepartmentCode(parentCode) : null,
      level: level ? Number(level) : null,
      timeZone: timeZone || null,
      leadEmail: leadEmail ? leadEmail.toLowerCase() : null,
    });
  }

  finish(): ParsedOrgChart {
    if (this.header === 'missing') {
      return {
        rows: [],
        errors: [
          { line: 1, message: `empty file: expected the header ${ORG_CHART_COLUMNS.join(',')}` },
        ],
        rejectedCodes: this.rejectedCodes,
      };
    }
    if (this.header !== 'ok')
      return { rows: [], errors: [this.header], rejectedCodes: this.rejectedCodes };
    return { rows: this.rows, errors: this.errors, rejectedCodes: this.rejectedCodes };
  }
}
