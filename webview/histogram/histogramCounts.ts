import { errorRowTest } from '../../src/protocol/errorRows';
import { sourceColourField, type ColumnDef, type LogRow, type Severity } from '../../src/protocol/streamDefinition';
import { bucketEdges, chooseStep, type ZoneOffset } from './buckets';
import type { RowColumns } from './rowColumns';

/** One stacked series: its label and the table's tone class, whose colour the bars use. */
export interface Series {
  readonly label: string;
  readonly tone: string;
}

const severitySeries: readonly Series[] = [
  { label: 'error', tone: 'tone-error' },
  { label: 'warning', tone: 'tone-warning' },
  { label: 'info', tone: 'tone-info' },
  { label: 'debug', tone: 'tone-debug' },
];
const severityIndex: Record<Severity, number> = { error: 0, warning: 1, info: 2, debug: 3 };

const statusSeries: readonly Series[] = [
  { label: '5xx', tone: 'tone-error' },
  { label: '4xx', tone: 'tone-warning' },
  { label: '3xx', tone: 'tone-info' },
  { label: '2xx', tone: 'tone-ok' },
  { label: 'other', tone: 'tone-debug' },
];

/**
 * How rows are stacked: by source in a timeline, by HTTP status class when the stream has a status column, else by
 * severity; and which rows the error-rate line counts (a failed request, else the error level: `errorRowTest`, the
 * rule Watch for Errors and the CodeLens count by too).
 */
export interface Stacking {
  readonly series: readonly Series[];
  seriesOf(row: LogRow): number;
  isError(row: LogRow): boolean;
}

export function stackingFor(columns: readonly ColumnDef[]): Stacking {
  const isError = errorRowTest({ columns });
  const sources = columns.find((column) => column.type === 'source')?.values;
  if (sources && sources.length > 0) {
    const last = sources.length - 1;
    return {
      series: sources.map((label, index) => ({ label, tone: `source-tone source-${index}` })),
      seriesOf: (row) => Math.min(last, Math.max(0, Number(row.fields[sourceColourField]) || 0)),
      isError,
    };
  }
  const status = columns.find((column) => column.type === 'httpStatus');
  if (!status) return { series: severitySeries, seriesOf: (row) => severityIndex[row.severity], isError };
  const key = status.key;
  return {
    series: statusSeries,
    isError,
    seriesOf: (row) => {
      const code = Number(row.fields[key]);
      return code >= 200 && code < 600 ? 5 - Math.floor(code / 100) : 4;
    },
  };
}

/**
 * Rows counted per time bucket and series, plus errors (`Stacking.isError`) per bucket for the error-rate line.
 * Built in one pass over the shown rows' typed columns (no row objects touched); rows added later (older pages, live tail) are counted into it, growing
 * the edges at either end while the bar count stays within `maxBars`.
 */
export class HistogramCounts {
  counts: Uint32Array;
  errors: Uint32Array;
  totals: Uint32Array;
  total = 0;

  private constructor(
    public edges: Float64Array,
    readonly step: number,
    readonly stacking: Stacking,
    private readonly offset: ZoneOffset,
    private readonly maxBars: number,
  ) {
    const buckets = edges.length - 1;
    this.counts = new Uint32Array(buckets * stacking.series.length);
    this.errors = new Uint32Array(buckets);
    this.totals = new Uint32Array(buckets);
  }

  /** Counts `indices` of `rows`; undefined when there is nothing to count. */
  static build(rows: RowColumns, indices: ArrayLike<number>, stacking: Stacking, offset: ZoneOffset, maxBars: number): HistogramCounts | undefined {
    let min = Infinity;
    let max = -Infinity;
    const times = rows.times;
    for (let i = 0; i < indices.length; i++) {
      const time = times[indices[i]];
      if (time < min) min = time;
      if (time > max) max = time;
    }
    if (!Number.isFinite(min) || !Number.isFinite(max)) return undefined;
    const step = chooseStep(max - min, maxBars);
    const counts = new HistogramCounts(bucketEdges(min, max, step, offset), step, stacking, offset, maxBars);
    counts.count(rows, indices);
    return counts;
  }

