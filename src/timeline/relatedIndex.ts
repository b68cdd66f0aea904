import type { LogRow } from '../protocol/streamDefinition';
import { quoteValue } from '../protocol/query/queryText';
import { idLikeValues } from './relatedValues';

/** A value the selected row shares with other loaded rows, and where those rows come from. */
export interface RelatedValue {
  readonly value: string;
  /** Rows other than the selected one holding the value. */
  readonly rows: number;
  /** Labels of the sources of those rows. */
  readonly sources: readonly string[];
  /** The query term matching them: the value as a quoted or bare free-text word. */
  readonly term: string;
}

/** How many indexed rows hold a value, in all and per source. */
interface Holders {
  total: number;
  readonly perSource: number[];
}

/**
 * Which loaded rows hold each id-like value, by row id (a timeline's merged ids, or a stream's own). Rows are added
 * and removed as their session adds and drops them (`followSession`), each read once, so a lookup costs only the
 * selected row's values, however many rows are loaded.
 */
export class RelatedIndex {
  private readonly byValue = new Map<string, Holders>();
  private readonly rowValues = new Map<string, { readonly source: number; readonly values: readonly string[] }>();

  /** `labelOf`: a source's name for the pick ("Acme · Lago · API logs"). */
  constructor(private readonly labelOf: (source: number) => string) {}

  /** Rows indexed now. */
  get size(): number {
    return this.rowValues.size;
  }

  has(rowId: string): boolean {
    return this.rowValues.has(rowId);
  }

  /** Indexes `row` of `source` under `rowId`; a row indexed already is not read again. */
  add(source: number, row: LogRow, rowId = row.id): void {
    if (this.rowValues.has(rowId)) return;
    const values = [...idLikeValues(row.fields)];
    this.rowValues.set(rowId, { source, values });
    for (const value of values) {
      let holders = this.byValue.get(value);
      if (!holders) this.byValue.set(value, (holders = { total: 0, perSource: [] }));
      holders.total++;
      holders.perSource[source] = (holders.perSource[source] ?? 0) + 1;
    }
  }

  remove(rowId: string): void {
    const entry = this.rowValues.get(rowId);
    if (!entry) return;
    this.rowValues.delete(rowId);
    for (const value of entry.values) {
      const holders = this.byValue.get(value);
      if (!holders) continue;
      holders.total--;
      holders.perSource[entry.source]--;
      if (holders.total === 0) this.byValue.delete(value);
    }
  }

  /** Values of the indexed row `rowId` held by other rows, those in other sources first, then by count. */
  related(rowId: string): RelatedValue[] {
    const entry = this.rowValues.get(rowId);
    if (!entry) return [];
    const related: (RelatedValue & { readonly elsewhere: boolean })[] = [];
    for (const value of entry.values) {
      const holders = this.byValue.get(value);
      if (!holders || holders.total < 2) continue;
      const sources: string[] = [];
      holders.perSource.forEach((count, source) => {
        if (count - (source === entry.source ? 1 : 0) > 0) sources.push(this.labelOf(source));
      });
      const elsewhere = holders.perSource.some((count, source) => source !== entry.source && count > 0);
      related.push({ value, rows: holders.total - 1, sources, term: quoteValue(value), elsewhere });
    }
    related.sort((a, b) => Number(b.elsewhere) - Number(a.elsewhere) || b.rows - a.rows);
    return related.map(({ elsewhere: _elsewhere, ...value }) => value);
  }
}
