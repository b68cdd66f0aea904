/**
 * Webview benchmarks in headless Chromium (run: `npx tsx bench/webview.bench.ts`): render 10,000 rows in our grid
 * vs `vscode-data-grid`, a quick-filter keystroke over 100,000 rows, sorting 100,000 rows by time, and the JS heap
 * with 100,000 rows. The render comparison times both grids the same way (`installUntilPainted`): from handing over the
 * rows (built beforehand, new ids and texts each run) until the frame whose rendering shows them has been painted,
 * checking the DOM every frame: ours virtualises, so its first visible row must show the run's first row and the
 * viewport be full; the data grid renders every row, so it must hold all of them with the run's first and last
 * texts. Both are unminified bundles (our dev build, the toolkit bundled by esbuild here) in 1400 × 900 pages.
 * Ours: median of 5 after a warm-up; the data grid: median of 3 after a 100- and a 1,000-row warm-up.
 */
import { build } from 'esbuild';
import type { Page } from 'playwright-core';
import { atLeast, atMost, recordBench, reference } from './results';
import { startHarness } from '../test/webview/harness';
import { apiDefinition, init, status } from '../test/webview/fixtures';
import { installFrameTimer, type TimeAction } from './frameTiming';
import { installRowMaker, median, percentile, timeRows } from './pageRows';

const viewport = { width: 1400, height: 900 };

/**
 * Runs in the page: `__untilPainted(start, shown)` resolves with the ms from `start` to the task after the first
 * frame in which `shown()` holds, which runs once that frame is painted. Checked in each animation frame, after the
 * grid's own frame callbacks.
 */
function installUntilPainted(): void {
  (window as unknown as Record<string, unknown>).__untilPainted = (start: number, shown: () => boolean) =>
    new Promise<number>((done, fail) => {
      let frames = 0;
      const tick = () =>
        requestAnimationFrame(() => {
          if (shown()) setTimeout(() => done(performance.now() - start), 0);
          else if (++frames > 1200) fail(new Error('the rows did not show in 1,200 frames'));
          else tick();
        });
      tick();
    });
}

/** Our grid: the rows as the host's `rows` message, until the first visible row is the run's and the viewport full. */
async function renderOurs(page: Page, count: number, run: number): Promise<number> {
  return page.evaluate(
    async ([n, tag]) => {
      const w = window as unknown as {
        __makeRows(n: number, s: boolean): { id: string; fields: Record<string, unknown> }[];
        __untilPainted(start: number, shown: () => boolean): Promise<number>;
      };
      const rows = w.__makeRows(n, false).map((row) => ({ ...row, id: `${row.id}-${tag}`, fields: { ...row.fields, url: `${String(row.fields.url)}/${tag}` } }));
      const first = String(rows[0].fields.url);
      const visibleRows = () => Array.from(document.querySelectorAll('[role="grid"] .grid-body [role="row"]:not([hidden])'));
      const shown = () => {
        const visible = visibleRows();
        return visible.length >= 20 && (visible[0].textContent ?? '').includes(first);
      };
      const start = performance.now();
      window.dispatchEvent(new MessageEvent('message', { data: { type: 'rows', mode: 'replace', rows } }));
      return w.__untilPainted(start, shown);
    },
    [count, `run${run}`] as const,
  );
}

async function benchOurs(page: Page): Promise<number> {
  await page.evaluate(installUntilPainted);
  await renderOurs(page, 10_000, 0);
  const times: number[] = [];
  for (let run = 1; run <= 5; run++) times.push(await renderOurs(page, 10_000, run));
  return median(times);
}

/** The same rows in the toolkit's `vscode-data-grid` (bundled here only, not in the product), in a new grid each run. */
async function benchDataGrid(page: Page, count: number, run: number): Promise<number> {
  return page.evaluate(
    async ([n, tag]) => {
      const w = window as unknown as {
        __makeRows(n: number, s: boolean): { fields: Record<string, unknown> }[];
        __untilPainted(start: number, shown: () => boolean): Promise<number>;
      };
      const rows = w.__makeRows(n, false).map(({ fields }) => ({
        Time: new Date(fields.createdAt as number).toISOString(),
        Method: fields.method,
        URL: `${String(fields.url)}/${tag}`,
        Status: fields.status,
        IP: fields.ip,
      }));
      document.body.replaceChildren();
      const grid = document.createElement('vscode-data-grid') as HTMLElement & { rowsData: unknown[] };
      document.body.append(grid);
      const [first, last] = [rows[0].URL, rows[rows.length - 1].URL];
      const shown = () => {
        const dataRows = grid.querySelectorAll('vscode-data-grid-row:not([row-type="header"])');
        return dataRows.length === n && (dataRows[0].textContent ?? '').includes(first) && (dataRows[n - 1].textContent ?? '').includes(last);
      };
      const start = performance.now();
      grid.rowsData = rows;
      return w.__untilPainted(start, shown);
    },
    [count, `run${run}`] as const,
  );
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
  await page.evaluate(installUntilPainted);
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
    await benchDataGrid(gridPage, 100, 0);
    const grid1k = await benchDataGrid(gridPage, 1_000, 1);
    const grid10kRuns = [await benchDataGrid(gridPage, 10_000, 2), await benchDataGrid(gridPage, 10_000, 3), await benchDataGrid(gridPage, 10_000, 4)];
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
