import { Readable } from 'node:stream';
import { parseOrgChartCsv, parseOrgChartStream } from './org-chart-csv';

const HEADER = 'code,name,parent_code,level,time_zone,lead_email';

describe('parseOrgChartCsv', () => {
  it('parses rows, normalising codes and emails', () => {
    const { rows, errors } = parseOrgChartCsv(
      `${HEADER}\nco,Company,,,Europe/London,Boss@Example.org\nit,IT,co,2,,\n`,
    );
    expect(errors).toEqual([]);
    expect(rows).toEqual([
      {
        line: 2,
        code: 'CO',
        name: 'Company',
        parentCode: null,
        level: null,
        timeZone: 'Europe/London',
        leadEmail: 'boss@example.org',
      },
      {
        line: 3,
        code: 'IT',
        name: 'IT',
        parentCode: 'CO',
        level: 2,
        timeZone: null,
        leadEmail: null,
      },
    ]);
  });

  it('reports every bad line with its number (header is line 1)', () => {
    const csv = [
      HEADER,
      'CO,Company,,,UTC,',
      'bad code!,X,,,,',
      'HR,HR,CO,-1,,',
      'FIN,Finance,CO,,Mars/Olympus,',
      'PAY,Payroll,FIN,,,not-an-email',
      'SHORT,row',
    ].join('\n');
    const { rows, errors } = parseOrgChartCsv(csv);
    expect(rows.map((r) => r.code)).toEqual(['CO']);
    expect(errors.map((e) => e.line)).toEqual([3, 4, 5, 6, 7]);
    expect(errors[0].message).toMatch(/code/);
    expect(errors[1].message).toMatch(/level/);
    expect(errors[2].message).toMatch(/time_zone/);
    expect(errors[3].message).toMatch(/lead_email/);
    expect(errors[4].message).toMatch(/columns/);
  });

  it('accepts quoted fields with commas (RFC 4180)', () => {
    const { rows, errors } = parseOrgChartCsv(
      `${HEADER}\nLEGAL,"Legal, Risk and Compliance",,,,\n`,
    );
    expect(errors).toEqual([]);
    expect(rows[0].name).toBe('Legal, Risk and Compliance');
  });

  it('refuses a wrong header on line 1', () => {
    const { errors } = parseOrgChartCsv('code,name\nIT,IT\n');
    expect(errors).toEqual([{ line: 1, message: expect.stringContaining('header') }]);
  });

  it('refuses an empty file', () => {
    expect(parseOrgChartCsv('').errors[0].line).toBe(1);
  });
});

describe('parseOrgChartStream', () => {
  // The same file, whole or in chunks cut anywhere (inside a quoted field, a line break, a BOM).
  const csv = `\uFEFF${HEADER}\r\nco,"Company, Ltd",,,Europe/London,Boss@Example.org\r\nit,IT,co,x,,\r\n\r\nbad code,B,,,,\r\nfin,"Finance\r\nand pay",co,,,\r\n`;
  const chunked = (size: number) =>
    Readable.from(
      Array.from({ length: Math.ceil(csv.length / size) }, (_, i) =>
        Buffer.from(csv.slice(i * size, (i + 1) * size)),
      ),
    );

  it.each([1, 7, 64, 100_000])('answers as parseOrgChartCsv with chunks of %i', async (size) => {
    const lines: number[] = [];
    const streamed = await parseOrgChartStream(chunked(size), (line) => lines.push(line));
    expect(streamed).toEqual(parseOrgChartCsv(csv));
    expect(streamed.errors.map((e) => e.line)).toEqual([3, 5]);
    expect(lines.at(-1)).toBeGreaterThanOrEqual(7);
  });

  it('names the line of a CSV that cannot be parsed', async () => {
    const broken = Readable.from([Buffer.from(`${HEADER}\nco,"Company,,,,\n`)]);
    const parsed = await parseOrgChartStream(broken);
    expect(parsed.rows).toEqual([]);
    expect(parsed.errors).toEqual([
      { line: expect.any(Number), message: expect.stringMatching(/^not valid CSV/) },
    ]);
  });
});
