import type { JsonValue, LogRow } from '../protocol/streamDefinition';

/** Keys whose values name something other logs mention too: ids, sessions, rooms, customers, phone numbers. */
const idKey = /(^|_)ids?$|[a-z]Ids?$|session|Session|room|Room|customer|Customer|^(from|to|phone|phone_number)$/;
const uuid = /\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/gi;
const prefixedId = /\b[a-z]{2,8}_[a-z0-9]{6,}\b/gi;
const phone = /\+[1-9]\d{7,14}\b/g;
const roomInPath = /\/rooms\/([^/?#\s"]+)/g;
const maxScannedChars = 2_000;
const maxDepth = 3;

/** Values a key names that are too common to relate anything (states, booleans, short words, plain numbers). */
function isIdLike(value: string): boolean {
  return value.length >= 4 && value.length <= 200 && !/^\d{1,9}$/.test(value) && !/^(true|false|null|inbound|outbound|completed|failed)$/i.test(value);
}

/** The id-like values in a row's fields: values of id-like keys, and UUIDs, prefixed ids, phone numbers and room names in any text. */
export function idLikeValues(fields: LogRow['fields']): Set<string> {
  const found = new Set<string>();
  const visit = (value: JsonValue | undefined, key: string, depth: number): void => {
    if (typeof value === 'string') {
      if (idKey.test(key) && isIdLike(value)) found.add(value);
      scanText(value.length > maxScannedChars ? value.slice(0, maxScannedChars) : value, found, depth < maxDepth ? (inner) => visit(inner, key, depth + 1) : undefined);
    } else if (Array.isArray(value) && depth < maxDepth) {
      for (const item of value) visit(item, key, depth + 1);
    } else if (value !== null && typeof value === 'object' && depth < maxDepth) {
      for (const [inner, item] of Object.entries(value)) visit(item, inner, depth + 1);
    }
  };
  for (const [key, value] of Object.entries(fields)) visit(value, key, 0);
  return found;
}

/** Patterns in free text; a JSON body is read as JSON when `nested` is given. */
function scanText(text: string, found: Set<string>, nested: ((value: JsonValue) => void) | undefined): void {
  const first = text.trimStart()[0];
  if (nested && (first === '{' || first === '[')) {
    const parsed = parseJson(text);
    if (parsed !== undefined) {
      nested(parsed);
      return;
    }
  }
  // Each pattern needs a character most values lack: the cheap test skips the regular expression for them.
  if (text.includes('-')) for (const match of text.matchAll(uuid)) found.add(match[0].toLowerCase());
  if (text.includes('_')) for (const match of text.matchAll(prefixedId)) found.add(match[0]);
  if (text.includes('+')) for (const match of text.matchAll(phone)) found.add(match[0]);
  if (text.includes('/rooms/')) for (const match of text.matchAll(roomInPath)) if (isIdLike(decodeSafely(match[1]))) found.add(decodeSafely(match[1]));
}

function parseJson(text: string): JsonValue | undefined {
  try {
    return JSON.parse(text) as JsonValue;
  } catch {
    return undefined;
  }
}

function decodeSafely(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
