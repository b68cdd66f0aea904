import type { TimeZoneMode } from '../../src/protocol/logTable';
import { sourceColourField, type ColumnDef, type JsonValue, type LogRow } from '../../src/protocol/streamDefinition';
import { formatTime } from './formatTime';
import { toNumber } from '../model/sortKeys';

/** Cells show at most this many characters; the detail pane shows the whole value. */
const maxCellChars = 300;
const numberFormat = new Intl.NumberFormat(undefined, { maximumFractionDigits: 6 });
/** Charges are in the provider's currency unit with sub-cent precision (SignalWire bills to 1/10,000). */
const moneyFormat = new Intl.NumberFormat(undefined, { minimumFractionDigits: 2, maximumFractionDigits: 4 });

/** Chip colours in the stylesheet (`.source-0` … `.source-7`); more sources reuse them. */
const sourceColours = 8;

/** The text a cell shows for a column. */
export function cellText(row: LogRow, column: ColumnDef, zone: TimeZoneMode): string {
  const value = row.fields[column.key];
  switch (column.type) {
    case 'time':
      return value === undefined || value === null ? '' : formatTime(toNumber(value, Number.NaN), zone);
    case 'number':
      return typeof value === 'number' ? numberFormat.format(value) : plain(value);
    case 'money':
      return typeof value === 'number' ? moneyFormat.format(value) : plain(value);
    case 'duration':
      return typeof value === 'number' ? formatDuration(value) : plain(value);
    case 'flag':
      return value === true ? `⊘ ${column.title.toLowerCase()}` : '';
    default:
      return plain(value);
  }
}

/**
 * A CSS class naming the colour class of a status or level value (or a timeline source's chip), or '' when it has none. A level cell is coloured
 * only when it shows the severity itself: a raw level the API has not named yet ("level 2") stays neutral.
 */
export function toneOf(row: LogRow, column: ColumnDef): string {
  if (column.type === 'level') return row.fields[column.key] === row.severity ? `tone-${row.severity}` : '';
  if (column.type === 'flag') return row.fields[column.key] === true ? 'flag-on' : '';
  if (column.type === 'source') return `source-chip source-${Number(row.fields[sourceColourField]) % sourceColours}`;
  if (column.type !== 'httpStatus') return '';
  const status = toNumber(row.fields[column.key], Number.NaN);
  if (status >= 500) return 'tone-error';
  if (status >= 400) return 'tone-warning';
  if (status >= 200 && status < 300) return 'tone-ok';
  return '';
}

export function plain(value: JsonValue | undefined): string {
  if (value === undefined || value === null) return '';
  const text = typeof value === 'object' ? jsonPrefix(value, maxCellChars + 1) : String(value);
  return text.length > maxCellChars ? `${text.slice(0, maxCellChars)}…` : text;
}

/**
 * The first `limit` characters of `JSON.stringify(value)`, without serialising the rest: a cell is drawn on every
 * scroll frame and status update, so a 1 MB body must cost what its visible part costs, not a megabyte each time.
 */
export function jsonPrefix(value: JsonValue, limit: number): string {
  const parts: string[] = [];
  let length = 0;
  const push = (text: string): boolean => {
    parts.push(text);
    length += text.length;
    return length < limit;
  };
  const walk = (item: JsonValue): boolean => {
    if (typeof item === 'string') return push(JSON.stringify(item.length > limit ? item.slice(0, limit) : item));
    if (item === null || typeof item !== 'object') return push(JSON.stringify(item));
    if (Array.isArray(item)) return push('[') && item.every((entry, index) => (index === 0 || push(',')) && walk(entry)) && push(']');
    let first = true;
    if (!push('{')) return false;
    for (const key in item) {
      if (!(first || push(',')) || !push(`${JSON.stringify(key)}:`) || !walk(item[key])) return false;
      first = false;
    }
    return push('}');
  };
  walk(value);
  const text = parts.join('');
  return text.length > limit ? text.slice(0, limit) : text;
}

function formatDuration(seconds: number): string {
  if (seconds < 60) return `${numberFormat.format(seconds)} s`;
  const m = Math.floor(seconds / 60);
  const s = Math.round(seconds % 60);
  return m < 60 ? `${m} m ${s} s` : `${Math.floor(m / 60)} h ${m % 60} m`;
}
