import type { TimeZoneMode } from '../../src/protocol/logTable';
import type { ColumnDef, LogRow } from '../../src/protocol/streamDefinition';
import { cellText, toneOf } from '../format/cellText';
import { formatRelative, formatTime } from '../format/formatTime';
import { toNumber } from '../model/sortKeys';
import type { SortIntent } from '../state';
import { columnTracks } from './columnTracks';
import { buildHeader, type HeaderCallbacks } from './gridHeader';
import { keyTarget } from './gridKeys';

/** Times align by tabular digits; amounts and durations are right-aligned so their digits line up. */
const cellTypeClass: Partial<Record<ColumnDef['type'], string>> = {
  time: ' time',
  number: ' numeric',
  money: ' numeric',
  duration: ' numeric',
};

export interface GridCallbacks extends HeaderCallbacks {
  onSelect(row: LogRow): void;
  onOpen(row: LogRow): void;
  onCopy(row: LogRow): void;
  onScroll(scrollTop: number, atEnd: boolean): void;
}

export const rowHeight = 22;
const overscan = 8;

/**
 * Our virtualised grid: fixed-height rows positioned in a tall body, a pool of row elements reused on scroll,
 * and the header in the same scroll box (sticky), so wide tables scroll horizontally together. Selection is by
 * display position and announced through `aria-activedescendant`, so focus stays on the grid element.
 */
export class Grid {
  readonly element = document.createElement('div');
  private readonly body = document.createElement('div');
  private columns: readonly ColumnDef[] = [];
  private rows: readonly LogRow[] = [];
  private shown: Uint32Array = new Uint32Array(0);
  private pool: HTMLElement[] = [];
  private selected = -1;
  /** The visible column keys the row pool was built for. */
  private shape = '';
  private frame = 0;
  timeZone: TimeZoneMode = 'local';
  /** The `webviewSection` VS Code's row context menu (`webview/context` in package.json) is offered for. */
  rowContextSection = 'logRow';

  constructor(private readonly callbacks: GridCallbacks) {
    this.element.className = 'grid';
    this.element.setAttribute('role', 'grid');
    this.element.setAttribute('aria-label', 'Log rows');
    this.element.tabIndex = 0;
    this.body.className = 'grid-body';
    this.body.setAttribute('role', 'rowgroup');
    this.element.append(this.body);
    this.element.addEventListener('scroll', () => this.scheduleRender());
    this.element.addEventListener('keydown', (event) => this.onKey(event));
    this.body.addEventListener('click', (event) => this.onClick(event, false));
    this.body.addEventListener('dblclick', (event) => this.onClick(event, true));
    this.body.addEventListener('pointerover', (event) => this.onHover(event));
  }

  /** New columns, widths or sort arrow; the rows are drawn by the `setRows` that follows. */
  setColumns(columns: readonly ColumnDef[], widths: ReadonlyMap<string, number>, sort: SortIntent | undefined): void {
    this.columns = columns;
    const template = columnTracks(columns, widths);
    this.element.style.setProperty('--grid-columns', template || '1fr');
    this.element.setAttribute('aria-colcount', String(columns.length));
    const header = buildHeader(columns, widths, sort, this.callbacks);
    const group = document.createElement('div');
    group.className = 'grid-header';
    group.setAttribute('role', 'rowgroup');
    group.append(header);
    const previous = this.element.querySelector(':scope > .grid-header');
    if (previous) previous.replaceWith(group);
    else this.element.prepend(group);
    const shape = columns.map((c) => c.key).join('\n');
    if (shape !== this.shape) {
      for (const row of this.pool) row.remove();
      this.pool = [];
      this.shape = shape;
    }
  }

  /** Shows `shown` (indices into `rows`); keeps the selected row selected when it is still shown. */
  setRows(rows: readonly LogRow[], shown: Uint32Array, keepRowId?: string): void {
    this.rows = rows;
    this.shown = shown;
    this.selected = keepRowId === undefined ? Math.min(this.selected, shown.length - 1) : this.positionOf(keepRowId);
    this.element.setAttribute('aria-rowcount', String(shown.length + 1));
    this.body.style.height = `${shown.length * rowHeight}px`;
    this.render();
  }

  get selectedRow(): LogRow | undefined {
    return this.selected >= 0 ? this.rows[this.shown[this.selected]] : undefined;
  }

  get count(): number {
    return this.shown.length;
  }

  /** Display position of the first row in view (for the scroll anchor). */
  firstVisible(): number {
    return Math.floor(this.element.scrollTop / rowHeight);
  }

  positionOf(rowId: string): number {
    for (let i = 0; i < this.shown.length; i++) if (this.rows[this.shown[i]].id === rowId) return i;
    return -1;
  }

