import type { RowPredicate } from '../../src/protocol/query/evaluate';
import type { ColumnDef, Severity } from '../../src/protocol/streamDefinition';
import type { RowStore } from './rowStore';
import { radixOrder } from './radixOrder';
import { sortKeys } from './sortKeys';

export interface ViewQuery {
  readonly sortColumn?: ColumnDef;
  readonly descending: boolean;
  /** The applied query; absent: every row. */
  readonly predicate?: RowPredicate;
  readonly severities: ReadonlySet<Severity>;
  /** Rows whose field of one of these keys is `true` are hidden (`flag` columns toggled off). */
  readonly hiddenFlags?: ReadonlySet<string>;
}

/**
 * The rows shown: the store's rows in sort order, narrowed by severity and the query. The sort order is cached
 * per store version and sort (the store version is part of the order key).
 */
export class RowView {
  /** Store indices of the rows shown, in display order. */
  shown: Uint32Array = new Uint32Array(0);
  private order: Uint32Array | undefined;
  private orderKey = '';
  /** Sort keys of one column, kept while the rows are the same, so flipping the direction skips them. */
  private keys: { version: number; column: string; keys: Float64Array } | undefined;

  constructor(private readonly store: RowStore) {}

  update(query: ViewQuery): Uint32Array {
    const orderKey = `${this.store.version}|${query.sortColumn?.key ?? ''}|${query.descending}`;
    this.shown = this.filter(this.sortedOrder(orderKey, query), query.predicate, query.severities, [...(query.hiddenFlags ?? [])]);
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

  /** Severity, flags, then the query's predicate, over the rows in display order. */
  private filter(source: Uint32Array, predicate: RowPredicate | undefined, severities: ReadonlySet<Severity>, hiddenFlags: readonly string[]): Uint32Array {
    const allSeverities = severities.size === 4;
    if (!predicate && allSeverities && hiddenFlags.length === 0) return source;
    const rows = this.store.rows;
    const out = new Uint32Array(source.length);
    let count = 0;
    for (let i = 0; i < source.length; i++) {
      const index = source[i];
      const row = rows[index];
      if (!allSeverities && !severities.has(row.severity)) continue;
      if (hiddenFlags.length > 0 && hiddenFlags.some((key) => row.fields[key] === true)) continue;
      if (predicate && !predicate(row, index)) continue;
      out[count++] = index;
    }
    return out.subarray(0, count);
  }
}
