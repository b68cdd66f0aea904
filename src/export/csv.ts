import type { JsonValue } from '../protocol/streamDefinition';

const needsQuoting = /[",\r\n]/;
/** Spreadsheet apps run a cell starting with one of these as a formula (CSV / formula injection). */
const formulaStart = /^[=+\-@\t\r]/;

/**
 * One CSV field per RFC 4180: quoted when it holds a comma, quote or line break, inner quotes doubled. Text that a
 * spreadsheet would read as a formula gets a leading apostrophe; JSON numbers are left alone (-5 is a number, not
 * a formula), objects and arrays become their JSON text.
 */
export function csvCell(value: JsonValue | undefined): string {
  if (value === undefined || value === null) {
    return '';
  }
  if (typeof value === 'number' || typeof value === 'boolean') {
    return String(value);
  }
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  const guarded = formulaStart.test(text) ? `'${text}` : text;
  return needsQuoting.test(guarded) ? `"${guarded.replace(/"/g, '""')}"` : guarded;
}

/** One CSV record, CRLF-terminated as RFC 4180 asks. */
export function csvRecord(cells: readonly string[]): string {
  return `${cells.join(',')}\r\n`;
}
