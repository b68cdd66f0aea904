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
import { installFrameTimer, type TimeAction } from './frameTiming';
import { installRowMaker, median, percentile, timeRows } from './pageRows';

const viewport = { width: 1400, height: 900 };

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

/**
 * Types queries one key at a time into the quick filter over 100,000 rows, a frame after each key; each sample is
 * filter + re-render + layout, and with the next frame's work (callbacks, style, layout, paint).
 */
async function benchQuickFilter(page: Page): Promise<{ sync: number[]; frame: number[] }> {
  return page.evaluate(async () => {
    const timeAction = (window as unknown as { __timeAction: TimeAction }).__timeAction;
    const field = document.querySelector('.query-input') as HTMLInputElement;
    const samples = { sync: [] as number[], frame: [] as number[] };
    const key = async (value: string) => {
      const took = await timeAction(() => {
        field.value = value;
        field.dispatchEvent(new Event('input'));
      });
      samples.sync.push(took.sync);
      samples.frame.push(took.frame);
    };
    for (const query of ['room-12', 'POST', 'not-found', '10.3', 'private', 'warning', 'zzz', 'room-5']) {
      for (let i = 1; i <= query.length; i++) await key(query.slice(0, i));
      await key('');
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
    await panel.page.evaluate(installFrameTimer);
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
    const p95 = percentile(keystrokes.sync, 95);
    const framedP95 = percentile(keystrokes.frame, 95);
    const ratio = grid10k / ours;
    recordBench('webview', [
      atMost('render 10,000 rows, our grid, median', ours, 'ms', 10, 5),
      reference('render 1,000 rows, vscode-data-grid', grid1k, 'ms', 1),
      reference('render 10,000 rows, vscode-data-grid, median', grid10k, 'ms', grid10kRuns.length),
      atLeast('render 10,000 rows, data grid / ours (medians)', ratio, '×', 300, grid10kRuns.length),
      atMost('quick-filter keystroke, 100,000 rows, p95', p95, 'ms', 16, keystrokes.sync.length),
      reference('quick-filter keystroke, 100,000 rows, median', median(keystrokes.sync), 'ms', keystrokes.sync.length),
      atMost('quick-filter keystroke with the next frame (callbacks, style, layout, paint), p95', framedP95, 'ms', 16, keystrokes.frame.length),
      reference('quick-filter keystroke with the next frame, median', median(keystrokes.frame), 'ms', keystrokes.frame.length),
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
