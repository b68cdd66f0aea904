import type { ColumnDef, LogRow } from '../../src/protocol/streamDefinition';
import { openContextMenu, type MenuItem } from '../panel/popupMenu';
import type { Actions } from '../actions';
import { filterText } from './valueCounts';

type AddTerm = (field: string, value: string, negate: boolean) => void;

/** The field and value a cell filters by (a level column filters by the row's severity). */
function cellTerm(row: LogRow, column: ColumnDef): { field: string; value: string } | undefined {
  if (column.type === 'level') return { field: 'level', value: row.severity };
  const value = filterText(row.fields[column.key]);
  return value === undefined ? undefined : { field: column.key, value };
}

/**
 * A cell's context menu: filter to or exclude its value. From the keyboard (no cell), the same two items for
 * each visible column of the selected row.
 */
export function cellMenuItems(row: LogRow, column: ColumnDef | undefined, visible: readonly ColumnDef[], addTerm: AddTerm): MenuItem[] {
  const columns = column ? [column] : visible;
  const items: MenuItem[] = [];
  for (const each of columns) {
    const term = cellTerm(row, each);
    if (!term) continue;
    const suffix = column ? '' : ` (${each.title}: ${term.value.length > 40 ? `${term.value.slice(0, 40)}…` : term.value})`;
    items.push(
      { label: `Filter to this value${suffix}`, run: () => addTerm(term.field, term.value, false) },
      { label: `Exclude this value${suffix}`, run: () => addTerm(term.field, term.value, true) },
    );
  }
  return items;
}

/** What the row's own commands need: the host actions, whether the row is an HTTP request, the applied query. */
interface RowActions {
  readonly actions: Pick<Actions, 'findCallSites' | 'rowCommand'>;
  readonly http: boolean;
  /** Sent with the command: the host hears of a new query only once typing pauses. */
  readonly query: () => string;
}

/**
 * Opens the menu of a cell (or of the selected row from the keyboard). The page's own menu replaces VS Code's row
 * menu, so it offers that menu's commands too: Show Around This Time, Find Related, and Find Call Sites for HTTP rows.
 */
export function openCellMenu(
  target: { readonly row: LogRow; readonly column: ColumnDef | undefined; readonly at: { readonly x: number; readonly y: number } },
  visible: readonly ColumnDef[],
  menu: { readonly addTerm: AddTerm; readonly row: RowActions },
  owner: HTMLElement,
): void {
  const { actions, http, query } = menu.row;
  const rowId = target.row.id;
  const items = cellMenuItems(target.row, target.column, visible, menu.addTerm);
  items.push(
    { label: 'Show Around This Time…', run: () => actions.rowCommand('showAroundTime', rowId, query()) },
    { label: 'Find Related…', run: () => actions.rowCommand('findRelated', rowId, query()) },
  );
  if (http) items.push({ label: 'Find Call Sites', run: () => actions.findCallSites(rowId) });
  if (items.length > 0) openContextMenu(target.column ? `${target.column.title} value` : 'Row values', items, target.at, owner);
}
