import type { ColumnDef } from '../../src/protocol/streamDefinition';
import type { SortIntent } from '../state';

export interface HeaderCallbacks {
  onSort(key: string): void;
  onResize(key: string, width: number, done: boolean): void;
  /** Fit the column to its values (double click on its resize handle, or Enter on it). */
  onFit(key: string): void;
}

const minWidth = 40;
const maxWidth = 2000;
const keyboardStep = 16;

/** Builds the sticky header row: sortable column headers with a resize handle each. */
export function buildHeader(
  columns: readonly ColumnDef[],
  widths: ReadonlyMap<string, number>,
  sort: SortIntent | undefined,
  callbacks: HeaderCallbacks,
): HTMLElement {
  const row = document.createElement('div');
  row.className = 'grid-row grid-header-row';
  row.setAttribute('role', 'row');
  row.setAttribute('aria-rowindex', '1');
  columns.forEach((column, index) => row.append(headerCell(column, index, widths, sort, callbacks)));
  return row;
}

function headerCell(
  column: ColumnDef,
  index: number,
  widths: ReadonlyMap<string, number>,
  sort: SortIntent | undefined,
  callbacks: HeaderCallbacks,
): HTMLElement {
  const cell = document.createElement('div');
  cell.className = 'grid-cell grid-header-cell';
  cell.setAttribute('role', 'columnheader');
  cell.setAttribute('aria-colindex', String(index + 1));
  const direction = sort?.key === column.key ? sort.direction : undefined;
  cell.setAttribute('aria-sort', direction === 'asc' ? 'ascending' : direction === 'desc' ? 'descending' : 'none');
  const label = document.createElement('button');
  label.className = 'sort-button';
  label.dataset.column = column.key;
  label.type = 'button';
  label.title = `Sort by ${column.title}`;
  label.textContent = column.title;
  const arrow = document.createElement('span');
  arrow.className = 'sort-arrow';
  arrow.setAttribute('aria-hidden', 'true');
  arrow.textContent = direction === 'asc' ? '▲' : direction === 'desc' ? '▼' : '';
  label.append(arrow);
  label.addEventListener('click', () => callbacks.onSort(column.key));
  cell.append(label, resizeHandle(column, widths, callbacks));
  return cell;
}

/**
 * A focusable splitter (role=separator) whose value is the column width in pixels; arrows change it. The value
 * attributes follow every change, so a screen reader announces the width while resizing.
 */
function resizeHandle(column: ColumnDef, widths: ReadonlyMap<string, number>, callbacks: HeaderCallbacks): HTMLElement {
  const handle = document.createElement('div');
  handle.className = 'resize-handle';
  handle.dataset.column = column.key;
  handle.setAttribute('role', 'separator');
  handle.setAttribute('aria-orientation', 'vertical');
  handle.setAttribute('aria-label', `Resize ${column.title}`);
  handle.title = 'Drag to resize · double-click or Enter to fit the values';
  handle.setAttribute('aria-valuemin', String(minWidth));
  handle.setAttribute('aria-valuemax', String(maxWidth));
  handle.tabIndex = 0;
  /** The rendered width until the user sets one: a time column may be wider than its definition says. */
  const width = () => widths.get(column.key) ?? Math.round(handle.parentElement?.getBoundingClientRect().width || (column.width ?? 120));
  const resize = (next: number, done: boolean) => {
    const clamped = Math.round(Math.min(maxWidth, Math.max(minWidth, next)));
    showValue(handle, clamped);
    callbacks.onResize(column.key, clamped, done);
  };
  showValue(handle, widths.get(column.key) ?? column.width ?? 120);
  handle.addEventListener('focus', () => showValue(handle, width()));
  handle.addEventListener('pointerdown', (down) => {
    down.preventDefault();
    handle.setPointerCapture(down.pointerId);
    const startX = down.clientX;
    const startWidth = width();
    const move = (event: PointerEvent) => resize(startWidth + event.clientX - startX, false);
    const up = (event: PointerEvent) => {
      handle.removeEventListener('pointermove', move);
      handle.removeEventListener('pointerup', up);
      // A click is no resize: it leaves a fitted width alone (and the header in place for a double click).
      if (event.clientX !== startX) resize(startWidth + event.clientX - startX, true);
    };
    handle.addEventListener('pointermove', move);
    handle.addEventListener('pointerup', up);
  });
  handle.addEventListener('dblclick', () => callbacks.onFit(column.key));
  handle.addEventListener('keydown', (event) => {
    if (event.key === 'Enter') {
      event.preventDefault();
      callbacks.onFit(column.key);
      return;
    }
    const step = event.key === 'ArrowRight' ? keyboardStep : event.key === 'ArrowLeft' ? -keyboardStep : 0;
    if (step === 0) return;
    event.preventDefault();
    event.stopPropagation();
    resize(width() + step, true);
  });
  return handle;
}

function showValue(handle: HTMLElement, width: number): void {
  handle.setAttribute('aria-valuenow', String(Math.round(width)));
  handle.setAttribute('aria-valuetext', `${Math.round(width)} pixels`);
}

/** Puts a new header into the grid, keeping keyboard focus on the same sort button or resize handle. */
export function replaceHeader(
  grid: HTMLElement,
  columns: readonly ColumnDef[],
  widths: ReadonlyMap<string, number>,
  sort: SortIntent | undefined,
  callbacks: HeaderCallbacks,
): void {
  const group = document.createElement('div');
  group.className = 'grid-header';
  group.setAttribute('role', 'rowgroup');
  group.append(buildHeader(columns, widths, sort, callbacks));
  const previous = grid.querySelector(':scope > .grid-header');
  const focused = previous?.contains(document.activeElement) ? headerControlSelector(document.activeElement) : undefined;
  if (previous) previous.replaceWith(group);
  else grid.prepend(group);
  if (focused) group.querySelector<HTMLElement>(focused)?.focus({ preventScroll: true });
}

/** Finds the same sort button or resize handle in a rebuilt header, so a keyboard user keeps their place. */
function headerControlSelector(element: Element | null): string | undefined {
  if (!(element instanceof HTMLElement) || element.dataset.column === undefined) return undefined;
  return `.${element.classList[0]}[data-column="${CSS.escape(element.dataset.column)}"]`;
}
