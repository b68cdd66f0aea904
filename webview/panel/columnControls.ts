import type { LogRow } from '../../src/protocol/streamDefinition';
import type { Grid } from '../grid/grid';
import type { ColumnLayout } from './columnLayout';

/** The grid's columns as the user changes them: sort, resize, show or hide, then the header is rebuilt. */
export class ColumnControls {
  constructor(
    private readonly columns: ColumnLayout,
    private readonly grid: Grid,
    private readonly refresh: () => void,
  ) {}

  sort(key: string): void {
    this.columns.cycleSort(key);
    this.apply();
  }

  /** While dragging only the tracks change; the header is rebuilt when done. */
  resize(key: string, width: number, done: boolean): void {
    this.columns.resize(key, width, done);
    if (done) this.apply();
    else this.grid.setTracks(this.columns.template());
  }

  /** A new result set (or the first rows): columns grow to fit it. */
  fitTo(rows: readonly LogRow[]): void {
    if (this.columns.fit(rows)) this.grid.setTracks(this.columns.template());
  }

  /** Double click on a resize handle: the column fits the loaded rows again, forgetting a dragged width. */
  fitColumn(key: string, rows: readonly LogRow[]): void {
    this.columns.fitOne(key, rows);
    this.apply();
  }

  toggle(key: string): void {
    this.columns.toggle(key);
    this.apply();
  }

  /** Rebuilds the header (and row pool) for the current columns, keeping keyboard focus in the grid. */
  apply(): void {
    const hadFocus = this.grid.element.contains(document.activeElement);
    this.grid.setColumns(this.columns.visible(), this.columns.widths, this.columns.template(), this.columns.sort);
    this.refresh();
    if (hadFocus && !this.grid.element.contains(document.activeElement)) this.grid.element.focus({ preventScroll: true });
  }
}
