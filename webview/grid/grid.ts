import type { Highlighter } from '../../src/protocol/query/highlight';
import type { TimeZoneMode } from '../../src/protocol/logTable';
import type { ColumnDef, LogRow } from '../../src/protocol/streamDefinition';
import { cellText, toneOf } from '../format/cellText';
import { formatRelative, formatTime } from '../format/formatTime';
import { toNumber } from '../model/sortKeys';
import { setMarkedText } from '../query/marks';
import type { SortIntent } from '../state';
import { columnTracks } from './columnTracks';
import { buildHeader, type HeaderCallbacks } from './gridHeader';
import { keyTarget } from './gridKeys';
import { gapText, type GapSlot } from './gapSlots';
import { button } from '../controls/toolkit';

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
  onLoadGap(gapId: string): void;
  /** Right-click on a cell (`column` set) or the context-menu key on the selected row. */
  onContextMenu(row: LogRow, column: ColumnDef | undefined, at: { readonly x: number; readonly y: number }): void;
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
  /** Live-tail gap rows among the shown rows, by ascending display position. */
  private gaps: readonly GapSlot[] = [];
  private pool: HTMLElement[] = [];
  private selected = -1;
  /** The visible column keys the row pool was built for. */
  private shape = '';
  private frame = 0;
  timeZone: TimeZoneMode = 'local';
  /** Marks the parts of cells the query matched. */
  highlight: Highlighter | undefined;
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
    // A double click opens the row; without this it would also select the word under the pointer.
    this.body.addEventListener('mousedown', (event) => event.detail > 1 && event.preventDefault());
    this.body.addEventListener('pointerover', (event) => this.onHover(event));
    this.body.addEventListener('contextmenu', (event) => this.onContextMenu(event));
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
    const focused = previous?.contains(document.activeElement) ? headerControlSelector(document.activeElement) : undefined;
    if (previous) previous.replaceWith(group);
    else this.element.prepend(group);
    if (focused) group.querySelector<HTMLElement>(focused)?.focus({ preventScroll: true });
    const shape = columns.map((c) => c.key).join('\n');
    if (shape !== this.shape) {
      for (const row of this.pool) row.remove();
      this.pool = [];
      this.shape = shape;
    }
  }

  /** Shows `shown` (indices into `rows`) and the gap rows; keeps the selected row selected when it is still shown. */
  setRows(rows: readonly LogRow[], shown: Uint32Array, keepRowId?: string, gaps: readonly GapSlot[] = []): void {
    this.rows = rows;
    this.shown = shown;
    this.gaps = gaps;
    this.selected = keepRowId === undefined ? Math.min(this.selected, this.count - 1) : this.positionOf(keepRowId);
    this.element.setAttribute('aria-rowcount', String(this.count + 1));
    this.body.style.height = `${this.count * rowHeight}px`;
    this.render();
  }

  get selectedRow(): LogRow | undefined {
    const item = this.itemAt(this.selected);
    return item && !isGap(item) ? item : undefined;
  }

  /** Display positions: shown rows and gap rows. */
  get count(): number {
    return this.shown.length + this.gaps.length;
  }

  /** The row at a display position (undefined for a gap row or past the end). */
  rowAt(position: number): LogRow | undefined {
    const item = this.itemAt(position);
    return item && !isGap(item) ? item : undefined;
  }

  /** Display position of the first row in view (for the scroll anchor). */
  firstVisible(): number {
    return Math.floor(this.element.scrollTop / rowHeight);
  }

  positionOf(rowId: string): number {
    for (let i = 0; i < this.shown.length; i++) if (this.rows[this.shown[i]].id === rowId) return this.displayPosition(i);
    return -1;
  }

  scrollToPosition(position: number): void {
    this.element.scrollTop = position * rowHeight;
    this.render();
  }

  select(position: number): void {
    if (this.count === 0) return;
    this.selected = Math.max(0, Math.min(this.count - 1, position));
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
    const last = Math.min(this.count, Math.ceil((scrollTop + viewport) / rowHeight) + overscan);
    this.ensurePool(last - first);
    this.pool.forEach((element, slot) => this.fill(element, first + slot, first + slot < last));
    this.element.removeAttribute('aria-activedescendant');
    if (this.selected >= first && this.selected < last) this.element.setAttribute('aria-activedescendant', 'grid-active-row');
    this.callbacks.onScroll(scrollTop, scrollTop + viewport >= this.count * rowHeight - rowHeight);
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
    const item = this.itemAt(position);
    if (!item) return;
    const selected = position === this.selected;
    element.className = `grid-row${position % 2 ? ' odd' : ''}${selected ? ' selected' : ''}${isGap(item) ? ' gap-row' : ''}`;
    element.id = selected ? 'grid-active-row' : '';
    element.dataset.position = String(position);
    element.setAttribute('aria-rowindex', String(position + 2));
    element.setAttribute('aria-selected', String(selected));
    element.style.transform = `translateY(${position * rowHeight}px)`;
    if (isGap(item)) this.fillGap(element, item);
    else this.fillCells(element, item);
  }

  /** One full-width cell: how many rows are missing, and the button that loads them (Enter/Space on the row too). */
  private fillGap(element: HTMLElement, slot: GapSlot): void {
    const cells = Array.from(element.children) as HTMLElement[];
    for (const cell of cells.slice(1)) {
      cell.hidden = true;
      cell.textContent = '';
    }
    const first = cells[0];
    first.className = 'grid-cell gap-cell';
    first.setAttribute('aria-colspan', String(this.columns.length));
    if (element.dataset.gap === `${slot.gap.id}:${slot.gap.missing}`) return;
    element.dataset.gap = `${slot.gap.id}:${slot.gap.missing}`;
    const text = document.createElement('span');
    text.textContent = `${gapText(slot.gap)} — `;
    first.replaceChildren(text, button('Load gap', 'secondary', () => this.callbacks.onLoadGap(slot.gap.id)));
  }

  private fillCells(element: HTMLElement, row: LogRow): void {
    delete element.dataset.gap;
    element.dataset.vscodeContext = JSON.stringify({ webviewSection: this.rowContextSection, rowId: row.id, preventDefaultContextMenuItems: true });
    const cells = element.children;
    for (let c = 0; c < this.columns.length; c++) {
      const column = this.columns[c];
      const cell = cells[c] as HTMLElement;
      cell.hidden = false;
      cell.removeAttribute('aria-colspan');
      const text = cellText(row, column, this.timeZone);
      const ranges = this.highlight?.(text, column.key) ?? [];
      if (ranges.length > 0) setMarkedText(cell, text, ranges);
      else if (cell.childElementCount > 0 || cell.textContent !== text) cell.textContent = text;
      const tone = toneOf(row, column);
      cell.className = `grid-cell${tone ? ` ${tone}` : ''}${cellTypeClass[column.type] ?? ''}`;
    }
  }

  /** A display position's row or gap row. */
  private itemAt(position: number): LogRow | GapSlot | undefined {
    if (position < 0) return undefined;
    let gapsAbove = 0;
    for (const slot of this.gaps) {
      if (slot.position === position) return slot;
      if (slot.position > position) break;
      gapsAbove++;
    }
    const index = this.shown[position - gapsAbove];
    return index === undefined ? undefined : this.rows[index];
  }

  /** The display position of shown row `shownIndex`, counting the gap rows above it. */
  private displayPosition(shownIndex: number): number {
    let position = shownIndex;
    for (const slot of this.gaps) if (slot.position <= position) position++;
    return position;
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
    if (!row) return;
    if (event.key === 'ContextMenu' || (event.shiftKey && event.key === 'F10')) {
      event.preventDefault();
      const box = this.element.querySelector('#grid-active-row')?.getBoundingClientRect();
      this.callbacks.onContextMenu(row, undefined, { x: box?.left ?? 0, y: box?.bottom ?? 0 });
    } else if (event.key === 'Enter') {
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

  /** The relative time is computed on hover so it is current when the tooltip shows. */
  private onHover(event: PointerEvent): void {
    const cell = (event.target as HTMLElement).closest<HTMLElement>('.grid-cell.time');
    const position = cell?.parentElement?.dataset.position;
    if (!cell || position === undefined) return;
    const column = this.columns[Array.prototype.indexOf.call(cell.parentElement?.children, cell)];
    const row = this.rowAt(Number(position));
    const time = toNumber(row?.fields[column?.key ?? ''], Number.NaN);
    if (Number.isFinite(time)) cell.title = `${formatRelative(time, Date.now())} · ${formatTime(time, 'utc')} UTC`;
  }
}

function isGap(item: LogRow | GapSlot): item is GapSlot {
  return 'gap' in item;
}

function hasTextSelection(): boolean {
  const selection = window.getSelection();
  return selection !== null && !selection.isCollapsed;
}

/** Finds the same sort button or resize handle in a rebuilt header, so a keyboard user keeps their place. */
function headerControlSelector(element: Element | null): string | undefined {
  if (!(element instanceof HTMLElement) || element.dataset.column === undefined) return undefined;
  return `.${element.classList[0]}[data-column="${CSS.escape(element.dataset.column)}"]`;
}
