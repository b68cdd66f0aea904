/**
 * The webview half of the timeline benchmarks: the log-table page in headless Chromium (the webview tests' harness),
 * given the rows the host merged. Rows are handed to the page before the clock starts; each figure runs from the
 * host's message arriving until two animation frames later, when the grid's row count (`aria-rowcount`) says every
 * row is in and the visible rows show their source.
 */
import type { HostNotification } from '../src/protocol/logTable';
import type { LogRow } from '../src/protocol/streamDefinition';
import type { SourceInfo } from '../src/timeline/sourceRows';
import { timelineDefinition } from '../src/timeline/timelineDefinition';
import { init, status } from '../test/webview/fixtures';
import { startHarness, type PanelPage } from '../test/webview/harness';

export interface TimelinePage {
  readonly panel: PanelPage;
  close(): Promise<void>;
}

export async function openTimelinePage(sources: readonly SourceInfo[]): Promise<TimelinePage> {
  const harness = await startHarness();
  const panel = await harness.open({ width: 1400, height: 900 });
  await panel.notify(init(timelineDefinition(sources)), { type: 'status', status: status({ loaded: 0 }) });
  let closing: Promise<void> | undefined;
  return { panel, close: () => (closing ??= harness.close()) };
}

/**
 * Plays `messages` (already in the page as `window.__messages`) as the host would post them and times them until
 * the grid holds `expectedRows` and shows a row of `label`.
 */
async function timeMessages(panel: PanelPage, expectedRows: number, label: string): Promise<number> {
  return panel.page.evaluate(
    async ([rows, source]) => {
      const messages = (window as unknown as { __messages: unknown[] }).__messages;
      const frame = () => new Promise((done) => requestAnimationFrame(done));
      const start = performance.now();
      for (const data of messages) window.dispatchEvent(new MessageEvent('message', { data }));
      await frame();
      await frame();
      const elapsed = performance.now() - start;
      const grid = document.querySelector('[role=grid]');
      const count = Number(grid?.getAttribute('aria-rowcount')) - 1;
      if (count !== rows) throw new Error(`the grid holds ${count} rows, expected ${rows}`);
      if (!grid?.textContent?.includes(source)) throw new Error(`no row of ${source} is shown`);
      return elapsed;
    },
    [expectedRows, label] as const,
  );
}

/** Characters of JSON handed over per call: one call of 100 MB closes the page. */
const chunkChars = 4_000_000;

/**
 * Hands messages to the page as JSON text, in pieces (Playwright copies a string far faster than an object tree,
 * and one string of a whole 120,000-row table is too big for one call).
 */
async function hand(panel: PanelPage, messages: readonly HostNotification[]): Promise<void> {
  const text = JSON.stringify(messages);
  await panel.page.evaluate(() => {
    (window as unknown as { __chunks: string[] }).__chunks = [];
  });
  for (let start = 0; start < text.length; start += chunkChars) {
    await panel.page.evaluate((chunk) => {
      (window as unknown as { __chunks: string[] }).__chunks.push(chunk);
    }, text.slice(start, start + chunkChars));
  }
  await panel.page.evaluate(() => {
    const w = window as unknown as { __chunks: string[]; __messages: unknown };
    w.__messages = JSON.parse(w.__chunks.join(''));
    w.__chunks = [];
  });
}

/** Renders the merged rows as one `replace` (what the page gets for a merged table), `runs` times. */
export async function timeRender(page: TimelinePage, rows: readonly LogRow[], label: string, runs: number): Promise<number[]> {
  await hand(page.panel, [{ type: 'rows', mode: 'replace', rows }]);
  await timeMessages(page.panel, rows.length, label);
  const times: number[] = [];
  for (let run = 0; run < runs; run++) times.push(await timeMessages(page.panel, rows.length, label));
  return times;
}

/** Loads `rows` into the page without timing it (the table a page is added to). */
export async function showRows(page: TimelinePage, rows: readonly LogRow[], label: string): Promise<void> {
  await hand(page.panel, [{ type: 'rows', mode: 'replace', rows }]);
  await timeMessages(page.panel, rows.length, label);
}

/** Applies the host's messages for one change (an added page) and times them. */
export async function timeChange(page: TimelinePage, messages: readonly HostNotification[], expectedRows: number, label: string): Promise<number> {
  await hand(page.panel, messages);
  return timeMessages(page.panel, expectedRows, label);
}
