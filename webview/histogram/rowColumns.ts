import type { LogRow } from '../../src/protocol/streamDefinition';
import type { Stacking } from './histogramCounts';

/** What the histogram counts of each store row, in typed arrays: its time, its stacked series and if it is an error. */
export interface RowColumns {
  readonly times: Float64Array;
  readonly series: Uint8Array;
  readonly errors: Uint8Array;
  readonly length: number;
}

/** How the rows changed since the last update, so only the new rows are counted. */
export type RowChange = { readonly mode: 'append'; readonly from: number } | { readonly mode: 'prepend'; readonly count: number };

/** The columns of `rows`, numbered like the rows. */
export function rowColumns(rows: readonly LogRow[], stacking: Stacking): RowColumns {
  const columns = { times: new Float64Array(rows.length), series: new Uint8Array(rows.length), errors: new Uint8Array(rows.length), length: rows.length };
  fill(columns, rows, 0, 0, rows.length, stacking);
  return columns;
}

function fill(columns: RowColumns, rows: readonly LogRow[], at: number, from: number, to: number, stacking: Stacking): void {
  const { seriesOf, isError } = stacking;
  for (let i = from; i < to; i++, at++) {
    const row = rows[i];
    columns.times[at] = row.time;
    columns.series[at] = seriesOf(row);
    columns.errors[at] = isError(row) ? 1 : 0;
  }
}

/**
 * The columns of the store's rows, kept while the rows are the same (a new query re-buckets without touching a
 * row object) and extended when the one change since (the store's version goes up by one per change) appended a
 * page or prepended live-tail rows; anything else reads them again.
 */
export class RowColumnCache {
  private cached: { rows: readonly LogRow[]; version: number; stacking: Stacking; columns: RowColumns } | undefined;

  get(rows: readonly LogRow[], version: number, stacking: Stacking, change?: RowChange): RowColumns {
    const cached = this.cached;
    if (cached && cached.stacking === stacking && cached.version === version && cached.rows === rows && cached.columns.length === rows.length) return cached.columns;
    const next = cached !== undefined && cached.stacking === stacking && cached.version + 1 === version;
    let columns: RowColumns;
    if (next && change?.mode === 'append' && change.from === cached.columns.length && cached.rows === rows) {
      columns = grown(cached.columns, rows.length, 0);
      fill(columns, rows, change.from, change.from, rows.length, stacking);
    } else if (next && change?.mode === 'prepend' && rows.length - change.count === cached.columns.length) {
      columns = grown(cached.columns, rows.length, change.count);
      fill(columns, rows, 0, 0, change.count, stacking);
    } else columns = rowColumns(rows, stacking);
    this.cached = { rows, version, stacking, columns };
    return columns;
  }
}

/**
 * `columns` made `length` long with the old values starting at `shift`. Appending fills the spare room of the same
 * arrays (they grow by doubling), so a page of 100 rows does not copy 100,000.
 */
function grown(columns: RowColumns, length: number, shift: number): RowColumns {
  if (shift === 0 && columns.times.length >= length) return { ...columns, length };
  const capacity = shift === 0 ? Math.max(length, columns.times.length * 2) : length;
  const times = new Float64Array(capacity);
  const series = new Uint8Array(capacity);
  const errors = new Uint8Array(capacity);
  times.set(columns.times.subarray(0, columns.length), shift);
  series.set(columns.series.subarray(0, columns.length), shift);
  errors.set(columns.errors.subarray(0, columns.length), shift);
  return { times, series, errors, length };
}
