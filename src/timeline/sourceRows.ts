import { sourceColourField, type JsonValue, type LogRow, type ProviderKind, type StreamDefinition } from '../protocol/streamDefinition';
import { resolveField, type FieldRef } from '../protocol/query/fields';
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

/** Where a stream keeps the common fields and its message text, worked out once per stream definition. */
interface FieldPlan {
  readonly common: readonly (readonly [name: string, ref: FieldRef])[];
  readonly messageKeys: readonly string[];
}

const plans = new WeakMap<StreamDefinition, FieldPlan>();

function planOf(definition: StreamDefinition): FieldPlan {
  let plan = plans.get(definition);
  if (!plan) {
    const common = commonFields
      .map((name) => [name, resolveField(name, definition)] as const)
      .filter(([, ref]) => definition.columns.some((column) => column.key === ref.key));
    const mapped = new Set(common.map(([, ref]) => ref.key));
    const messageKeys = definition.columns.filter((column) => column.type === 'text' && !column.hidden && !mapped.has(column.key)).map((column) => column.key);
    plan = { common, messageKeys };
    plans.set(definition, plan);
  }
  return plan;
}

/**
 * A stream row as a timeline row: the common fields resolved through the stream's own aliases (Daily `url` and
 * Lago `request_path` are both `path`), a readable message, and every original field under the provider's name,
 * so `lago.external_customer_id:acme` reads into it.
 */
export function toTimelineRow(source: SourceInfo, row: LogRow): LogRow {
  const plan = planOf(source.definition);
  const fields: Record<string, JsonValue> = {
    time: row.time,
    source: source.label,
    [sourceColourField]: source.index % sourceColourCount,
    level: row.severity,
    message: messageOf(plan, row),
    [source.provider]: row.fields as JsonValue,
  };
  for (const [name, ref] of plan.common) {
    const value = fieldValue(row, ref);
    if (value !== undefined) fields[name] = value;
  }
  return { id: mergedRowId(source.index, row.id), time: row.time, severity: row.severity, fields };
}

/** The stream's own message, else its shown text columns that are not common fields ("relay.call outbound"). */
function messageOf(plan: FieldPlan, row: LogRow): string {
  const own = row.fields.message;
  if (typeof own === 'string') return own;
  let text = '';
  for (const key of plan.messageKeys) {
    const value = row.fields[key];
    if ((typeof value === 'string' && value !== '') || typeof value === 'number') text = text === '' ? String(value) : `${text} ${value}`;
  }
  return text;
}
