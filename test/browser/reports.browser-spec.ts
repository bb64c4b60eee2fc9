/// <reference lib="dom" />
// (Functions passed to page.evaluate run in the browser.)
// Reports in the browser: operations filter the SLA report to a supplier and a month, the chart
// (role img, named) and the table agree, its CSV download has the same rows, and a cell of the
// department matrix opens the queue with the requests behind it; each effect cross-checked
// through the API. Then the page under axe-core in English and Persian, and a team lead's
// reports limited to their department.
import { readFileSync } from 'node:fs';
import { demoEmail } from '@intradesk/organization';
import { parse } from 'csv-parse/sync';
import { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { formatMinutes } from '../../apps/web/src/sla/business-duration';
import { expectAccessible } from './support/axe';
import { describeInBrowser, launchChromium } from './support/chromium';
import { Desk, eventually, startDesk } from './support/desk';
import { Locale, Names } from './support/names';
import { choose, mainNav, newPage, signIn, step } from './support/pages';

const OPS = 'ops@demo.intradesk.test';
const IT_LEAD = demoEmail('IT', 'lead');

interface SlaFigure {
  group: string;
  total: number;
  resolutionCompliance: number | null;
  firstResponseCompliance: number | null;
}

// The local dates of a month's first and last days (YYYY-MM-DD).
function monthDates(period: string): { from: string; to: string } {
  const [y, m] = period.split('-').map(Number);
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return { from: period, to: `${period.slice(0, 8)}${String(last).padStart(2, '0')}` };
}

async function drawnChart(region: Locator, name: RegExp): Promise<Locator> {
  const chart = region.getByRole('img', { name });
  await chart.and(region.locator('[data-state="drawn"]')).waitFor();
  await chart.locator('svg').first().waitFor();
  return chart;
}

// A report below the first screen loads when scrolled near the viewport: scroll its region
// into view and wait until it is no longer busy.
async function reveal(region: Locator): Promise<void> {
  await region.scrollIntoViewIfNeeded();
  await region.and(region.page().locator('[aria-busy="false"]')).waitFor();
}

async function tableRows(table: Locator): Promise<string[][]> {
  return table
    .locator('tbody tr')
    .evaluateAll((rows) =>
      rows.map((row) =>
        [...row.querySelectorAll('th, td')].map((cell) => (cell.textContent ?? '').trim()),
      ),
    );
}

describeInBrowser('reports in the browser', () => {
  let desk: Desk;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  const open = async () => {
    const { context, page } = await newPage(browser, desk.baseUrl);
    contexts.push(context);
    return page;
  };

  beforeAll(async () => {
    desk = await startDesk();
    browser = await launchChromium();
  });
  afterAll(async () => {
    for (const context of contexts) await context.close();
    await browser?.close();
    await desk?.close();
  });

  test('operations: the SLA report of a supplier and a month, its CSV, a matrix cell', async () => {
    const names = new Names('en', desk.web.english);
    const ops = await desk.as(OPS);
    const { departments } = await ops.data<{
      departments: { id: string; code: string; parent: { id: string } | null; timeZone: string }[];
    }>(`{ departments { id code timeZone parent { id } } }`);
    const it = departments.find((d) => d.code === 'IT')!;
    // The month with most of IT's requests.
    const { reportTrend } = await ops.data<{ reportTrend: { period: string; total: number }[] }>(
      `query($f: ReportFilter) { reportTrend(filter: $f, period: MONTH) { period total } }`,
      { f: { supplierIds: [it.id] } },
    );
    const month = [...reportTrend].sort((a, b) => b.total - a.total)[0];
    expect(month.total).toBeGreaterThan(0);
    const { from, to } = monthDates(month.period);

    const page = await open();
    await signIn(page, names, OPS);
    await step('nav Main: Reports', async () => {
      await mainNav(page, names)
        .getByRole('link', { name: names.name('Reports') })
        .click();
      await page.getByRole('heading', { level: 1, name: names.name('Reports') }).waitFor();
    });
    await step(`filters: Supplier IT, From ${from}, To ${to}`, async () => {
      await choose(page.getByRole('combobox', { name: names.exact('Supplier') }), /\(IT\)$/);
      await page.getByLabel(names.exact('From')).fill(from);
      await page.getByLabel(names.exact('To')).fill(to);
      await page.waitForURL((url) => url.searchParams.get('to') === to);
      expect(new URL(page.url()).searchParams.get('supplier')).toBe(it.id);
      expect(new URL(page.url()).searchParams.get('from')).toBe(from);
    });

    const sla = page.getByRole('region', { name: names.exact('SLA report') });
    const table = sla.getByRole('table', { name: names.exact('SLA report') });
    const figures = await step(
      'chart "SLA compliance by supplier" and table SLA report agree',
      async () => {
        const chart = await drawnChart(sla, names.name('SLA compliance by supplier'));
        const pct = (v: number | null) =>
          v === null
            ? '—'
            : new Intl.NumberFormat('en', { style: 'percent', maximumFractionDigits: 1 }).format(v);
        // Each filter typed in sends its own query, so the chart redraws more than once: wait
        // until the last one is in (the region not busy, IT's figures for the month alone);
        // chart and table must then agree.
        const drawn = await eventually(async () => {
          await sla.and(page.locator('[aria-busy="false"]')).waitFor();
          const [figures, rows] = await Promise.all([
            chart.getAttribute('data-figures'),
            tableRows(table),
          ]);
          const shown: SlaFigure[] = JSON.parse(figures ?? '[]');
          expect(shown).toHaveLength(1);
          expect(shown[0].group).toMatch(/\(IT\)$/);
          // The month's total: the figures of the whole filter, not of From alone.
          expect(shown[0].total).toBe(month.total);
          expect(rows).toHaveLength(shown.length);
          rows.forEach((row, i) => {
            expect(row[0]).toBe(shown[i].group);
            expect(row[1]).toBe(shown[i].total.toLocaleString('en'));
            expect(row[3].startsWith(pct(shown[i].resolutionCompliance))).toBe(true);
            expect(row[4].startsWith(pct(shown[i].firstResponseCompliance))).toBe(true);
          });
          return shown;
        }, 10_000);
        // The bar's category is drawn in the SVG.
        expect(await chart.locator('svg text').allTextContents()).toContain('IT');
        return drawn;
      },
    );

    // The same figures through the API, with the filter the page sent.
    const filter = {
      supplierIds: [it.id],
      from: new URL(
        `http://x${(await sla.getByRole('link', { name: names.exact('Download CSV') }).getAttribute('href'))!}`,
      ).searchParams.get('from'),
      to: new URL(
        `http://x${(await sla.getByRole('link', { name: names.exact('Download CSV') }).getAttribute('href'))!}`,
      ).searchParams.get('to'),
    };
    const { slaReport } = await ops.data<{
      slaReport: {
        supplier: { code: string };
        total: number;
        resolutionCompliance: number | null;
      }[];
    }>(
      `query($f: ReportFilter) { slaReport(filter: $f, groupBy: [SUPPLIER]) { supplier { code } total resolutionCompliance } }`,
      { f: filter },
    );
    expect(slaReport.map((r) => [r.supplier.code, r.total, r.resolutionCompliance])).toEqual(
      figures.map((f) => ['IT', f.total, f.resolutionCompliance]),
    );
    expect(slaReport[0].total).toBe(month.total);

    await step('the percentiles follow the compliance into the table', async () => {
      const { slaReport: times } = await ops.data<{
        slaReport: {
          medianResolutionMinutes: number | null;
          p90ResolutionMinutes: number | null;
        }[];
      }>(
        `query($f: ReportFilter) { slaReport(filter: $f, groupBy: [SUPPLIER]) { medianResolutionMinutes p90ResolutionMinutes } }`,
        { f: filter },
      );
      const words = (v: number | null) => (v === null ? '—' : formatMinutes(v, 'en'));
      await table.locator('td[aria-busy="true"]').first().waitFor({ state: 'detached' });
      const rows = await tableRows(table);
      expect(rows.map((row) => [row[5], row[6]])).toEqual(
        times.map((r) => [words(r.medianResolutionMinutes), words(r.p90ResolutionMinutes)]),
      );
    });

    await step('Download CSV of the SLA report: the same rows', async () => {
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        sla.getByRole('link', { name: names.exact('Download CSV') }).click(),
      ]);
      const records = parse(readFileSync((await download.path())!, 'utf8'), {
        columns: true,
      }) as Record<string, string>[];
      expect(records).toHaveLength(figures.length);
      records.forEach((record, i) => {
        expect(record.supplier_code).toBe('IT');
        expect(Number(record.total)).toBe(figures[i].total);
        expect(
          record.resolution_compliance === '' ? null : Number(record.resolution_compliance),
        ).toBe(figures[i].resolutionCompliance);
      });
    });

    await step('Download requests CSV: one line per request of the filter', async () => {
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('link', { name: names.name('Download requests CSV') }).click(),
      ]);
      const records = parse(readFileSync((await download.path())!, 'utf8'), {
        columns: true,
      }) as Record<string, string>[];
      expect(records).toHaveLength(month.total);
      for (const record of records) expect(record.supplier_code).toBe('IT');
    });

    const matrix = page.getByRole('region', { name: names.exact('Department matrix') });
    const cell = await step('the Department matrix: a heatmap and a table of links', async () => {
      await reveal(matrix);
      await drawnChart(matrix, names.name('Resolution compliance by customer and supplier'));
      const link = matrix
        .getByRole('table', { name: names.exact('Department matrix') })
        .getByRole('link')
        .first();
      await link.waitFor();
      const { departmentMatrix } = await ops.data<{
        departmentMatrix: { customer: { id: string; code: string }; requests: number }[];
      }>(
        `query($f: ReportFilter) { departmentMatrix(filter: $f) { customer { id code } requests } }`,
        { f: filter },
      );
      const first = [...departmentMatrix].sort((a, b) =>
        a.customer.code.localeCompare(b.customer.code),
      )[0];
      expect(await link.getAttribute('aria-label')).toMatch(
        new RegExp(`^${first.requests} requests?, .* ${first.customer.code} to IT$`),
      );
      return { link, ...first };
    });

    await step('open the cell: the queue with the requests behind it', async () => {
      await cell.link.click();
      await page.waitForURL(/\/queue\?/);
      const params = new URL(page.url()).searchParams;
      expect(params.get('customer')).toBe(cell.customer.id);
      expect(params.get('supplier')).toBe(it.id);
      expect(params.get('from')).toBe(filter.from);
      expect(params.get('to')).toBe(filter.to);
      const queue = page.getByRole('table', { name: names.name('Queue') });
      const rows = queue.locator('tbody tr').filter({ has: page.locator('a[href^="/requests/"]') });
      await rows.first().waitFor();
      const { requests } = await ops.data<{
        requests: { totalCount: number; edges: { node: { number: string } }[] };
      }>(
        `query($f: RequestFilter) { requests(filter: $f, first: 50) { totalCount edges { node { number } } } }`,
        {
          f: {
            customerIds: [cell.customer.id],
            supplierIds: [it.id],
            createdFrom: filter.from,
            createdTo: filter.to,
          },
        },
      );
      expect(requests.totalCount).toBe(cell.requests);
      await page
        .getByText(new RegExp(`^${cell.requests} requests?$`))
        .first()
        .waitFor();
      const shown = await rows.locator('a[href^="/requests/"]').allTextContents();
      expect(new Set(shown.map((s) => s.trim()))).toEqual(
        new Set(requests.edges.map((e) => e.node.number)),
      );
    });

    await step('back: a heatmap cell opens the same queue', async () => {
      await page.goBack();
      await reveal(matrix);
      const heatmap = await drawnChart(
        matrix,
        names.name('Resolution compliance by customer and supplier'),
      );
      // The first row's cell (customers sorted by code, one supplier column).
      const cells = heatmap.locator(
        'svg path[fill="#9fd8b0"], svg path[fill="#fde68a"], svg path[fill="#f4a3a3"], svg path[fill="#eceff3"]',
      );
      await heatmap.scrollIntoViewIfNeeded();
      const boxes = await cells.evaluateAll((els) =>
        els.map((el) => {
          const r = el.getBoundingClientRect();
          return { x: r.x + r.width / 2, y: r.y + r.height / 2, w: r.width, h: r.height };
        }),
      );
      const target = boxes.filter((b) => b.h > 10).sort((a, b) => a.y - b.y)[0];
      // A click at the cell's place in the heatmap, as a person aims it: through the locator,
      // which scrolls the cell out from under the sticky filters if they cover it.
      const box = (await heatmap.boundingBox())!;
      await heatmap.click({ position: { x: target.x - box.x, y: target.y - box.y } });
      await page.waitForURL(/\/queue\?/);
      expect(new URL(page.url()).searchParams.get('customer')).toBe(cell.customer.id);
    });
  });

  test('a team lead reports on their own department only', async () => {
    const names = new Names('en', desk.web.english);
    const page = await open();
    await signIn(page, names, IT_LEAD);
    await page.goto('/reports');
    const supplier = page.getByRole('combobox', { name: names.exact('Supplier') });
    await supplier.locator('option').nth(1).waitFor({ state: 'attached' });
    const options = await supplier.locator('option').allTextContents();
    expect(options.slice(1)).toEqual([expect.stringMatching(/\(IT\)$/)]);
    const lead = await desk.as(IT_LEAD);
    const [overall] = (
      await lead.data<{ slaReport: { total: number }[] }>(`{ slaReport { total } }`)
    ).slaReport;
    const sla = page.getByRole('region', { name: names.exact('SLA report') });
    await drawnChart(sla, names.name('SLA compliance by supplier'));
    const rows = await tableRows(sla.getByRole('table', { name: names.exact('SLA report') }));
    const sum = rows.reduce((n, row) => n + Number(row[1].replace(/,/g, '')), 0);
    expect(sum).toBe(overall.total);
  });

  describe.each<Locale>(['en', 'fa'])('axe-core in %s', (locale) => {
    let names: Names;
    let page: Page;
    beforeAll(async () => {
      names = new Names(locale, desk.web.english);
      page = await open();
    });
    afterAll(() => {
      const todo = names?.todo();
      if (todo) console.log(todo);
    });

    test('the reports page, every chart drawn', async () => {
      await signIn(page, names, OPS);
      await step('nav Main: Reports', () =>
        mainNav(page, names)
          .getByRole('link', { name: names.name('Reports') })
          .click(),
      );
      await step('every chart drawn, every table shown', async () => {
        // Each report loads as it is scrolled near: scroll down through them all.
        for (const region of [
          'SLA report',
          'Satisfaction report',
          'Trend',
          'Department-pair ranking',
          'Department matrix',
        ])
          await reveal(page.getByRole('region', { name: names.exact(region) }));
        for (const table of ['SLA report', 'Satisfaction report', 'Department matrix'])
          await page.getByRole('table', { name: names.exact(table) }).waitFor();
        await page.locator('[role="img"][data-state="drawn"]').nth(3).waitFor();
        expect(await page.getByRole('img').count()).toBeGreaterThanOrEqual(4);
      });
      if (locale === 'fa')
        expect(
          await page.evaluate(() => [document.documentElement.lang, document.documentElement.dir]),
        ).toEqual(['fa', 'rtl']);
      await expectAccessible(page, `reports (${locale})`);
    });
  });
});
