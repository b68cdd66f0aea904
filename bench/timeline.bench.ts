/**
 * Timeline benchmarks (run: `npx tsx bench/timeline.bench.ts`), over the sample data's realistic rows:
 * - merging 6 streams × 20,000 rows in the host and rendering the merged rows in the webview (until the grid holds
 *   them all and shows their sources), against the 50 ms for both;
 * - adding a page to one source of a 100,000-row timeline: the host's merge and messages, then the webview applying
 *   those messages until the rows are in;
 * - *Find Related* over 100,000 rows: a timeline's index (built as rows arrive) and a stream panel's (built on the
 *   first call, kept after);
 * - the row bound: a timeline of 6 × 20,000 rows under `maxRows` 100,000.
 * Host figures are wall time with the CPU time beside them (the machine is shared); webview figures are wall time.
 */
import { compileQuery } from '../src/protocol/query/evaluate';
import { parseQuery } from '../src/protocol/query/parser';
import type { HostNotification } from '../src/protocol/logTable';
import type { LogRow } from '../src/protocol/streamDefinition';
import { mergeNewestFirst } from '../src/timeline/mergeRows';
import { RelatedIndex } from '../src/timeline/relatedIndex';
import { sessionRelatedIndex } from '../src/timeline/sessionRelatedIndex';
import { mergedRowId, toTimelineRow } from '../src/timeline/sourceRows';
import { timelineDefinition } from '../src/timeline/timelineDefinition';
import { TimelineModel, perSourceSettings } from '../src/timeline/timelineModel';
import { median } from './pageRows';
import { atMost, recordBench, reference, type Figure } from './results';
import { benchNow, benchSources, memorySession, streamRows, timed } from './timelineRows';
import { openTimelinePage, showRows, timeChange, timeRender, type TimelinePage } from './timelineWebview';

const sources = benchSources(6, 20_000);
const infos = sources.map((source) => source.info);
const medianOf = (samples: readonly { wall: number; cpu: number }[], key: 'wall' | 'cpu') => median(samples.map((sample) => sample[key]));

/** Rows are converted once, as their page arrives, and cached; the merge is timed over converted rows. */
async function benchMergeAndRender(page: TimelinePage): Promise<Figure[]> {
  const converts: { wall: number; cpu: number }[] = [];
  const merges: { wall: number; cpu: number }[] = [];
  const queries: number[] = [];
  let converted: LogRow[][] = [];
  let merged: LogRow[] = [];
  const definition = timelineDefinition(infos);
  for (let run = 0; run < 7; run++) {
    converts.push(await timed(() => (converted = sources.map((source) => source.rows.map((row) => toTimelineRow(source.info, row))))));
    merges.push(await timed(() => (merged = mergeNewestFirst(converted))));
    const parsed = parseQuery('status:5xx OR lago.external_customer_id:*acme*');
    const start = performance.now();
    const compiled = parsed.ok ? compileQuery(parsed.node, { definition, now: benchNow, zone: 'utc' }) : undefined;
    const shown = compiled && 'predicate' in compiled ? merged.filter(compiled.predicate).length : 0;
    queries.push(performance.now() - start);
    if (shown === 0) throw new Error('the query matched nothing');
  }
  const renders = await timeRender(page, merged, infos[5].label, 5);
  const merge = medianOf(merges, 'wall');
  const render = median(renders);
  return [
    reference('convert 6 × 20,000 stream rows to timeline rows (median of 7)', medianOf(converts, 'wall'), 'ms', converts.length),
    reference('merge 6 sources × 20,000 rows, host (median of 7)', merge, 'ms', merges.length),
    reference('merge 6 sources × 20,000 rows, host CPU (median of 7)', medianOf(merges, 'cpu'), 'ms', merges.length),
    reference('render the 120,000 merged rows in the webview until in the DOM (median of 5)', render, 'ms', renders.length),
    atMost('merge 6 sources × 20,000 rows and render them (medians summed)', merge + render, 'ms', 50, renders.length),
    reference('query over the 120,000 merged rows (median of 7)', median(queries), 'ms', queries.length),
  ];
}

/** A timeline of six sources loaded to 100,000 rows, then 15 clicks of *Load older*, each timed in host and webview. */
async function benchAddPage(page: TimelinePage): Promise<Figure[]> {
  const model = new TimelineModel(sources.map(({ info, rows }) => ({ info, session: memorySession(rows, 1_000_000) })));
  await model.refresh();
  for (const source of model.sources) while (source.session.rows.length < 16_700) await source.session.loadOlder();
  await showRows(page, model.rows, infos[0].label);
  const host: { wall: number; cpu: number }[] = [];
  const webview: number[] = [];
  const statusOnly: number[] = [];
  for (let click = 0; click < 15; click++) {
    statusOnly.push(await timeChange(page, [{ type: 'status', status: model.status() }], model.rows.length, infos[0].label));
    const messages: HostNotification[] = [];
    const listening = model.onEvent((event) => {
      if (event.type === 'rows' || event.type === 'dropOldest') messages.push(event);
    });
    const before = model.rows.length;
    host.push(await timed(() => model.loadOlder()));
    listening.dispose();
    if (model.rows.length !== before + 100) throw new Error(`a page added ${model.rows.length - before} rows`);
    webview.push(await timeChange(page, messages, model.rows.length, infos[0].label));
  }
  if (model.rows.length < 100_000) throw new Error(`only ${model.rows.length} rows loaded`);
  model.dispose();
  const hostWall = medianOf(host, 'wall');
  return [
    atMost('add a page to one source of a 100,000-row timeline, host merge + messages (median of 15)', hostWall, 'ms', 5, host.length),
    reference('add a page to one source of a 100,000-row timeline, host CPU (median of 15)', medianOf(host, 'cpu'), 'ms', host.length),
    reference('the webview applies that page until its rows are in (median of 15)', median(webview), 'ms', webview.length),
    reference('add a page, host + webview (medians summed)', hostWall + median(webview), 'ms', webview.length),
    reference('the webview handles a status message over the same 100,000 rows (its refresh floor; median of 15)', median(statusOnly), 'ms', statusOnly.length),
  ];
}

