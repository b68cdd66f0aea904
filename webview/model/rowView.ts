import type { QueryNode } from '../../src/protocol/query/ast';
import type { RowPredicate } from '../../src/protocol/query/evaluate';
import { narrows } from '../../src/protocol/query/narrowing';
import type { ColumnDef, Severity } from '../../src/protocol/streamDefinition';
import type { RowStore } from './rowStore';
import { radixOrder } from './radixOrder';
import { sortKeys } from './sortKeys';
import { TimeOrder } from './timeOrder';
import type { TimeSlice } from '../../src/protocol/query/timeSlice';

export interface ViewQuery {
  readonly sortColumn?: ColumnDef;
  readonly descending: boolean;
  /** The applied query; absent: every row. */
  readonly predicate?: RowPredicate;
  /** The time range the predicate's rows lie in (from its query): an order in time needs only that slice. */
  readonly timeSlice?: TimeSlice;
  /**
   * The parsed query `predicate` was compiled from, and whatever else its meaning depends on (the time zone):
   * with them a query that narrows a recent one filters that one's rows instead of all rows.
   */
  readonly narrowing?: { readonly node: QueryNode | undefined; readonly scope: string };
  readonly severities: ReadonlySet<Severity>;
  /** Rows whose field of one of these keys is `true` are hidden (`flag` columns toggled off). */
  readonly hiddenFlags?: ReadonlySet<string>;
}

/** A recent result: the rows a query kept over one order (store version and sort) with the same levels and flags. */
interface Kept {
  readonly key: string;
  readonly node: QueryNode | undefined;
  readonly shown: Uint32Array;
}

/** Recent results kept for narrowing: the prefixes of what is being typed. */
const keptResults = 12;

/**
 * The rows shown: the store's rows in sort order, narrowed by severity and the query. The sort order is cached
 * per store version and sort (the store version is part of the order key). Recent results are kept, and a query
 * that only adds terms to one of them (or extends a word) is evaluated over that result's rows.
 */
export class RowView {
  /** Store indices of the rows shown, in display order. */
  shown: Uint32Array = new Uint32Array(0);
  private order: Uint32Array | undefined;
  private orderKey = '';
  /** Sort keys of one column, kept while the rows are the same, so flipping the direction skips them. */
  private keys: { version: number; column: string; keys: Float64Array } | undefined;

  constructor(private readonly store: RowStore) {}

  private kept: Kept[] = [];
  /** Where results are collected before they are copied out at their size. */
  private scratch = new Uint32Array(0);
  private readonly timeOrder = new TimeOrder();

  update(query: ViewQuery): Uint32Array {
    const orderKey = `${this.store.version}|${query.sortColumn?.key ?? ''}|${query.descending}`;
    const hiddenFlags = [...(query.hiddenFlags ?? [])];
    const order = this.sortedOrder(orderKey, query);
    const narrowing = query.predicate ? query.narrowing : undefined;
    if (!narrowing) {
      this.shown = this.filter(this.inTime(order, order, query), query.predicate, query.severities, hiddenFlags);
      return this.shown;
    }
    const key = `${orderKey}|${[...query.severities].sort().join()}|${hiddenFlags.sort().join()}|${narrowing.scope}`;
    this.kept = this.kept.filter((entry) => entry.key === key);
    const source = this.inTime(order, this.narrowest(narrowing.node) ?? order, query);
    this.shown = this.filter(source, query.predicate, query.severities, hiddenFlags);
    this.keep({ key, node: narrowing.node, shown: this.shown });
    return this.shown;
  }

  /**
   * Keeps the newest result; when full, the oldest one the new query does not narrow goes first, since the ones it
   * narrows (the terms typed so far) are what the next keys narrow too.
   */
  private keep(entry: Kept): void {
    this.kept.unshift(entry);
    if (this.kept.length <= keptResults) return;
    let drop = this.kept.length - 1;
    for (let i = drop; i > 0; i--) {
      if (!narrows(this.kept[i].node, entry.node)) {
        drop = i;
        break;
      }
    }
    this.kept.splice(drop, 1);
  }

  /** `source` cut to the query's time range when `order` (and so `source`, a subsequence of it) is in time order. */
  private inTime(order: Uint32Array, source: Uint32Array, query: ViewQuery): Uint32Array {
    if (!query.predicate || !query.timeSlice) return source;
    const range = this.timeOrder.range(this.store.rows, this.store.version, order, source, query.timeSlice);
    return range ? source.subarray(range[0], range[1]) : source;
  }

  /** The smallest kept result whose query every row of `node` also matches. */
  private narrowest(node: QueryNode | undefined): Uint32Array | undefined {
    let best: Uint32Array | undefined;
    for (const entry of this.kept) {
      if ((!best || entry.shown.length < best.length) && narrows(entry.node, node)) best = entry.shown;
    }
    return best;
  }

  shownIds(): string[] {
    return Array.from(this.shown, (index) => this.store.rows[index].id);
  }

  /** Whether the store row at `index` is among the rows shown. */
  isShown(index: number): boolean {
    if (index < 0) return false;
    const shown = this.shown;
    for (let i = 0; i < shown.length; i++) if (shown[i] === index) return true;
    return false;
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

  /**
   * Severity, flags, then the query's predicate, over the rows in display order. When every row passes, the
   * result is `source` itself, so views that count the rows shown can tell nothing changed.
   */
  private filter(source: Uint32Array, predicate: RowPredicate | undefined, severities: ReadonlySet<Severity>, hiddenFlags: readonly string[]): Uint32Array {
    const allSeverities = severities.size === 4;
    if (!predicate && allSeverities && hiddenFlags.length === 0) return source;
    if (predicate?.select) {
      const candidates = allSeverities && hiddenFlags.length === 0 ? source : this.filter(source, undefined, severities, hiddenFlags);
      const kept = predicate.select(candidates);
      return kept.length === source.length ? source : kept;
    }
    const rows = this.store.rows;
    if (predicate) this.store.expectTests(source);
    if (this.scratch.length < source.length) this.scratch = new Uint32Array(Math.max(source.length, this.scratch.length * 2));
    const out = this.scratch;
    let count = 0;
    for (let i = 0; i < source.length; i++) {
      const index = source[i];
      const row = rows[index];
      if (!allSeverities && !severities.has(row.severity)) continue;
      if (hiddenFlags.length > 0 && hiddenFlags.some((key) => row.fields[key] === true)) continue;
      if (predicate && !predicate(row, index)) continue;
      out[count++] = index;
    }
    return count === source.length ? source : out.slice(0, count);
  }
}
