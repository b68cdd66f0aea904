/**
 * Webview benchmarks in headless Chromium (run: `npx tsx bench/webview.bench.ts`): render 10,000 rows in our grid
 * vs `vscode-data-grid`, a quick-filter keystroke over 100,000 rows, sorting 100,000 rows by time, and the JS heap
 * with 100,000 rows. Render times run from data assignment to two animation frames (the rows painted), then the DOM
 * is checked for the rows; both grids are unminified bundles in same-sized pages. Ours: median of 5 after a
 * warm-up; the data grid: median of 3.
 */
import { build } from 'esbuild';
import type { Page } from 'playwright-core';
import { atLeast, atMost, recordBench, reference } from './results';
import { startHarness } from '../test/webview/harness';
import { apiDefinition, init, status } from '../test/webview/fixtures';

const viewport = { width: 1400, height: 900 };
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const percentile = (values: number[], p: number) => [...values].sort((a, b) => a - b)[Math.ceil((p / 100) * values.length) - 1];

/** Runs in the page: realistic Daily API rows, newest first, or with shuffled times for the sort benchmark. */
function installRowMaker(): void {
  const w = window as unknown as Record<string, unknown>;
  w.__makeRows = (count: number, shuffled: boolean) => {
    const base = Date.UTC(2026, 10, 23, 12);
    const paths = ['rooms', 'meetings', 'recordings', 'presence', 'logs'];
    return Array.from({ length: count }, (_, i) => {
      const time = shuffled ? base - Math.floor(Math.random() * 86_400_000 * 7) : base - i * 1000;
      const status = [200, 200, 201, 404, 500, 429][i % 6];
      return {
        id: `log-${i}`,
        time,
        severity: status >= 500 ? 'error' : status >= 400 ? 'warning' : 'info',
        fields: {
          createdAt: time,
          method: ['GET', 'POST', 'DELETE'][i % 3],
          url: `/v1/${paths[i % 5]}/room-${i % 977}`,
          status,
          ip: `10.${i % 200}.${i % 97}.${i % 13}`,
          request: JSON.stringify({ name: `room-${i % 977}`, privacy: 'private', properties: { exp: time / 1000, max_participants: i % 50 } }),
          response: JSON.stringify(status >= 400 ? { error: 'not-found', info: `room room-${i} not found` } : { id: `r${i}`, ok: true }),
        },
      };
    });
  };
}

/** Assigns rows as a synchronous host message and waits two animation frames. */
async function timeRows(page: Page, count: number, shuffled = false): Promise<number> {
  return page.evaluate(
    async ([n, s]) => {
      const w = window as unknown as { __makeRows(n: number, s: boolean): unknown[] };
      const rows = w.__makeRows(n, s);
      const frame = () => new Promise((done) => requestAnimationFrame(done));
      const start = performance.now();
      window.dispatchEvent(new MessageEvent('message', { data: { type: 'rows', mode: 'replace', rows } }));
      await frame();
      await frame();
      const elapsed = performance.now() - start;
      if (!document.querySelector('[role=grid]')?.textContent?.includes('room-')) throw new Error('our grid shows no rows');
      return elapsed;
    },
    [count, shuffled] as const,
  );
}

async function benchOurs(page: Page): Promise<number> {
  await timeRows(page, 10_000);
  const times: number[] = [];
  for (let i = 0; i < 5; i++) times.push(await timeRows(page, 10_000));
  return median(times);
}

/** Same rows, same measurement, in the toolkit's `vscode-data-grid` (bundled here only, not in the product). */
async function benchDataGrid(page: Page, count: number): Promise<number> {
  return page.evaluate(async (n) => {
    const w = window as unknown as { __makeRows(n: number, s: boolean): { fields: Record<string, unknown> }[] };
    const rows = w.__makeRows(n, false).map(({ fields }) => ({
      Time: new Date(fields.createdAt as number).toISOString(),
      Method: fields.method,
      URL: fields.url,
      Status: fields.status,
      IP: fields.ip,
    }));
    document.body.replaceChildren();
    const grid = document.createElement('vscode-data-grid') as HTMLElement & { rowsData: unknown[] };
    document.body.append(grid);
    const frame = () => new Promise((done) => requestAnimationFrame(done));
    const start = performance.now();
    grid.rowsData = rows;
    await frame();
    await frame();
    const elapsed = performance.now() - start;
    if (grid.querySelectorAll('vscode-data-grid-row').length < Math.min(n, 10)) throw new Error('the data grid shows no rows');
    return elapsed;
  }, count);
}

