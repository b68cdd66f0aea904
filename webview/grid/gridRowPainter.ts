import type { Highlighter } from '../../src/protocol/query/highlight';
import type { TimeZoneMode } from '../../src/protocol/logTable';
import type { ColumnDef, LogRow } from '../../src/protocol/streamDefinition';
import { button } from '../controls/toolkit';
import { cellText, toneOf } from '../format/cellText';
import { formatRelative, formatTime } from '../format/formatTime';
import { toNumber } from '../model/sortKeys';
import { CellMarks } from './cellMarks';
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

/**
 * What a row element was last written with, so painting writes only what differs: a keystroke that keeps a row
 * in place touches none of its attributes, and a cell whose text and marks stay the same is not touched at all.
 */
interface Painted {
  /** Undefined while the element is out of use. */
  item: LogRow | GapSlot | undefined;
  /** Whether the cells are laid out as a gap row (kept while out of use). */
  gap: boolean;
  position: number;
  selected: boolean;
  generation: number;
  /** The row's context-menu data (rows) or gap key (gap rows). */
  data: string;
  /** Per cell: the text it shows, its marks ('' for none) and its class; undefined forces a write. */
  readonly texts: (string | undefined)[];
  readonly marks: (string | undefined)[];
  readonly classes: (string | undefined)[];
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
  private readonly cellMarks = new CellMarks();

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
    if (!element.hidden) element.hidden = true;
    const last = this.painted.get(element);
    if (!last?.item) return;
    last.item = undefined;
    if (!last.selected) return;
    last.selected = false;
    element.id = '';
    element.classList.remove('selected');
    element.setAttribute('aria-selected', 'false');
  }

  /** Whether `element` shows `item` at `position` as it is to be drawn now. */
  shows(element: HTMLElement, position: number, item: LogRow | GapSlot, selected: boolean): boolean {
    const last = this.painted.get(element);
    return last !== undefined && last.item === item && last.position === position && last.selected === selected && last.generation === this.generation;
  }

  paint(element: HTMLElement, position: number, item: LogRow | GapSlot, selected: boolean): void {
    if (element.hidden) element.hidden = false;
    if (this.shows(element, position, item, selected)) return;
    let last = this.painted.get(element);
    const gap = isGap(item);
    // A gap row's cells are laid out differently: every cell is written again when an element changes kind.
    if (!last || last.gap !== gap) {
      last = { item: undefined, gap, position: -1, selected: false, generation: -1, data: '', texts: [], marks: [], classes: [] };
      this.painted.set(element, last);
    }
    if (last.position !== position || last.selected !== selected) {
      element.className = `grid-row${position % 2 ? ' odd' : ''}${selected ? ' selected' : ''}${gap ? ' gap-row' : ''}`;
      element.id = selected ? 'grid-active-row' : '';
      element.setAttribute('aria-selected', String(selected));
    }
    if (last.position !== position) {
      element.dataset.position = String(position);
      element.setAttribute('aria-rowindex', String(position + 2));
      element.style.transform = `translateY(${position * rowHeight}px)`;
    }
    last.item = item;
    last.position = position;
    last.selected = selected;
    last.generation = this.generation;
    if (gap) this.paintGap(element, item, last);
    else this.paintCells(element, item, last);
  }

  /** One full-width cell: how many rows are missing, and the button that loads them (Enter/Space on the row too). */
  private paintGap(element: HTMLElement, slot: GapSlot, last: Painted): void {
    const cells = Array.from(element.children) as HTMLElement[];
    for (const cell of cells.slice(1)) {
      cell.hidden = true;
      cell.textContent = '';
    }
    const first = cells[0];
    first.className = 'grid-cell gap-cell';
    first.setAttribute('aria-colspan', String(this.columns.length));
    delete element.dataset.vscodeContext;
    const key = `${slot.gap.id}:${slot.gap.missing}`;
    if (last.data === key) return;
    last.data = key;
    const text = document.createElement('span');
    text.textContent = `${gapText(slot.gap)} — `;
    first.replaceChildren(text, button('Load gap', 'secondary', () => this.loadGap(slot.gap.id)));
  }

  private paintCells(element: HTMLElement, row: LogRow, last: Painted): void {
    const { columns, timeZone, highlight, rowContextSection } = this.settings;
    const data = JSON.stringify({ webviewSection: rowContextSection, rowId: row.id, preventDefaultContextMenuItems: true });
    if (last.data !== data) {
      last.data = data;
      element.dataset.vscodeContext = data;
    }
    const cells = element.children;
    for (let c = 0; c < columns.length; c++) {
      const column = columns[c];
      const cell = cells[c] as HTMLElement;
      if (last.texts[c] === undefined) {
        cell.hidden = false;
        cell.removeAttribute('aria-colspan');
      }
      const text = cellText(row, column, timeZone);
      const ranges = highlight?.(text, column.key) ?? [];
      const marks = ranges.length > 0 ? ranges.join(';') : '';
      if (last.texts[c] !== text || last.marks[c] !== marks) {
        this.cellMarks.write(cell, text, ranges, last.texts[c] !== text);
        last.texts[c] = text;
        last.marks[c] = marks;
      }
      const tone = toneOf(row, column);
      const className = `grid-cell${tone ? ` ${tone}` : ''}${cellTypeClass[column.type] ?? ''}`;
      if (last.classes[c] !== className) {
        cell.className = className;
        last.classes[c] = className;
      }
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
