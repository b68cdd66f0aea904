import type { ColumnDef, Severity } from '../../src/protocol/streamDefinition';
import type { RowStore } from './rowStore';
import { radixOrder } from './radixOrder';
import { sortKeys } from './sortKeys';

/** Narrow the previous result row by row only when it holds at most half of the rows; else one joined scan. */
const narrowShare = 2;

export interface ViewQuery {
  readonly sortColumn?: ColumnDef;
  readonly descending: boolean;
  readonly text: string;
  readonly severities: ReadonlySet<Severity>;
  /** Rows whose field of one of these keys is `true` are hidden (`flag` columns toggled off). */
  readonly hiddenFlags?: ReadonlySet<string>;
}

/**
 * The rows shown: the store's rows in sort order, narrowed by severity and the quick filter. The sort order is
 * cached per store version and sort (the store version is part of the order key); when the quick-filter text
 * only grows and the previous result is small, that result is narrowed instead of rescanning every row.
 */
export class RowView {
  /** Store indices of the rows shown, in display order. */
  shown: Uint32Array = new Uint32Array(0);
  private order: Uint32Array | undefined;
  private orderKey = '';
  /** Sort keys of one column, kept while the rows are the same, so flipping the direction skips them. */
  private keys: { version: number; column: string; keys: Float64Array } | undefined;
  private last: { orderKey: string; text: string; toggles: string } | undefined;

  constructor(private readonly store: RowStore) {}

  update(query: ViewQuery): Uint32Array {
    const orderKey = `${this.store.version}|${query.sortColumn?.key ?? ''}|${query.descending}`;
    const toggles = `${[...query.severities].sort().join(',')}|${[...(query.hiddenFlags ?? [])].sort().join(',')}`;
    const text = query.text.trim().toLowerCase();
    const last = this.last;
    const narrowing =
      last !== undefined &&
      last.orderKey === orderKey &&
      last.toggles === toggles &&
      text.startsWith(last.text) &&
      this.shown.length * narrowShare <= this.store.rows.length;
    this.shown = narrowing
      ? this.narrow(this.shown, text)
      : this.filter(this.sortedOrder(orderKey, query), text, query.severities, [...(query.hiddenFlags ?? [])]);
    this.last = { orderKey, text, toggles };
    return this.shown;
  }

  private sortedOrder(orderKey: string, query: ViewQuery): Uint32Array {
    if (this.order && this.orderKey === orderKey) return this.order;
    const rows = this.store.rows;
    if (query.sortColumn) this.order = radixOrder(this.keysFor(query.sortColumn), query.descending);
    else {
      this.order = new Uint32Array(rows.length);
      for (let i = 0; i < rows.length; i++) this.order[i] = i;
    }
    this.orderKey = orderKey;
    return this.order;
  }

  private keysFor(column: ColumnDef): Float64Array {
    const version = this.store.version;
    if (this.keys?.version !== version || this.keys.column !== column.key) {
      this.keys = { version, column: column.key, keys: sortKeys(this.store.rows, column) };
    }
    return this.keys.keys;
  }

  /** A full pass: severity, then the quick filter through one scan of all rows' text. */
  private filter(source: Uint32Array, text: string, severities: ReadonlySet<Severity>, hiddenFlags: readonly string[]): Uint32Array {
    const allSeverities = severities.size === 4;
    if (text === '' && allSeverities && hiddenFlags.length === 0) return source;
    const rows = this.store.rows;
    const marks = text === '' ? undefined : this.store.matchAll(text);
    const out = new Uint32Array(source.length);
    let count = 0;
    for (let i = 0; i < source.length; i++) {
      const index = source[i];
      if (marks && marks[index] === 0) continue;
      if (!allSeverities && !severities.has(rows[index].severity)) continue;
      if (hiddenFlags.length > 0 && hiddenFlags.some((key) => rows[index].fields[key] === true)) continue;
      out[count++] = index;
    }
    return out.subarray(0, count);
  }

  /** The query grew and few rows are left: test only those rows. */
  private narrow(previous: Uint32Array, text: string): Uint32Array {
    if (text === '') return previous;
    const out = new Uint32Array(previous.length);
    let count = 0;
    for (let i = 0; i < previous.length; i++) if (this.store.textAt(previous[i]).includes(text)) out[count++] = previous[i];
    return out.subarray(0, count);
  }
}
