import type { ColumnDef, ColumnType, JsonValue, LogRow } from '../../src/protocol/streamDefinition';

const numericTypes: ReadonlySet<ColumnType> = new Set(['time', 'number', 'httpStatus', 'money', 'duration']);

/** One number per row that orders the column: the value itself, or for text the rank of its value. */
export function sortKeys(rows: readonly LogRow[], column: ColumnDef): Float64Array {
  return numericTypes.has(column.type) ? numericKeys(rows, column) : textRanks(rows, column);
}

/** Numbers, numeric strings and (for time columns) ISO strings become numbers; missing values sort last. */
export function numericKeys(rows: readonly LogRow[], column: ColumnDef): Float64Array {
  const keys = new Float64Array(rows.length);
  const useRowTime = column.type === 'time';
  for (let i = 0; i < rows.length; i++) {
    const key = toNumber(rows[i].fields[column.key], useRowTime ? rows[i].time : Number.NaN);
    keys[i] = Number.isNaN(key) ? Number.MAX_VALUE : key;
  }
  return keys;
}

/** Sorts the distinct values once (few for method, level, type) and keys each row by its value's rank. */
function textRanks(rows: readonly LogRow[], column: ColumnDef): Float64Array {
  const texts = rows.map((row) => textKey(row.fields[column.key]));
  const distinct = [...new Set(texts)].sort();
  const rank = new Map(distinct.map((text, index) => [text, index]));
  const keys = new Float64Array(rows.length);
  for (let i = 0; i < rows.length; i++) keys[i] = rank.get(texts[i]) ?? 0;
  return keys;
}

export function toNumber(value: JsonValue | undefined, fallback: number): number {
  if (typeof value === 'number') return value;
  if (typeof value === 'string' && value.trim() !== '') {
    const number = Number(value);
    if (!Number.isNaN(number)) return number;
    const time = Date.parse(value);
    if (!Number.isNaN(time)) return time;
  }
  return fallback;
}

function textKey(value: JsonValue | undefined): string {
  if (value === undefined || value === null) return '\uffff';
  return (typeof value === 'object' ? JSON.stringify(value) : String(value)).toLowerCase();
}
