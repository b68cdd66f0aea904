import type { Highlighter } from '../../src/protocol/query/highlight';
import type { TimeZoneMode } from '../../src/protocol/logTable';
import type { ColumnDef, LogRow } from '../../src/protocol/streamDefinition';
import { button } from '../controls/toolkit';
import { cellText, toneOf } from '../format/cellText';
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

/**
 * Fills the grid's pooled row elements for the columns in use: cells as text (query matches marked), tones, ARIA
 * positions and the row's VS Code context. Writes only; it never reads layout.
 */
export class GridRowPainter {
  columns: readonly ColumnDef[] = [];
  timeZone: TimeZoneMode = 'local';
  highlight: Highlighter | undefined;
  rowContextSection = 'logRow';

  constructor(private readonly loadGap: (gapId: string) => void) {}

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

  paint(element: HTMLElement, position: number, item: LogRow | GapSlot, selected: boolean): void {
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
}
