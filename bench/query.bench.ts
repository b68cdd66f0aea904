/**
 * Query language benchmarks in headless Chromium over 100,000 rows (run: `npx tsx bench/query.bench.ts`):
 * typing a 4-term query key by key (parse + filter + render + layout per key, and with the next frame's work up to
 * paint), counting the first key after new rows arrived; facet counts for all columns; the completion list of a field's values; and a naive baseline
 * (parse by splitting + Array.filter lowercasing every value per row) over the same keys, in the same run.
 */
import type { Page } from 'playwright-core';
import { startHarness } from '../test/webview/harness';
import { apiDefinition, init, status } from '../test/webview/fixtures';
import { installFrameTimer, threadTimer, type TimeAction } from './frameTiming';
import { installRowMaker, median, percentile, timeRows } from './pageRows';
import { recordBench } from './results';

const query = 'status:>=400 method:POST url:/v1/rooms* not-found';
const rounds = 6;

interface Typing {
  /** Per key: handlers + the layout they cause. */
  readonly keys: number[];
  /** Per key: that plus the next frame's work (animation-frame callbacks, style, layout, paint). */
  readonly framed: number[];
  /** Per key: the page's main-thread CPU from before the key to after its frame (idle work left from before too). */
  readonly cpu: number[];
  readonly firstAfterRows: number[];
  readonly firstAfterRowsFramed: number[];
  readonly firstAfterRowsCpu: number[];
}

/**
 * Each round: a page of 1,000 new rows arrives, then the query is typed key by key with a frame after each key, as
 * when a person types; the first key is pressed at once after the rows (it counts). One page call per key, so the
 * main-thread CPU of each key is read too.
 */
async function benchTyping(page: Page): Promise<Typing> {
  const threadTime = await threadTimer(page);
  const typing: Typing = { keys: [], framed: [], cpu: [], firstAfterRows: [], firstAfterRowsFramed: [], firstAfterRowsCpu: [] };
  const key = (text: string, newRows: string | undefined) =>
    page.evaluate(
      async ([value, round]) => {
        const w = window as unknown as { __makeRows(n: number, s: boolean): unknown[]; __timeAction: TimeAction };
        if (round !== undefined) {
          const rows = (w.__makeRows(1_000, false) as { id: string }[]).map((row) => ({ ...row, id: `new-${round}-${row.id}` }));
          window.dispatchEvent(new MessageEvent('message', { data: { type: 'rows', mode: 'append', rows } }));
        }
        const input = document.querySelector('.query-input') as HTMLInputElement;
        return w.__timeAction(
          () => {
            input.value = value;
            input.dispatchEvent(new Event('input'));
          },
          { settle: round === undefined },
        );
      },
      [text, newRows] as const,
    );
  for (let round = 0; round < rounds; round++) {
    for (let i = 1; i <= query.length; i++) {
      const before = await threadTime();
      const took = await key(query.slice(0, i), i === 1 ? String(round) : undefined);
      const cpu = (await threadTime()) - before;
      typing.keys.push(took.sync);
      typing.framed.push(took.frame);
      typing.cpu.push(cpu);
      if (i === 1) {
        typing.firstAfterRows.push(took.sync);
        typing.firstAfterRowsFramed.push(took.frame);
        typing.firstAfterRowsCpu.push(cpu);
      }
    }
    await key('', undefined);
  }
  return typing;
}

/** The first key right after a whole new result set replaced the rows (the search texts are not built yet). */
async function benchColdKey(page: Page): Promise<number> {
  await page.evaluate(() => {
    const w = window as unknown as { __makeRows(n: number, s: boolean): unknown[] };
    window.dispatchEvent(new MessageEvent('message', { data: { type: 'rows', mode: 'replace', rows: w.__makeRows(100_000, false) } }));
  });
  return page.evaluate(() => {
    const input = document.querySelector('.query-input') as HTMLInputElement;
    const start = performance.now();
    input.value = 'n';
    input.dispatchEvent(new Event('input'));
    void (document.querySelector('[role=grid]') as HTMLElement).offsetHeight;
    const took = performance.now() - start;
    input.value = '';
    input.dispatchEvent(new Event('input'));
    return took;
  });
}

/** Opening the facets list counts every column's values over the shown rows and draws them. */
async function benchFacets(page: Page): Promise<number[]> {
  return page.evaluate(() => {
    const toggle = document.querySelector('.facets-toggle') as HTMLElement;
    const times: number[] = [];
    for (let i = 0; i < 6; i++) {
      const start = performance.now();
      toggle.click();
      void toggle.offsetHeight;
      times.push(performance.now() - start);
      toggle.click();
    }
    return times;
  });
}

/** Typing `ip:` lists the top values of `ip` with counts from the shown rows. */
async function benchCompletion(page: Page): Promise<number[]> {
  return page.evaluate(() => {
    const input = document.querySelector('.query-input') as HTMLInputElement;
    input.focus();
    const times: number[] = [];
    for (let i = 0; i < 8; i++) {
      const start = performance.now();
      input.value = 'ip:';
      input.setSelectionRange(3, 3);
      input.dispatchEvent(new Event('input'));
      void document.querySelector('.query-suggestions')?.getBoundingClientRect();
      times.push(performance.now() - start);
      if (document.querySelectorAll('.query-option').length === 0) throw new Error('no value suggestions');
      input.value = '';
      input.dispatchEvent(new Event('input'));
    }
    return times;
  });
}