/** A timeline's index, as its panel keeps it: pages of 100 rows of each source added as they arrive; then lookups. */
async function benchTimelineRelated(): Promise<Figure[]> {
  const index = new RelatedIndex((source) => infos[source].label);
  const ids: string[] = [];
  const pages: number[] = [];
  for (let start = 0; start < 16_700; start += 100) {
    for (const { info, rows } of sources) {
      const page = rows.slice(start, start + 100);
      pages.push((await timed(() => page.forEach((row) => index.add(info.index, row, mergedRowId(info.index, row.id))))).wall);
      for (const row of page) ids.push(mergedRowId(info.index, row.id));
    }
  }
  if (index.size < 100_000) throw new Error(`only ${index.size} rows indexed`);
  const lookups = await lookupTimes(ids, async () => index);
  return [
    reference('Find Related: a timeline indexes a page of 100 rows as it arrives (median)', median(pages), 'ms', pages.length),
    atMost('Find Related over a 100,000-row timeline, one row (median of 9)', median(lookups), 'ms', 30, lookups.length),
  ];
}

/** A stream panel of 100,000 Daily API log rows: the first call builds the index, later ones reuse it. */
async function benchStreamRelated(): Promise<Figure[]> {
  const rows = streamRows('daily', 7, 100_000);
  const session = memorySession(rows, 100_000);
  await session.refresh();
  await session.loadAll();
  const label = () => 'Acme · Daily · API logs';
  const indexOf = () => sessionRelatedIndex(session, label);
  const first = await timed(async () => (await indexOf()).related(rows[0].id));
  const ids = rows.map((row) => row.id);
  const warm = await lookupTimes(ids, indexOf);
  const dropped = await timed(() => session.updateSettings({ pageSize: 100, maxRows: 99_900, tailIntervalMs: 60_000 }));
  const afterDrop = await timed(async () => (await indexOf()).related(rows[1].id));
  if ((await indexOf()).size !== 99_900) throw new Error(`the index holds ${(await indexOf()).size} rows after the drop`);
  session.dispose();
  return [
    reference('Find Related in a 100,000-row stream panel, first call (builds its index)', first.wall, 'ms', 1),
    atMost('Find Related in a 100,000-row stream panel, later calls (index kept; median of 9)', median(warm), 'ms', 30, warm.length),
    reference('dropping 100 rows for maxRows, index update included', dropped.wall, 'ms', 1),
    atMost('Find Related in a 100,000-row stream panel right after 100 rows were dropped', afterDrop.wall, 'ms', 30, 1),
  ];
}

/**
 * Nine rows spread over the table that share a value with other rows (picked untimed), each looked up through
 * `indexOf` (the command's path).
 */
async function lookupTimes(ids: readonly string[], indexOf: () => Promise<RelatedIndex>): Promise<number[]> {
  const index = await indexOf();
  const probes: string[] = [];
  for (let at = 0; at < ids.length && probes.length < 9; at += 997) if (index.related(ids[at]).length > 0) probes.push(ids[at]);
  if (probes.length < 9) throw new Error('Find Related found nothing for most rows');
  const times: number[] = [];
  for (const probe of probes) times.push((await timed(async () => (await indexOf()).related(probe))).wall);
  return times;
}

/** Six sources of 20,000 rows each, every page loaded, under `maxRows` 100,000. */
async function benchRowBound(): Promise<Figure[]> {
  const settings = perSourceSettings({ pageSize: 100, maxRows: 100_000, tailIntervalMs: 60_000 }, sources.length);
  const model = new TimelineModel(sources.map(({ info, rows }) => ({ info, session: memorySession(rows, settings.maxRows) })));
  await model.refresh();
  await model.loadAll();
  const { loaded, dropped } = model.status();
  model.dispose();
  return [
    atMost('rows a timeline of 6 × 20,000 holds under maxRows 100,000', loaded, 'rows', 100_000, 1),
    reference('rows it counts as dropped (shown in its status line)', dropped, 'rows', 1),
  ];
}

async function main(): Promise<void> {
  const page = await openTimelinePage(infos);
  try {
    const figures = [...(await benchMergeAndRender(page)), ...(await benchAddPage(page))];
    await page.close();
    figures.push(...(await benchTimelineRelated()), ...(await benchStreamRelated()), ...(await benchRowBound()));
    recordBench('timeline', figures);
  } finally {
    await page.close();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exitCode = 1;
});
