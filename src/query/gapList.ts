import type { PanelGap } from '../protocol/logTable';
import type { PageCursor } from '../providers/connection';

export interface Gap extends PanelGap {
  /** Where the rows not loaded start. */
  readonly cursor: PageCursor;
}

/** The live-tail gaps of one session, each just above a held row. */
export class GapList {
  private gaps: Gap[] = [];
  private nextId = 1;

  get size(): number {
    return this.gaps.length;
  }

  get(id: string): Gap | undefined {
    return this.gaps.find((gap) => gap.id === id);
  }

  /** The first gap, for a retry after a failed gap load. */
  first(): Gap | undefined {
    return this.gaps[0];
  }

  add(beforeRowId: string, cursor: PageCursor, missing: number): void {
    this.gaps.push({ id: `gap-${this.nextId++}`, beforeRowId, cursor, missing: Math.max(1, missing) });
  }

  remove(id: string): void {
    this.gaps = this.gaps.filter((gap) => gap.id !== id);
  }

  /** Drops the gaps whose row is no longer held; true when any went. */
  keepWhere(isHeld: (rowId: string) => boolean): boolean {
    const before = this.gaps.length;
    this.gaps = this.gaps.filter((gap) => isHeld(gap.beforeRowId));
    return this.gaps.length !== before;
  }

  clear(): boolean {
    const had = this.gaps.length > 0;
    this.gaps = [];
    return had;
  }

  /** What the webview shows (no cursors: they stay on the host). */
  forPanel(): PanelGap[] {
    return this.gaps.map(({ id, beforeRowId, missing }) => ({ id, beforeRowId, missing }));
  }
}