  get buckets(): number {
    return this.edges.length - 1;
  }

  /** Counts more rows; false (nothing counted) when one falls outside the edges and they cannot grow enough. */
  add(rows: RowColumns, indices: ArrayLike<number>): boolean {
    if (!this.cover(rows, indices)) return false;
    this.count(rows, indices);
    return true;
  }

  /** Counts rows whose times lie within the edges. */
  private count(rows: RowColumns, indices: ArrayLike<number>): void {
    const { edges, step, counts, totals, errors } = this;
    const { times, series, errors: isError } = rows;
    const width = this.stacking.series.length;
    const first = edges[0];
    const lastBucket = edges.length - 2;
    // Shown rows mostly come in time order, so the next row is usually in the same bucket as the last one.
    let bucket = 0;
    let low = edges[0];
    let high = edges[1];
    for (let i = 0; i < indices.length; i++) {
      const index = indices[i];
      const time = times[index];
      if (time < low || time >= high) {
        // bucketIndex inlined (this loop runs per row): an arithmetic guess, corrected where DST made a bucket longer.
        bucket = Math.min(lastBucket, Math.floor((time - first) / step));
        while (edges[bucket] > time) bucket--;
        while (edges[bucket + 1] <= time) bucket++;
        low = edges[bucket];
        high = edges[bucket + 1];
      }
      counts[bucket * width + series[index]]++;
      totals[bucket]++;
      errors[bucket] += isError[index];
    }
    this.total += indices.length;
  }

  /** Whether `other` has the same bars: edges, stacked counts and errors (then nothing needs drawing again). */
  sameBars(other: HistogramCounts | undefined): boolean {
    return other !== undefined && this.stacking === other.stacking && equal(this.edges, other.edges) && equal(this.counts, other.counts) && equal(this.errors, other.errors);
  }

  /** The bucket holding the most rows (first of equals), or -1 when empty. */
  peak(): number {
    let best = -1;
    for (let i = 0; i < this.totals.length; i++) if (best < 0 || this.totals[i] > this.totals[best]) best = i;
    return best;
  }

  /** Grows the edges to hold every new row's time, within the bar budget (times outside fail). */
  private cover(rows: RowColumns, indices: ArrayLike<number>): boolean {
    let min = this.edges[0];
    let max = this.edges[this.edges.length - 1] - 1;
    for (let i = 0; i < indices.length; i++) {
      const time = rows.times[indices[i]];
      if (time < min) min = time;
      if (time > max) max = time;
    }
    if (min === this.edges[0] && max === this.edges[this.edges.length - 1] - 1) return true;
    const edges = bucketEdges(min, max, this.step, this.offset);
    if (edges.length - 1 > this.maxBars * 1.5) return false;
    const shift = indexOfEdge(edges, this.edges[0]);
    if (shift < 0 || edges[shift + this.buckets] !== this.edges[this.buckets]) return false;
    this.regrow(edges, shift);
    return true;
  }

  private regrow(edges: Float64Array, shift: number): void {
    const width = this.stacking.series.length;
    const counts = new Uint32Array((edges.length - 1) * width);
    counts.set(this.counts, shift * width);
    const errors = new Uint32Array(edges.length - 1);
    errors.set(this.errors, shift);
    const totals = new Uint32Array(edges.length - 1);
    totals.set(this.totals, shift);
    this.edges = edges;
    this.counts = counts;
    this.errors = errors;
    this.totals = totals;
  }
}

function equal(a: ArrayLike<number>, b: ArrayLike<number>): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

function indexOfEdge(edges: Float64Array, edge: number): number {
  for (let i = 0; i < edges.length; i++) if (edges[i] === edge) return i;
  return -1;
}