async function dataGridPage(harness: Awaited<ReturnType<typeof startHarness>>): Promise<Page> {
  const bundle = await build({
    stdin: {
      contents: `import { provideVSCodeDesignSystem, vsCodeDataGrid, vsCodeDataGridRow, vsCodeDataGridCell } from '@vscode/webview-ui-toolkit';
provideVSCodeDesignSystem().register(vsCodeDataGrid(), vsCodeDataGridRow(), vsCodeDataGridCell());`,
      resolveDir: process.cwd(),
      loader: 'js',
    },
    bundle: true,
    format: 'iife',
    write: false,
    minify: false,
  });
  const page = await harness.browser.newPage({ viewport });
  await page.setContent('<!DOCTYPE html><html><body></body></html>');
  await page.addScriptTag({ content: 'globalThis.__name = (fn) => fn;' });
  await page.addScriptTag({ content: bundle.outputFiles[0].text });
  await page.evaluate(installRowMaker);
  return page;
}

/** Types queries one key at a time into the quick filter over 100,000 rows; each sample is filter + re-render + layout. */
async function benchQuickFilter(page: Page): Promise<number[]> {
  return page.evaluate(async () => {
    const field = document.querySelector('.quick-filter') as HTMLElement & { value: string };
    const grid = document.querySelector('[role=grid]') as HTMLElement;
    const key = (value: string) => {
      const start = performance.now();
      field.value = value;
      field.dispatchEvent(new Event('input'));
      void grid.offsetHeight;
      return performance.now() - start;
    };
    const samples: number[] = [];
    for (const query of ['room-12', 'POST', 'not-found', '10.3', 'private', 'warning', 'zzz', 'room-5']) {
      for (let i = 1; i <= query.length; i++) samples.push(key(query.slice(0, i)));
      await new Promise((done) => requestAnimationFrame(done));
      samples.push(key(''));
    }
    return samples;
  });
}

/** Clicks the Time header: newest first, then oldest first (each a full sort on precomputed keys). */
async function benchSort(page: Page): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < 6; i++) {
    const [first, second] = await page.evaluate(() => {
      const button = () => document.querySelector('[role=columnheader] .sort-button') as HTMLElement;
      const click = () => {
        const start = performance.now();
        button().click();
        return performance.now() - start;
      };
      const result = [click(), click()];
      click();
      return result;
    });
    if (i > 0) times.push(first, second);
  }
  return times;
}

async function heapMegabytes(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.enable');
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
  return usedSize / 1024 / 1024;
}

async function main(): Promise<void> {
  const harness = await startHarness();
  try {
    const panel = await harness.open(viewport);
    await panel.page.evaluate(installRowMaker);
    await panel.notify(init(apiDefinition), { type: 'status', status: status({ loaded: 10_000 }) });
    const ours = await benchOurs(panel.page);
    const gridPage = await dataGridPage(harness);
    await benchDataGrid(gridPage, 100);
    const grid1k = await benchDataGrid(gridPage, 1_000);
    const grid10kRuns = [await benchDataGrid(gridPage, 10_000), await benchDataGrid(gridPage, 10_000), await benchDataGrid(gridPage, 10_000)];
    const grid10k = median(grid10kRuns);
    await gridPage.close();

    await timeRows(panel.page, 100_000);
    await benchQuickFilter(panel.page);
    const keystrokes = await benchQuickFilter(panel.page);
    const heap = await heapMegabytes(panel.page);
    await timeRows(panel.page, 100_000, true);
    const sorts = await benchSort(panel.page);
    const sortMedian = median(sorts);
    const p95 = percentile(keystrokes, 95);
    const ratio = grid10k / ours;
    recordBench('webview', [
      atMost('render 10,000 rows, our grid, median', ours, 'ms', 10, 5),
      reference('render 1,000 rows, vscode-data-grid', grid1k, 'ms', 1),
      reference('render 10,000 rows, vscode-data-grid, median', grid10k, 'ms', grid10kRuns.length),
      atLeast('render 10,000 rows, data grid / ours (medians)', ratio, '×', 300, grid10kRuns.length),
      atMost('quick-filter keystroke, 100,000 rows, p95', p95, 'ms', 16, keystrokes.length),
      reference('quick-filter keystroke, 100,000 rows, median', median(keystrokes), 'ms', keystrokes.length),
      atMost('sort 100,000 rows by time, median', sortMedian, 'ms', 30, sorts.length),
      atMost('JS heap with 100,000 rows (after GC)', heap, 'MB', 150, 1),
    ]);
  } finally {
    await harness.close();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exitCode = 1;
});
