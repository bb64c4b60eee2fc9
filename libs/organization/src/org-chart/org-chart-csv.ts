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

export function parseOrgChartCsv(csv: string): ParsedOrgChart {
  const rejectedCodes = new Set<string>();
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(csv.replace(/^\uFEFF/, ''), {
      info: true,
      relax_column_count: true,
      skip_empty_lines: true,
      trim: true,
    }) as unknown as typeof records;
  } catch (error) {
    const line = (error as { lines?: number }).lines ?? 1;
    return {
      rows: [],
      errors: [{ line, message: `not valid CSV: ${(error as Error).message}` }],
      rejectedCodes,
    };
  }
  if (records.length === 0) {
    return {
      rows: [],
      errors: [
        { line: 1, message: `empty file: expected the header ${ORG_CHART_COLUMNS.join(',')}` },
      ],
      rejectedCodes,
    };
  }
  const header = records[0].record.map((h) => h.toLowerCase());
  if (header.join(',') !== ORG_CHART_COLUMNS.join(',')) {
    return {
      rows: [],
      errors: [
        {
          line: records[0].info.lines,
          message: `header must be exactly ${ORG_CHART_COLUMNS.join(',')}`,
        },
      ],
      rejectedCodes,
    };
  }

  const rows: OrgChartRow[] = [];
  const errors: LineError[] = [];
  for (const { record, info } of records.slice(1)) {
    const line = info.lines;
    const problems: string[] = [];
    if (record.length !== ORG_CHART_COLUMNS.length) {
      errors.push({
        line,
        message: `expected ${ORG_CHART_COLUMNS.length} columns, found ${record.length}`,
      });
      continue;
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
      errors.push({ line, message: problems.join('; ') });
      if (DEPARTMENT_CODE_PATTERN.test(code)) rejectedCodes.add(normalizeDepartmentCode(code));
      continue;
    }
    rows.push({
      line,
      code: normalizeDepartmentCode(code),
      name,
      parentCode: parentCode ? normalizeDepartmentCode(parentCode) : null,
      level: level ? Number(level) : null,
      timeZone: timeZone || null,
      leadEmail: leadEmail ? leadEmail.toLowerCase() : null,
    });
  }
  return { rows, errors, rejectedCodes };
}
