import type { ColumnDef } from '../../src/protocol/streamDefinition';
import { columnTracks } from '../grid/columnTracks';
import { fitColumnChars } from '../grid/fitColumns';
import type { LogRow } from '../../src/protocol/streamDefinition';
import type { ViewLayout } from '../../src/protocol/savedView';
import type { SortIntent, UiIntent } from '../state';

/** Which columns show, how wide, and the sort: the user's column intent, persisted through `save`. */
export class ColumnLayout {
  private columns: readonly ColumnDef[] = [];
  private readonly hidden = new Set<string>();
  readonly widths = new Map<string, number>();
  /** Characters each column was fitted to from the rows (not saved: the rows come again after a reload). */
  private readonly fitted = new Map<string, number>();
  sort: SortIntent | undefined;

  constructor(
    private readonly saved: UiIntent,
    private readonly save: (patch: Partial<UiIntent>) => void,
  ) {
    this.sort = saved.sort;
    for (const [key, width] of Object.entries(saved.columnWidths ?? {})) this.widths.set(key, width);
  }

  /** Takes the stream's columns; hidden flags come from the saved state, else from the definition. */
  setDefinition(columns: readonly ColumnDef[]): void {
    this.columns = columns;
    this.hidden.clear();
    const keys = this.saved.hiddenColumns ?? columns.filter((c) => c.hidden).map((c) => c.key);
    for (const key of keys) this.hidden.add(key);
    if (this.sort && !columns.some((c) => c.key === this.sort?.key)) this.sort = undefined;
  }

  all(): readonly { readonly column: ColumnDef; readonly hidden: boolean }[] {
    return this.columns.map((column) => ({ column, hidden: this.hidden.has(column.key) }));
  }

  visible(): ColumnDef[] {
    return this.columns.filter((c) => !this.hidden.has(c.key));
  }

  sortColumn(): ColumnDef | undefined {
    return this.columns.find((c) => c.key === this.sort?.key);
  }

  /** Time columns sort newest first on the first click; a third click returns to the host's order. */
  cycleSort(key: string): void {
    const column = this.columns.find((c) => c.key === key);
    const first = column?.type === 'time' ? 'desc' : 'asc';
    if (this.sort?.key !== key) this.sort = { key, direction: first };
    else if (this.sort.direction === first) this.sort = { key, direction: first === 'asc' ? 'desc' : 'asc' };
    else this.sort = undefined;
    this.save({ sort: this.sort });
  }

  resize(key: string, width: number, done: boolean): void {
    this.widths.set(key, Math.round(width));
    if (done) this.save({ columnWidths: Object.fromEntries(this.widths) });
  }

  toggle(key: string): void {
    if (this.hidden.has(key)) this.hidden.delete(key);
    else if (this.visible().length > 1) this.hidden.add(key);
    this.save({ hiddenColumns: [...this.hidden] });
  }

  /** A saved view's layout replaces the user's: hidden columns, widths and sort, then saved as the new intent. */
  apply(layout: ViewLayout): void {
    if (layout.hiddenColumns) {
      this.hidden.clear();
      for (const key of layout.hiddenColumns) if (this.columns.some((c) => c.key === key)) this.hidden.add(key);
      if (this.visible().length === 0) this.hidden.clear();
    }
    if (layout.columnWidths) {
      this.widths.clear();
      for (const [key, width] of Object.entries(layout.columnWidths)) this.widths.set(key, width);
    }
    this.sort = layout.sort && this.columns.some((c) => c.key === layout.sort?.key) ? layout.sort : undefined;
    this.save({ hiddenColumns: [...this.hidden], columnWidths: Object.fromEntries(this.widths), sort: this.sort });
  }

  /** What a saved view stores of the columns. */
  snapshot(): ViewLayout {
    return { hiddenColumns: [...this.hidden], columnWidths: Object.fromEntries(this.widths), ...(this.sort ? { sort: this.sort } : {}) };
  }

  /**
   * Fits the columns to a new result set; a column only grows, so widths do not jump as pages arrive or filters
   * change. Returns whether a width changed.
   */
  fit(rows: readonly LogRow[]): boolean {
    let changed = false;
    for (const [key, chars] of fitColumnChars(this.columns, rows)) {
      if (chars <= (this.fitted.get(key) ?? 0)) continue;
      this.fitted.set(key, chars);
      changed ||= !this.widths.has(key);
    }
    return changed;
  }

  /** Drops the user's width of a column and fits it to `rows` alone (a double click on its resize handle). */
  fitOne(key: string, rows: readonly LogRow[]): void {
    const column = this.columns.filter((c) => c.key === key);
    this.widths.delete(key);
    this.fitted.delete(key);
    for (const [fittedKey, chars] of fitColumnChars(column, rows)) this.fitted.set(fittedKey, chars);
    this.save({ columnWidths: Object.fromEntries(this.widths) });
  }

  /** The CSS grid template of the visible columns. */
  template(): string {
    return columnTracks(this.visible(), this.widths, this.fitted);
  }
}
