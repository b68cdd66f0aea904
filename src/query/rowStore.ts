import type { LogRow } from '../protocol/streamDefinition';

/**
 * The rows of one panel, newest first, unique by id and bounded by `maxRows`. When the bound bites, the oldest rows
 * go; from then on the older end is no longer contiguous, so `limitReached` stops further older loads.
 */
export class RowStore {
  private rows: LogRow[] = [];
  private readonly byId = new Map<string, LogRow>();
  /** Rows dropped or refused since the last `replace`, to stay within `maxRows`. */
  dropped = 0;

  constructor(private maxRows: number) {}

  get size(): number {
    return this.rows.length;
  }

  get limitReached(): boolean {
    return this.dropped > 0 || this.rows.length >= this.maxRows;
  }

  all(): readonly LogRow[] {
    return this.rows;
  }

  get(id: string): LogRow | undefined {
    return this.byId.get(id);
  }

  has(id: string): boolean {
    return this.byId.has(id);
  }

  /** Position of a held row (newest is 0), or -1. */
  indexOf(id: string): number {
    const row = this.byId.get(id);
    return row === undefined ? -1 : this.rows.indexOf(row);
  }

  /** A new result set. Returns the rows kept. */
  replace(rows: readonly LogRow[]): readonly LogRow[] {
    this.rows = [];
    this.byId.clear();
    this.dropped = 0;
    return this.append(rows);
  }

  /** Older rows at the end; ids already held are skipped, and rows beyond `maxRows` are refused. */
  append(rows: readonly LogRow[]): readonly LogRow[] {
    const accepted = this.unseen(rows);
    const room = Math.max(0, this.maxRows - this.rows.length);
    const kept = accepted.length > room ? accepted.slice(0, room) : accepted;
    this.dropped += accepted.length - kept.length;
    for (const row of kept) {
      this.rows.push(row);
      this.byId.set(row.id, row);
    }
    return kept;
  }

  /** Newer rows at the top (live tail); returns them and how many of the oldest were dropped to make room. */
  prepend(rows: readonly LogRow[]): { readonly added: readonly LogRow[]; readonly droppedOldest: number } {
    const added = this.unseen(rows);
    if (added.length === 0) {
      return { added, droppedOldest: 0 };
    }
    for (const row of added) {
      this.byId.set(row.id, row);
    }
    this.rows = [...added, ...this.rows];
    return { added, droppedOldest: this.trim() };
  }

  /** Rows for a filled gap, just above the held row `beforeId`; returns them and how many of the oldest went. */
  insertBefore(beforeId: string, rows: readonly LogRow[]): { readonly added: readonly LogRow[]; readonly droppedOldest: number } {
    const at = this.indexOf(beforeId);
    const added = at < 0 ? [] : this.unseen(rows);
    if (added.length === 0) {
      return { added, droppedOldest: 0 };
    }
    for (const row of added) {
      this.byId.set(row.id, row);
    }
    this.rows = this.rows.slice(0, at).concat(added, this.rows.slice(at));
    return { added, droppedOldest: this.trim() };
  }

  /** Changes the bound; returns how many of the oldest rows were dropped. */
  setMaxRows(maxRows: number): number {
    this.maxRows = maxRows;
    return this.trim();
  }

  private trim(): number {
    const excess = this.rows.length - this.maxRows;
    if (excess <= 0) {
      return 0;
    }
    for (const row of this.rows.splice(this.maxRows)) {
      this.byId.delete(row.id);
    }
    this.dropped += excess;
    return excess;
  }

  private unseen(rows: readonly LogRow[]): LogRow[] {
    const seen = new Set<string>();
    return rows.filter((row) => {
      if (this.byId.has(row.id) || seen.has(row.id)) {
        return false;
      }
      seen.add(row.id);
      return true;
    });
  }
}
