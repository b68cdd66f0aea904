import type { ColumnDef } from '../../src/protocol/streamDefinition';

const defaultWidth = 120;

/**
 * The CSS grid template for the columns. A width the user dragged is used as it is; otherwise a time column is at
 * least as wide as "2026-11-23 11:47:35.955" in the grid's (editor) font, whatever that font's size.
 */
export function columnTracks(columns: readonly ColumnDef[], userWidths: ReadonlyMap<string, number>): string {
  return columns
    .map((column) => {
      const userWidth = userWidths.get(column.key);
      if (userWidth !== undefined) return `${userWidth}px`;
      const width = `${column.width ?? defaultWidth}px`;
      return column.type === 'time' ? `max(${width}, calc(23ch + 14px))` : width;
    })
    .join(' ');
}