/** The naive way: split the text into terms, then `Array.filter` lowercasing each value of each row per key. */
async function benchNaive(page: Page): Promise<number[]> {
  return page.evaluate((text) => {
    const w = window as unknown as { __makeRows(n: number, s: boolean): { fields: Record<string, unknown> }[] };
    const rows = w.__makeRows(100_000, false);
    const times: number[] = [];
    for (let i = 1; i <= text.length; i++) {
      const start = performance.now();
      const terms = text
        .slice(0, i)
        .split(/\s+/)
        .filter(Boolean)
        .map((term) => {
          const colon = term.indexOf(':');
          return colon > 0 ? { field: term.slice(0, colon), value: term.slice(colon + 1).replace(/^[<>=]+|\*$/g, '').toLowerCase() } : { value: term.toLowerCase() };
        });
      const kept = rows.filter((row) =>
        terms.every((term) =>
          term.field === undefined
            ? Object.values(row.fields).some((value) => String(value).toLowerCase().includes(term.value))
            : String(row.fields[term.field] ?? '').toLowerCase().includes(term.value),
        ),
      );
      times.push(performance.now() - start + kept.length * 0);
    }
    return times;
  }, query);
}

async function main(): Promise<void> {
  const harness = await startHarness();
  try {
    const panel = await harness.open({ width: 1400, height: 900 });
    await panel.page.evaluate(installRowMaker);
    await panel.page.evaluate(installFrameTimer);
    await panel.notify(init(apiDefinition), { type: 'status', status: status({ loaded: 100_000 }) });
    await timeRows(panel.page, 99_000);
    await benchTyping(panel.page);
    const typing = await benchTyping(panel.page);
    const cold = await benchColdKey(panel.page);
    await timeRows(panel.page, 100_000);
    const facets = await benchFacets(panel.page);
    const completion = await benchCompletion(panel.page);
    const naive = await benchNaive(panel.page);
    const p95 = percentile(typing.keys, 95);
    const firstMax = Math.max(...typing.firstAfterRows);
    const framedP95 = percentile(typing.framed, 95);
    const firstFramedMax = Math.max(...typing.firstAfterRowsFramed);
    const cpuP95 = percentile(typing.cpu, 95);
    const firstCpuMax = Math.max(...typing.firstAfterRowsCpu);
    const naiveP95 = percentile(naive, 95);
    const facetMedian = median(facets);
    const completionMedian = median(completion);
    recordBench('query', [
      { name: `typing "${query}", 100,000 rows, p95 of ${typing.keys.length} keys`, value: p95, unit: 'ms', target: '≤ 16 ms', ok: p95 <= 16 },
      { name: 'typing, median key', value: median(typing.keys), unit: 'ms' },
      { name: `first key after 1,000 new rows arrived (worst of ${rounds})`, value: firstMax, unit: 'ms', target: '≤ 16 ms', ok: firstMax <= 16 },
      { name: 'typing, with the next frame (callbacks, style, layout, paint), p95', value: framedP95, unit: 'ms', target: '≤ 16 ms', ok: framedP95 <= 16 },
      { name: 'typing, with the next frame, median key', value: median(typing.framed), unit: 'ms' },
      { name: `first key after 1,000 new rows, with the next frame (worst of ${rounds})`, value: firstFramedMax, unit: 'ms', target: '≤ 16 ms', ok: firstFramedMax <= 16 },
      // CPU readings count the page call that reads them and the settling frame before each key (the first key's also
      // the 1,000 new rows arriving), so they are references; the targets are on what the user waits for, above.
      { name: 'typing, main-thread CPU per key with its frame (and the CDP call), p95', value: cpuP95, unit: 'ms' },
      { name: 'typing, main-thread CPU per key, median', value: median(typing.cpu), unit: 'ms' },
      { name: `first key after 1,000 new rows arrived, main-thread CPU with its frame and the rows' arrival (worst of ${rounds})`, value: firstCpuMax, unit: 'ms' },
      { name: 'first key after 100,000 rows replaced the set (search texts cold)', value: cold, unit: 'ms' },
      { name: 'facet counts + list, all columns, 100,000 rows (median of 6)', value: facetMedian, unit: 'ms', target: '≤ 30 ms', ok: facetMedian <= 30 },
      { name: 'completion list of ip values, 100,000 rows (median of 8)', value: completionMedian, unit: 'ms', target: '≤ 10 ms', ok: completionMedian <= 10 },
      { name: 'naive baseline (split + Array.filter + lowercase), p95 per key', value: naiveP95, unit: 'ms' },
      { name: 'naive p95 / ours p95', value: naiveP95 / p95, unit: '×', target: '> 1×', ok: naiveP95 > p95 },
    ]);
  } finally {
    await harness.close();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exitCode = 1;
});
