import type { Highlighter } from '../../src/protocol/query/highlight';
import type { TimeZoneMode } from '../../src/protocol/logTable';
import type { ColumnDef, LogRow } from '../../src/protocol/streamDefinition';
import { button } from '../controls/toolkit';
import { cellText, toneOf } from '../format/cellText';
import { formatRelative, formatTime } from '../format/formatTime';
import { toNumber } from '../model/sortKeys';
import { setMarkedText } from '../query/marks';
import { gapText, type GapSlot } from './gapSlots';

/** Times align by tabular digits; amounts and durations are right-aligned so their digits line up. */
const cellTypeClass: Partial<Record<ColumnDef['type'], string>> = {
  time: ' time',
  number: ' numeric',
  money: ' numeric',
  duration: ' numeric',
};

export const rowHeight = 22;

export function isGap(item: LogRow | GapSlot): item is GapSlot {
  return 'gap' in item;
}

/** What a row element shows; painting the same again is skipped. */
interface Painted {
  readonly item: LogRow | GapSlot;
  readonly position: number;
  readonly selected: boolean;
  readonly generation: number;
}

/**
 * Fills the grid's pooled row elements for the columns in use: cells as text (query matches marked), tones, ARIA
 * positions and the row's VS Code context. Writes only; it never reads layout. An element already showing the
 * same row at the same position with the same settings is left alone.
 */
export class GridRowPainter {
  private settings: { columns: readonly ColumnDef[]; timeZone: TimeZoneMode; highlight: Highlighter | undefined; rowContextSection: string } = {
    columns: [],
    timeZone: 'local',
    highlight: undefined,
    rowContextSection: 'logRow',
  };
  /** Goes up whenever a setting changes, so every element is painted again. */
  private generation = 0;
  private readonly painted = new WeakMap<HTMLElement, Painted>();

  constructor(private readonly loadGap: (gapId: string) => void) {}

  get columns(): readonly ColumnDef[] {
    return this.settings.columns;
  }

  set columns(columns: readonly ColumnDef[]) {
    this.change({ columns });
  }

  set timeZone(timeZone: TimeZoneMode) {
    this.change({ timeZone });
  }

  /** Marks the parts of cells the query matched. */
  set highlight(highlight: Highlighter | undefined) {
    this.change({ highlight });
  }

  /** The `webviewSection` VS Code's row context menu (`webview/context` in package.json) is offered for. */
  set rowContextSection(rowContextSection: string) {
    this.change({ rowContextSection });
  }

  private change(patch: Partial<GridRowPainter['settings']>): void {
    const changed = (Object.keys(patch) as (keyof GridRowPainter['settings'])[]).some((key) => this.settings[key] !== patch[key]);
    if (!changed) return;
    this.settings = { ...this.settings, ...patch };
    this.generation++;
  }

  /** A new row element with one cell per column. */
  createRow(): HTMLElement {
    const row = document.createElement('div');
    row.setAttribute('role', 'row');
    for (let c = 0; c < this.columns.length; c++) {
      const cell = document.createElement('div');
      cell.setAttribute('role', 'gridcell');
      cell.setAttribute('aria-colindex', String(c + 1));
      row.append(cell);
    }
    return row;
  }

  /** An element out of use: hidden, and neither selected nor the active row (ids stay unique). */
  release(element: HTMLElement): void {
    element.hidden = true;
    if (!this.painted.delete(element)) return;
    element.id = '';
    element.classList.remove('selected');
    element.setAttribute('aria-selected', 'false');
  }

  paint(element: HTMLElement, position: number, item: LogRow | GapSlot, selected: boolean): void {
    element.hidden = false;
    const last = this.painted.get(element);
    if (last && last.item === item && last.position === position && last.selected === selected && last.generation === this.generation) return;
    this.painted.set(element, { item, position, selected, generation: this.generation });
    element.className = `grid-row${position % 2 ? ' odd' : ''}${selected ? ' selected' : ''}${isGap(item) ? ' gap-row' : ''}`;
    element.id = selected ? 'grid-active-row' : '';
    element.dataset.position = String(position);
    element.setAttribute('aria-rowindex', String(position + 2));
    element.setAttribute('aria-selected', String(selected));
    element.style.transform = `translateY(${position * rowHeight}px)`;
    if (isGap(item)) this.paintGap(element, item);
    else this.paintCells(element, item);
  }

  /** One full-width cell: how many rows are missing, and the button that loads them (Enter/Space on the row too). */
  private paintGap(element: HTMLElement, slot: GapSlot): void {
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
    first.replaceChildren(text, button('Load gap', 'secondary', () => this.loadGap(slot.gap.id)));
  }

  private paintCells(element: HTMLElement, row: LogRow): void {
    delete element.dataset.gap;
    const { columns, timeZone, highlight, rowContextSection } = this.settings;
    element.dataset.vscodeContext = JSON.stringify({ webviewSection: rowContextSection, rowId: row.id, preventDefaultContextMenuItems: true });
    const cells = element.children;
    for (let c = 0; c < columns.length; c++) {
      const column = columns[c];
      const cell = cells[c] as HTMLElement;
      cell.hidden = false;
      cell.removeAttribute('aria-colspan');
      const text = cellText(row, column, timeZone);
      const ranges = highlight?.(text, column.key) ?? [];
      if (ranges.length > 0) setMarkedText(cell, text, ranges);
      else if (cell.childElementCount > 0 || cell.textContent !== text) cell.textContent = text;
      const tone = toneOf(row, column);
      cell.className = `grid-cell${tone ? ` ${tone}` : ''}${cellTypeClass[column.type] ?? ''}`;
    }
  }
}

/** On hover over a time cell: its relative time as the tooltip, computed then so it is current when shown. */
export function showRelativeTime(event: PointerEvent, columns: readonly ColumnDef[], rowAt: (position: number) => LogRow | undefined): void {
  const cell = (event.target as HTMLElement).closest<HTMLElement>('.grid-cell.time');
  const position = cell?.parentElement?.dataset.position;
  if (!cell || position === undefined) return;
  const column = columns[Array.prototype.indexOf.call(cell.parentElement?.children, cell)];
  const time = toNumber(rowAt(Number(position))?.fields[column?.key ?? ''], Number.NaN);
  if (Number.isFinite(time)) cell.title = `${formatRelative(time, Date.now())} · ${formatTime(time, 'utc')} UTC`;
}
