import type { ColumnDef } from '../../src/protocol/streamDefinition';

const defaultWidth = 120;
/** A cell's horizontal padding plus its share of the resize handle, next to its text. */
const cellPadding = 14;

/**
 * The CSS grid template for the columns. A width the user dragged is used as it is; else the characters the
 * column was fitted to (`fitColumnChars`) in the grid's font, whatever that font's size; else the definition's
 * width, where a time column is at least as wide as "2026-11-23 11:47:35.955".
 */
export function columnTracks(columns: readonly ColumnDef[], userWidths: ReadonlyMap<string, number>, fittedChars: ReadonlyMap<string, number> = new Map()): string {
  return columns
    .map((column) => {
      const userWidth = userWidths.get(column.key);
      if (userWidth !== undefined) return `${userWidth}px`;
      const chars = fittedChars.get(column.key);
      if (chars !== undefined) return `calc(${chars}ch + ${cellPadding}px)`;
      const width = `${column.width ?? defaultWidth}px`;
      return column.type === 'time' ? `max(${width}, calc(23ch + ${cellPadding}px))` : width;
    })
    .join(' ');
}
