import type { ColumnDef, LogRow } from '../../src/protocol/streamDefinition';
import type { SortIntent } from '../state';
import { replaceHeader, type HeaderCallbacks } from './gridHeader';
import { removeAttribute, setAttribute } from '../panel/domWrites';
import { keyTarget, rowKeyAction } from './gridKeys';
import { displayPosition, slotAt, type GapSlot } from './gapSlots';
import { GridRowPainter, isGap, rowHeight, showRelativeTime } from './gridRowPainter';

export { rowHeight } from './gridRowPainter';

export interface GridCallbacks extends HeaderCallbacks {
  onSelect(row: LogRow): void;
  onOpen(row: LogRow): void;
  onCopy(row: LogRow): void;
  onScroll(scrollTop: number, atEnd: boolean): void;
  onLoadGap(gapId: string): void;
  /** Right-click on a cell (`column` set) or the context-menu key on the selected row. */
  onContextMenu(row: LogRow, column: ColumnDef | undefined, at: { readonly x: number; readonly y: number }): void;
}

const overscan = 8;
/** Before the first resize observation: a typical panel's height. */
const defaultViewport = 600;

/**
 * Our virtualised grid: fixed-height rows positioned in a tall body, a pool of row elements reused on scroll,
 * and the header in the same scroll box (sticky), so wide tables scroll horizontally together. Selection is by
 * display position and announced through `aria-activedescendant`, so focus stays on the grid element.
 *
 * Drawing never reads layout: the scroll offset is taken in the scroll event and the height from a
 * ResizeObserver, so a filter keystroke costs one layout (the browser's own), not one per read after a write.
 */
export class Grid {
  readonly element = document.createElement('div');
  readonly painter: GridRowPainter;
  private readonly body = document.createElement('div');
  private rows: readonly LogRow[] = [];
  private shown: Uint32Array = new Uint32Array(0);
  /** Live-tail gap rows among the shown rows, by ascending display position. */
  private gaps: readonly GapSlot[] = [];
  private pool: HTMLElement[] = [];
  private selected = -1;
  /** The visible column keys the row pool was built for. */
  private shape = '';
  private frame = 0;
  /** The idle callback drawing the overscan rows left out while typing. */
  private idle = 0;
  private scrollTop = 0;
  private viewport = 0;
  /** A scroll offset to write once the body has its new height (so the browser does not clamp it first). */
  private pendingScroll: number | undefined;

  constructor(private readonly callbacks: GridCallbacks) {
    this.painter = new GridRowPainter((gapId) => callbacks.onLoadGap(gapId));
    this.element.className = 'grid';
    this.element.setAttribute('role', 'grid');
    this.element.setAttribute('aria-label', 'Log rows');
    this.element.tabIndex = 0;
    this.body.className = 'grid-body';
    this.body.setAttribute('role', 'rowgroup');
    this.element.append(this.body);
    this.element.addEventListener('scroll', () => {
      this.scrollTop = this.element.scrollTop;
      this.scheduleRender();
    });
    new ResizeObserver((entries) => {
      const height = entries[0].contentRect.height;
      if (height === this.viewport) return;
      this.viewport = height;
      this.scheduleRender();
    }).observe(this.element);
    this.element.addEventListener('keydown', (event) => this.onKey(event));
    this.body.addEventListener('click', (event) => this.onClick(event, false));
    this.body.addEventListener('dblclick', (event) => this.onClick(event, true));
    // A double click opens the row; without this it would also select the word under the pointer.
    this.body.addEventListener('mousedown', (event) => event.detail > 1 && event.preventDefault());
    this.body.addEventListener('pointerover', (event) => showRelativeTime(event, this.columns, (position) => this.rowAt(position)));
    this.body.addEventListener('contextmenu', (event) => this.onContextMenu(event));
  }

  private get columns(): readonly ColumnDef[] {
    return this.painter.columns;
  }

