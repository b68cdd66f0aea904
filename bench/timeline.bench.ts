/**
 * Timeline benchmarks in the extension host (run: `npx tsx bench/timeline.bench.ts`): merging 6 streams × 20,000
 * rows into one table (and, for reference, converting them to timeline rows), a query over the merged rows, adding a page to one
 * source of a 100,000-row timeline (merge + the webview's insert/append messages), and Find Related (the index
 * built over 100,000 loaded rows, then the lookup for one row). The webview's rendering is timed in webview.bench.
 */
import { compileQuery } from '../src/protocol/query/evaluate';
import { parseQuery } from '../src/protocol/query/parser';
import type { LogRow, ProviderKind, StreamDefinition } from '../src/protocol/streamDefinition';
import { dailyApiLogsStream } from '../src/providers/daily/dailyApiLogsStream';
import { lagoApiLogsStream } from '../src/providers/lago/lagoApiLogsStream';
import { signalwireVoiceLogsStream } from '../src/providers/signalwire/signalwireVoiceLogsStream';
import type { Page, PageRequest } from '../src/providers/connection';
import { LogSession } from '../src/query/logSession';
import { mergeNewestFirst } from '../src/timeline/mergeRows';
import { RelatedIndex, idLikeValues } from '../src/timeline/relatedValues';
import { toTimelineRow, type SourceInfo } from '../src/timeline/sourceRows';
import { timelineDefinition } from '../src/timeline/timelineDefinition';
import { TimelineModel } from '../src/timeline/timelineModel';
import { median } from './pageRows';
import { atMost, recordBench, reference } from './results';

const now = Date.UTC(2026, 10, 23, 12);
const streams: readonly [ProviderKind, StreamDefinition][] = [
  ['daily', dailyApiLogsStream],
  ['lago', lagoApiLogsStream],
  ['signalwire', signalwireVoiceLogsStream],
];

function rawRow(provider: ProviderKind, source: number, index: number, time: number): LogRow {
  const id = `${source}-${index}`;
  const room = `room-${index % 500}`;
  const fields: Record<ProviderKind, LogRow['fields']> = {
    daily: { id, createdAt: time, method: index % 3 ? 'GET' : 'POST', url: `/v1/rooms/${room}/presence`, status: index % 50 ? 200 : 503, ip: `10.0.${source}.${index % 250}` },
    lago: { request_id: id, logged_at: time, http_method: 'POST', request_path: '/api/v1/events', http_status: index % 40 ? 200 : 422, external_customer_id: `cus_${index % 900}` },
    signalwire: { id, created_at: time, type: 'relay.call', direction: 'outbound', from: `+1415555${String(index % 10_000).padStart(4, '0')}`, to: '+14155550999', status: 'completed' },
  };
  return { id, time, severity: index % 50 ? 'info' : 'error', fields: fields[provider] };
}

/** Six sources (two of each provider), rows newest first with interleaving times. */
function sources(): { info: SourceInfo; rows: LogRow[] }[] {
  return Array.from({ length: 6 }, (_, source) => {
    const [provider, definition] = streams[source % 3];
    const rows = Array.from({ length: 20_000 }, (_, index) => rawRow(provider, source, index, now - index * 1000 - source * 137));
    return { info: { index: source, provider, label: `Acme · ${provider} · ${source}`, definition }, rows };
  });
}

/**
 * Rows are converted once, as their page arrives (100 at a time), and cached; a re-merge converts nothing. So the
 * merge is timed over converted rows, and the conversion of all 120,000 is a reference figure.
 */
function benchMerge(): { convert: number[]; merge: number[]; query: number[] } {
  const convert: number[] = [];
  const merge: number[] = [];
  const query: number[] = [];
  const all = sources();
  const definition = timelineDefinition(all.map((source) => source.info));
  for (let run = 0; run < 7; run++) {
    const convertStart = performance.now();
    const converted = all.map((source) => source.rows.map((row) => toTimelineRow(source.info, row)));
    convert.push(performance.now() - convertStart);
    const start = performance.now();
    const merged = mergeNewestFirst(converted);
    merge.push(performance.now() - start);
    const parsed = parseQuery('status:5xx OR lago.external_customer_id:cus_7');
    const queryStart = performance.now();
    const compiled = parsed.ok ? compileQuery(parsed.node, { definition, now, zone: 'utc' }) : undefined;
    const shown = compiled && 'predicate' in compiled ? merged.filter(compiled.predicate).length : 0;
    query.push(performance.now() - queryStart);
    if (shown === 0) throw new Error('the query matched nothing');
  }
  return { convert, merge, query };
}

/** Pages of 100 rows from memory, so the figure is the timeline's work and not the network's. */
function memorySession(rows: readonly LogRow[]): LogSession {
  const fetchPage = async (request: PageRequest): Promise<Page> => {
    const start = Number(request.cursor ?? 0);
    const end = start + 100;
    return { rows: rows.slice(start, end), next: end < rows.length ? String(end) : undefined };
  };
  return new LogSession({ fetchPage, filters: {}, pageSize: 100, maxRows: 1_000_000, tailIntervalMs: 60_000 });
}

async function benchAddPage(): Promise<number[]> {
  const all = sources();
  const model = new TimelineModel(all.map(({ info, rows }) => ({ info, session: memorySession(rows) })));
  await model.refresh();
  for (const source of model.sources) while (source.session.rows.length < 16_600) await source.session.loadOlder();
  const times: number[] = [];
  for (let page = 0; page < 15; page++) {
    const start = performance.now();
    await model.loadOlder();
    times.push(performance.now() - start);
  }
  if (model.rows.length < 100_000) throw new Error(`only ${model.rows.length} rows loaded`);
  model.dispose();
  return times;
}

function benchRelated(): { build: number; lookup: number[] } {
  const all = sources();
  const merged = mergeNewestFirst(all.map((source) => source.rows.slice(0, 16_667).map((row) => toTimelineRow(source.info, row))));
  const labels = new Map(merged.map((row) => [row.id, String(row.fields.source)]));
  const original = (row: LogRow) => row.fields[all[Number(row.id.split('~')[0])].info.provider] as LogRow['fields'];
  const index = new RelatedIndex((id) => labels.get(id), (row) => idLikeValues(original(row)));
  const start = performance.now();
  index.add(merged);
  const build = performance.now() - start;
  const lookup: number[] = [];
  for (let run = 0; run < 9; run++) {
    const lookupStart = performance.now();
    const related = index.related(merged[run * 1000], (id) => labels.has(id));
    lookup.push(performance.now() - lookupStart);
    if (related.length === 0) throw new Error('Find Related found nothing');
  }
  return { build, lookup };
}

async function main(): Promise<void> {
  const { convert, merge, query } = benchMerge();
  const addPage = await benchAddPage();
  const related = benchRelated();
  recordBench('timeline', [
    reference('convert 6 × 20,000 stream rows to timeline rows (median of 7)', median(convert), 'ms', convert.length),
    atMost('merge 6 sources × 20,000 rows (median of 7)', median(merge), 'ms', 50, merge.length),
    reference('query over the 120,000 merged rows (median of 7)', median(query), 'ms', query.length),
    atMost('add a page to one source of a 100,000-row timeline (median of 15)', median(addPage), 'ms', 5, addPage.length),
    reference('Find Related index built over 100,000 rows (once, as rows arrive)', related.build, 'ms', 1),
    atMost('Find Related lookup for one row over 100,000 rows (median of 9)', median(related.lookup), 'ms', 30, related.lookup.length),
  ]);
}

void main();
