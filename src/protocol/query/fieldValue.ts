import type { JsonValue, LogRow } from '../streamDefinition';
import type { FieldRef } from './fields';

const parsedJson = new WeakMap<object, Map<string, JsonValue | undefined>>();

/** The value a field reference names in a row; a dotted path reads into JSON (parsing JSON text on the way). */
export function fieldValue(row: LogRow, ref: FieldRef): JsonValue | undefined {
  if (ref.virtual === 'severity') return row.severity;
  const top = row.fields[ref.key];
  if (ref.path.length === 0) return top ?? (ref.virtual === 'time' ? row.time : undefined);
  let value: JsonValue | undefined = jsonOf(row, ref.key, top);
  for (const segment of ref.path) value = step(value, segment);
  return value;
}

function step(value: JsonValue | undefined, segment: string): JsonValue | undefined {
  if (Array.isArray(value)) {
    const items = value.map((item) => step(item, segment)).filter((item): item is JsonValue => item !== undefined);
    return items.length === 0 ? undefined : items.flat();
  }
  if (typeof value === 'string') value = parseJson(value);
  return value !== null && typeof value === 'object' && !Array.isArray(value) && Object.hasOwn(value, segment) ? value[segment] : undefined;
}

function jsonOf(row: LogRow, key: string, value: JsonValue | undefined): JsonValue | undefined {
  if (typeof value !== 'string') return value;
  let cache = parsedJson.get(row.fields);
  if (!cache) parsedJson.set(row.fields, (cache = new Map()));
  if (!cache.has(key)) cache.set(key, parseJson(value));
  return cache.get(key);
}

function parseJson(text: string): JsonValue | undefined {
  const first = text.trimStart()[0];
  if (first !== '{' && first !== '[') return undefined;
  try {
    return JSON.parse(text) as JsonValue;
  } catch {
    return undefined;
  }
}