  /** New columns, widths (`tracks`: their CSS grid template) or sort arrow; the rows are drawn by the `setRows` that follows. */
  setColumns(columns: readonly ColumnDef[], widths: ReadonlyMap<string, number>, tracks: string, sort: SortIntent | undefined): void {
    this.painter.columns = columns;
    this.setTracks(tracks);
    this.element.setAttribute('aria-colcount', String(columns.length));
    replaceHeader(this.element, columns, widths, sort, this.callbacks);
    const shape = columns.map((c) => c.key).join('\n');
    if (shape !== this.shape) {
      for (const row of this.pool) row.remove();
      this.pool = [];
      this.shape = shape;
    }
  }

  /** Column widths alone (while dragging, or fitted to new rows): header and rows share the tracks. */
  setTracks(tracks: string): void {
    this.element.style.setProperty('--grid-columns', tracks || '1fr');
  }

  /** Shows `shown` (indices into `rows`) and the gap rows; keeps the selected row selected when it is still shown. */
  setRows(rows: readonly LogRow[], shown: Uint32Array, keepRowId?: string, gaps: readonly GapSlot[] = []): void {
    this.rows = rows;
    this.shown = shown;
    this.gaps = gaps;
    this.selected = keepRowId === undefined ? Math.min(this.selected, this.count - 1) : this.positionOf(keepRowId);
    setAttribute(this.element, 'aria-rowcount', String(this.count + 1));
    const height = `${this.count * rowHeight}px`;
    if (this.body.style.height !== height) this.body.style.height = height;
    this.render(true);
  }

  get selectedRow(): LogRow | undefined {
    const item = this.itemAt(this.selected);
    return item && !isGap(item) ? item : undefined;
  }

  /** Display positions: shown rows and gap rows. */
  get count(): number {
    return this.shown.length + this.gaps.length;
  }

  /** The scroll offset as of the last scroll event or scroll by the grid (no layout read). */
  get scrollOffset(): number {
    return this.scrollTop;
  }

  /** The row at a display position (undefined for a gap row or past the end). */
  rowAt(position: number): LogRow | undefined {
    const item = this.itemAt(position);
    return item && !isGap(item) ? item : undefined;
  }

  /** Display position of the first row in view (for the scroll anchor). */
  firstVisible(): number {
    return Math.floor(this.scrollTop / rowHeight);
  }

  positionOf(rowId: string): number {
    for (let i = 0; i < this.shown.length; i++) if (this.rows[this.shown[i]].id === rowId) return displayPosition(this.gaps, i);
    return -1;
  }

  scrollToPosition(position: number): void {
    this.scrollTo(position * rowHeight);
    this.render();
  }

  /** Scrolls by `count` rows at the next draw (rows arrived above the ones in view). */
  scrollByRows(count: number): void {
    this.scrollTo(this.scrollTop + count * rowHeight);
  }

  select(position: number): void {
    if (this.count === 0) return;
    this.selected = Math.max(0, Math.min(this.count - 1, position));
    this.reveal(this.selected);
    this.render();
    const row = this.selectedRow;
    if (row) this.callbacks.onSelect(row);
  }

  /**
   * Draws the rows in view and the overscan around them. With `inViewFirst` (a new result while typing) only the
   * rows in view are drawn now; overscan rows that would change are hidden until idle time draws them, before a
   * scroll needs them (a scroll draws everything at once).
   */
  render(inViewFirst = false): void {
    cancelAnimationFrame(this.frame);
    this.frame = 0;
    const viewport = this.viewport || defaultViewport;
    const height = this.count * rowHeight;
    if (this.pendingScroll !== undefined) {
      this.element.scrollTop = this.pendingScroll;
      this.pendingScroll = undefined;
    }
    // The browser clamps the offset when the rows shrink (and then fires a scroll event); clamp the same way now.
    const scrollTop = Math.max(0, Math.min(this.scrollTop, height + rowHeight - viewport));
    const top = Math.floor(scrollTop / rowHeight);
    const bottom = Math.ceil((scrollTop + viewport) / rowHeight);
    const first = Math.max(0, top - overscan);
    const last = Math.min(this.count, bottom + overscan);
    this.ensurePool(last - first);
    // Position p always uses element p % size, so scrolling repaints only the rows that came into view.
    const size = this.pool.length;
    let active = false;
    let later = false;
    this.pool.forEach((element, slot) => {
      const position = first + ((((slot - first) % size) + size) % size);
      const item = position < last ? this.itemAt(position) : undefined;
      const selected = position === this.selected;
      if (!item) this.painter.release(element);
      else if (inViewFirst && (position < top || position >= bottom) && !this.painter.shows(element, position, item, selected)) {
        this.painter.release(element);
        later = true;
      } else {
        this.painter.paint(element, position, item, selected);
        active ||= selected;
      }
    });
    if (active) setAttribute(this.element, 'aria-activedescendant', 'grid-active-row');
    else removeAttribute(this.element, 'aria-activedescendant');
    if (later && this.idle === 0) this.idle = requestIdleCallback(() => ((this.idle = 0), this.render()), { timeout: 250 });
    this.callbacks.onScroll(scrollTop, scrollTop + viewport >= height - rowHeight);
  }