  scrollToPosition(position: number): void {
    this.element.scrollTop = position * rowHeight;
    this.render();
  }

  select(position: number): void {
    if (this.shown.length === 0) return;
    this.selected = Math.max(0, Math.min(this.shown.length - 1, position));
    this.reveal(this.selected);
    this.render();
    const row = this.selectedRow;
    if (row) this.callbacks.onSelect(row);
  }

  render(): void {
    cancelAnimationFrame(this.frame);
    this.frame = 0;
    const viewport = this.element.clientHeight || 600;
    const scrollTop = this.element.scrollTop;
    const first = Math.max(0, Math.floor(scrollTop / rowHeight) - overscan);
    const last = Math.min(this.shown.length, Math.ceil((scrollTop + viewport) / rowHeight) + overscan);
    this.ensurePool(last - first);
    this.pool.forEach((element, slot) => this.fill(element, first + slot, first + slot < last));
    this.element.removeAttribute('aria-activedescendant');
    if (this.selected >= first && this.selected < last) this.element.setAttribute('aria-activedescendant', 'grid-active-row');
    this.callbacks.onScroll(scrollTop, scrollTop + viewport >= this.shown.length * rowHeight - rowHeight);
  }

  private scheduleRender(): void {
    if (this.frame === 0) this.frame = requestAnimationFrame(() => this.render());
  }

  private ensurePool(size: number): void {
    while (this.pool.length < size) {
      const row = document.createElement('div');
      row.setAttribute('role', 'row');
      for (let c = 0; c < this.columns.length; c++) {
        const cell = document.createElement('div');
        cell.setAttribute('role', 'gridcell');
        cell.setAttribute('aria-colindex', String(c + 1));
        row.append(cell);
      }
      this.body.append(row);
      this.pool.push(row);
    }
  }

  private fill(element: HTMLElement, position: number, visible: boolean): void {
    element.hidden = !visible;
    if (!visible) return;
    const row = this.rows[this.shown[position]];
    const selected = position === this.selected;
    element.className = `grid-row${position % 2 ? ' odd' : ''}${selected ? ' selected' : ''}`;
    element.id = selected ? 'grid-active-row' : '';
    element.dataset.position = String(position);
    element.setAttribute('aria-rowindex', String(position + 2));
    element.setAttribute('aria-selected', String(selected));
    element.style.transform = `translateY(${position * rowHeight}px)`;
    element.dataset.vscodeContext = JSON.stringify({ webviewSection: this.rowContextSection, rowId: row.id, preventDefaultContextMenuItems: true });
    const cells = element.children;
    for (let c = 0; c < this.columns.length; c++) {
      const column = this.columns[c];
      const cell = cells[c] as HTMLElement;
      const text = cellText(row, column, this.timeZone);
      if (cell.textContent !== text) cell.textContent = text;
      const tone = toneOf(row, column);
      cell.className = `grid-cell${tone ? ` ${tone}` : ''}${cellTypeClass[column.type] ?? ''}`;
    }
  }

  private reveal(position: number): void {
    const top = position * rowHeight;
    const headerHeight = rowHeight + 2;
    const view = this.element.clientHeight - headerHeight;
    if (top < this.element.scrollTop) this.element.scrollTop = top;
    else if (top + rowHeight > this.element.scrollTop + view) this.element.scrollTop = top + rowHeight - view;
  }

  private onKey(event: KeyboardEvent): void {
    if (event.target !== this.element) return;
    const page = Math.max(1, Math.floor(this.element.clientHeight / rowHeight) - 2);
    const target = keyTarget(event.key, this.selected, page, this.shown.length);
    if (target !== undefined) {
      event.preventDefault();
      this.select(target);
      return;
    }
    const row = this.selectedRow;
    if (!row) return;
    if (event.key === 'Enter') {
      event.preventDefault();
      this.callbacks.onOpen(row);
    } else if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'c' && !hasTextSelection()) {
      event.preventDefault();
      this.callbacks.onCopy(row);
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

  /** The relative time is computed on hover so it is current when the tooltip shows. */
  private onHover(event: PointerEvent): void {
    const cell = (event.target as HTMLElement).closest<HTMLElement>('.grid-cell.time');
    const position = cell?.parentElement?.dataset.position;
    if (!cell || position === undefined) return;
    const column = this.columns[Array.prototype.indexOf.call(cell.parentElement?.children, cell)];
    const row = this.rows[this.shown[Number(position)]];
    const time = toNumber(row?.fields[column?.key ?? ''], Number.NaN);
    if (Number.isFinite(time)) cell.title = `${formatRelative(time, Date.now())} · ${formatTime(time, 'utc')} UTC`;
  }
}

function hasTextSelection(): boolean {
  const selection = window.getSelection();
  return selection !== null && !selection.isCollapsed;
}
