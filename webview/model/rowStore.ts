import type { JsonValue, LogRow } from '../../src/protocol/streamDefinition';

/**
 * The rows the host sent, in the host's order (newest first), plus a lowercase search text per row built lazily
 * (first quick filter, or idle time) so that assigning rows stays cheap. `version` changes on every mutation so
 * views know when their cached orders are stale.
 */
export class RowStore {
  rows: LogRow[] = [];
  version = 0;
  private searchText: (string | undefined)[] = [];
  private readonly byId = new Map<string, number>();
  private indexValid = false;
  private haystack: { version: number; text: string; starts: Uint32Array } | undefined;

  replace(rows: readonly LogRow[]): void {
    this.rows = rows.slice();
    this.searchText = new Array<string | undefined>(rows.length);
    this.changed();
  }

  append(rows: readonly LogRow[]): void {
    for (const row of rows) this.rows.push(row);
    this.searchText.length = this.rows.length;
    this.changed();
  }

  prepend(rows: readonly LogRow[]): void {
    this.rows = rows.concat(this.rows);
    this.searchText = new Array<string | undefined>(rows.length).concat(this.searchText);
    this.changed();
  }

  /** A filled live-tail gap: rows just above the row `beforeId` (nothing when it is not held). */
  insertBefore(beforeId: string, rows: readonly LogRow[]): void {
    const at = this.indexOfId(beforeId);
    if (at < 0) return;
    this.rows = this.rows.slice(0, at).concat(rows, this.rows.slice(at));
    this.searchText = this.searchText.slice(0, at).concat(new Array<string | undefined>(rows.length), this.searchText.slice(at));
    this.changed();
  }

  dropOldest(count: number): void {
    const keep = Math.max(0, this.rows.length - count);
    this.rows.length = keep;
    this.searchText.length = keep;
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
    let text = this.searchText[index];
    if (text === undefined) {
      text = searchTextOf(this.rows[index]);
      this.searchText[index] = text;
    }
    return text;
  }

  /** Builds the search texts in idle time, so the first quick-filter keystroke does not pay for them. */
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
    const deadline = performance.now() + budgetMs;
    let index = start;
    while (index < this.rows.length) {
      this.textAt(index++);
      if ((index & 255) === 0 && performance.now() > deadline) break;
    }
    return index;
  }

  /**
   * Marks (by store position) the rows whose search text contains `needle` (lowercase, no newline). One
   * `indexOf` walk over all rows' texts joined by newlines is several times faster than a call per row.
   */
  matchAll(needle: string): Uint8Array {
    const { text, starts } = this.joinedText();
    const marks = new Uint8Array(this.rows.length);
    let row = 0;
    let from = 0;
    for (;;) {
      const at = text.indexOf(needle, from);
      if (at < 0) break;
      while (starts[row + 1] <= at) row++;
      marks[row] = 1;
      from = starts[row + 1];
    }
    return marks;
  }

  private joinedText(): { text: string; starts: Uint32Array } {
    if (this.haystack?.version === this.version) return this.haystack;
    const count = this.rows.length;
    const starts = new Uint32Array(count + 1);
    const texts = new Array<string>(count);
    let offset = 0;
    for (let i = 0; i < count; i++) {
      texts[i] = this.textAt(i);
      starts[i] = offset;
      offset += texts[i].length + 1;
    }
    starts[count] = offset;
    this.haystack = { version: this.version, text: texts.join('\n'), starts };
    return this.haystack;
  }

  private changed(): void {
    this.version++;
    this.indexValid = false;
    this.haystack = undefined;
  }
}

function searchTextOf(row: LogRow): string {
  const parts: string[] = [row.id];
  for (const value of Object.values(row.fields)) parts.push(valueText(value));
  return parts.join('\n').toLowerCase();
}

function valueText(value: JsonValue): string {
  if (value === null) return '';
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}
