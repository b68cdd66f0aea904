import type { ColumnDef, LogRow } from '../../src/protocol/streamDefinition';
import { cellText } from '../format/cellText';

/** Rows read to size the columns: enough to see the usual lengths, few enough to cost well under a millisecond. */
const sampleSize = 400;
/** The share of sampled values a fitted column shows whole: one very long value does not widen it for all rows. */
const coverage = 0.95;
const minChars = 4;
/** Long texts (URLs, messages) stop here; the cell ends in an ellipsis and the detail pane shows the whole value. */
const maxChars = 60;
/** Room for the header's sort arrow next to its title. */
const arrowChars = 2;

/**
 * How many characters (of the grid's monospace font) each column needs to show its title and nearly all of its
 * values in `rows`, like a spreadsheet's auto-fit. A source column keeps the width its definition gives it (its
 * chip is not text).
 */
export function fitColumnChars(columns: readonly ColumnDef[], rows: readonly LogRow[]): Map<string, number> {
  const fitted = new Map<string, number>();
  if (rows.length === 0) return fitted;
  const step = Math.max(1, rows.length / sampleSize);
  for (const column of columns) {
    if (column.type === 'source') continue;
    const lengths: number[] = [];
    for (let at = 0; at < rows.length; at += step) lengths.push(cellText(rows[Math.floor(at)], column, 'utc').length);
    lengths.sort((a, b) => a - b);
    const usual = lengths[Math.min(lengths.length - 1, Math.floor(lengths.length * coverage))];
    fitted.set(column.key, Math.min(maxChars, Math.max(minChars, usual, column.title.length + arrowChars)));
  }
  return fitted;
}
