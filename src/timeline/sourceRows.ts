import { sourceColourField, type JsonValue, type LogRow, type ProviderKind, type StreamDefinition } from '../protocol/streamDefinition';
import { resolveField } from '../protocol/query/fields';
import { fieldValue } from '../protocol/query/fieldValue';

/** One stream of a timeline as it is shown: who it is and its colour chip. */
export interface SourceInfo {
  /** Position in the timeline; prefixes merged row ids and picks the colour. */
  readonly index: number;
  readonly provider: ProviderKind;
  /** "Acme production · Lago · API logs". */
  readonly label: string;
  readonly definition: StreamDefinition;
}

/** Chip colours the webview has (`source-0` … `source-7`); more sources reuse them. */
export const sourceColourCount = 8;

/** The fields every merged row has, whatever its stream; the timeline's columns and the query's common fields. */
export const commonFields = ['status', 'method', 'path', 'ip'] as const;

const separator = '~';

/** A merged row's id: the source index and the stream's own id, so two streams' ids never collide. */
export function mergedRowId(source: number, rowId: string): string {
  return `${source}${separator}${rowId}`;
}

/** The source index and stream row id of a merged row id, or undefined for an id that is not one. */
export function splitMergedRowId(id: string): { readonly source: number; readonly rowId: string } | undefined {
  const at = id.indexOf(separator);
  const source = Number(id.slice(0, at));
  return at > 0 && Number.isInteger(source) ? { source, rowId: id.slice(at + 1) } : undefined;
}

/**
 * A stream row as a timeline row: the common fields resolved through the stream's own aliases (Daily `url` and
 * Lago `request_path` are both `path`), a readable message, and every original field under the provider's name,
 * so `lago.external_customer_id:acme` reads into it.
 */
export function toTimelineRow(source: SourceInfo, row: LogRow): LogRow {
  const fields: Record<string, JsonValue> = {
    time: row.time,
    source: source.label,
    [sourceColourField]: source.index % sourceColourCount,
    level: row.severity,
    message: messageOf(source.definition, row),
    [source.provider]: row.fields as JsonValue,
  };
  for (const name of commonFields) {
    const value = commonValue(source.definition, row, name);
    if (value !== undefined) fields[name] = value;
  }
  return { id: mergedRowId(source.index, row.id), time: row.time, severity: row.severity, fields };
}

function commonValue(definition: StreamDefinition, row: LogRow, name: string): JsonValue | undefined {
  const ref = resolveField(name, definition);
  return definition.columns.some((column) => column.key === ref.key) ? fieldValue(row, ref) : undefined;
}

const mappedKeys = (definition: StreamDefinition): Set<string> =>
  new Set(commonFields.map((name) => resolveField(name, definition).key));

/** The stream's own message, else its shown text columns that are not common fields ("room.started daily-standup"). */
function messageOf(definition: StreamDefinition, row: LogRow): string {
  const own = row.fields.message;
  if (typeof own === 'string') return own;
  const mapped = mappedKeys(definition);
  return definition.columns
    .filter((column) => column.type === 'text' && !column.hidden && !mapped.has(column.key))
    .map((column) => row.fields[column.key])
    .filter((value): value is string | number => (typeof value === 'string' && value !== '') || typeof value === 'number')
    .join(' ');
}
