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
    else this.grid.element.style.setProperty('--grid-columns', this.columns.template());
  }

  toggle(key: string): void {
    this.columns.toggle(key);
    this.apply();
  }

  /** Rebuilds the header (and row pool) for the current columns, keeping keyboard focus in the grid. */
  apply(): void {
    const hadFocus = this.grid.element.contains(document.activeElement);
    this.grid.setColumns(this.columns.visible(), this.columns.widths, this.columns.sort);
    this.refresh();
    if (hadFocus && !this.grid.element.contains(document.activeElement)) this.grid.element.focus({ preventScroll: true });
  }
}
