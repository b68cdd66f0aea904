import type { LogRow } from '../../src/protocol/streamDefinition';
import { SearchIndex } from './searchIndex';
import { FieldCodes, type ValueCodes } from './valueCodes';

/**
 * The rows the host sent, in the host's order (newest first), plus their lowercase search text built lazily
 * (first query, or idle time) so that assigning rows stays cheap. `version` changes on every mutation so views
 * know when their cached orders are stale.
 */
export class RowStore {
  rows: LogRow[] = [];
  version = 0;
  private readonly search = new SearchIndex(() => this.rows);
  private readonly codes = new FieldCodes(() => this.rows);
  private readonly byId = new Map<string, number>();
  private indexValid = false;

  replace(rows: readonly LogRow[]): void {
    this.rows = rows.slice();
    this.search.reset(rows.length);
    this.codes.reset();
    this.changed();
  }

  append(rows: readonly LogRow[]): void {
    for (const row of rows) this.rows.push(row);
    this.search.appended(rows.length);
    this.changed();
  }

  prepend(rows: readonly LogRow[]): void {
    this.rows = rows.concat(this.rows);
    this.search.prepended(rows.length);
    this.codes.reset();
    this.changed();
  }

  /** A filled live-tail gap: rows just above the row `beforeId` (nothing when it is not held). */
  insertBefore(beforeId: string, rows: readonly LogRow[]): void {
    const at = this.indexOfId(beforeId);
    if (at < 0) return;
    this.rows = this.rows.slice(0, at).concat(rows, this.rows.slice(at));
    this.search.inserted(rows.length);
    this.codes.reset();
    this.changed();
  }

  dropOldest(count: number): void {
    const keep = Math.max(0, this.rows.length - count);
    this.rows.length = keep;
    this.search.truncated(keep);
    this.codes.truncated(keep);
    this.changed();
  }

  indexOfId(id: string): number {
    if (!this.indexValid) {
      this.byId.clear();
      this.rows.forEach((row, index) => this.byId.set(row.id, index));
      this.indexValid = true;
    }
    return this.byId.get(id) ?? -1;
  }

  /** Lowercase text of every field of row `index`, built on first use. */
  textAt(index: number): string {
    return this.search.textAt(index);
  }

  /** A test by store index for rows whose search text contains `needle` (lowercase, no newline). */
  contains(needle: string): (index: number) => boolean {
    return this.search.contains(needle);
  }

  /** Of `indices`, the rows whose search text contains `needle` (lowercase, no newline), in order. */
  select(needle: string, indices: Uint32Array): Uint32Array {
    return this.search.select(needle, indices);
  }

  /** The store indices the next free-text tests will visit, so that sparse blocks are tested row by row. */
  expectTests(indices: ArrayLike<number>): void {
    this.search.expect(indices);
  }

  /** The values of field `key` numbered per row (for counting). */
  valueCodes(key: string): ValueCodes {
    return this.codes.of(key);
  }

  /** Builds the search texts in idle time, so the first query keystroke does not pay for them. */
  indexWhenIdle(from = 0): void {
    const version = this.version;
    requestIdleCallback((deadline) => {
      if (version !== this.version) return;
      const next = this.buildSearchText(from, Math.max(1, deadline.timeRemaining() - 1));
      if (next < this.rows.length) this.indexWhenIdle(next);
    });
  }

  /** Builds search texts from `start` for about `budgetMs`; returns where it stopped (rows.length when done). */
  buildSearchText(start: number, budgetMs: number): number {
    return this.search.build(start, budgetMs);
  }

  private changed(): void {
    this.version++;
    this.indexValid = false;
  }
}