  private scrollTo(top: number): void {
    this.scrollTop = Math.max(0, top);
    this.pendingScroll = this.scrollTop;
  }

  private scheduleRender(): void {
    if (this.frame === 0) this.frame = requestAnimationFrame(() => this.render());
  }

  private ensurePool(size: number): void {
    while (this.pool.length < size) {
      const row = this.painter.createRow();
      this.body.append(row);
      this.pool.push(row);
    }
  }

  /** A display position's row or gap row. */
  private itemAt(position: number): LogRow | GapSlot | undefined {
    const at = slotAt(this.gaps, position);
    if (at === undefined || 'gap' in at) return at;
    const index = this.shown[at.shownIndex];
    return index === undefined ? undefined : this.rows[index];
  }

  private reveal(position: number): void {
    const top = position * rowHeight;
    const headerHeight = rowHeight + 2;
    const view = (this.viewport || defaultViewport) - headerHeight;
    if (top < this.scrollTop) this.scrollTo(top);
    else if (top + rowHeight > this.scrollTop + view) this.scrollTo(top + rowHeight - view);
  }

  private onKey(event: KeyboardEvent): void {
    if (event.target !== this.element) return;
    const page = Math.max(1, Math.floor((this.viewport || defaultViewport) / rowHeight) - 2);
    const target = keyTarget(event.key, this.selected, page, this.count);
    if (target !== undefined) {
      event.preventDefault();
      this.select(target);
      return;
    }
    const item = this.itemAt(this.selected);
    if (item && isGap(item) && (event.key === 'Enter' || event.key === ' ')) {
      event.preventDefault();
      this.callbacks.onLoadGap(item.gap.id);
      return;
    }
    const row = this.selectedRow;
    const action = row && rowKeyAction(event);
    if (!row || !action) return;
    event.preventDefault();
    if (action === 'open') this.callbacks.onOpen(row);
    else if (action === 'copy') this.callbacks.onCopy(row);
    else {
      const box = this.element.querySelector('#grid-active-row')?.getBoundingClientRect();
      this.callbacks.onContextMenu(row, undefined, { x: box?.left ?? 0, y: box?.bottom ?? 0 });
    }
  }

  private onClick(event: MouseEvent, open: boolean): void {
    const rowElement = (event.target as HTMLElement).closest<HTMLElement>('.grid-row');
    if (!rowElement?.dataset.position) return;
    this.element.focus({ preventScroll: true });
    this.select(Number(rowElement.dataset.position));
    const row = this.selectedRow;
    if (open && row) this.callbacks.onOpen(row);
  }

  private onContextMenu(event: MouseEvent): void {
    const cell = (event.target as HTMLElement).closest<HTMLElement>('.grid-cell');
    const position = cell?.parentElement?.dataset.position;
    if (!cell || position === undefined) return;
    event.preventDefault();
    this.element.focus({ preventScroll: true });
    this.select(Number(position));
    const row = this.selectedRow;
    const column = this.columns[Number(cell.getAttribute('aria-colindex')) - 1];
    if (row) this.callbacks.onContextMenu(row, column, { x: event.clientX, y: event.clientY });
  }
}
