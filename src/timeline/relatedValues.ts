import type { JsonValue, LogRow } from '../protocol/streamDefinition';
import { quoteValue } from '../protocol/query/queryText';

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

/** A value the selected row shares with other loaded rows, and where those rows come from. */
export interface RelatedValue {
  readonly value: string;
  /** Rows other than the selected one holding the value. */
  readonly rows: number;
  /** Labels of the sources of those rows. */
  readonly sources: readonly string[];
  /** The query term matching them: the value as a quoted or bare free-text word. */
  readonly term: string;
}

/**
 * Which loaded rows hold each id-like value, built as rows arrive. *Find Related* asks it for the values a row shares
 * with other rows, those seen in other sources first. Rows dropped since are skipped when asked, not removed.
 */
export class RelatedIndex {
  private readonly byValue = new Map<string, Set<string>>();
  /** Rows indexed already: a replaced table re-sends rows it still holds, and they are not scanned again. */
  private readonly indexed = new WeakSet<LogRow>();

  /** `valuesOf`: a timeline indexes each row's original fields only, not the common fields copied from them. */
  constructor(
    private readonly sourceOf: (rowId: string) => string | undefined,
    private readonly valuesOf: (row: LogRow) => Set<string> = (row) => idLikeValues(row.fields),
  ) {}

  add(rows: Iterable<LogRow>): void {
    for (const row of rows) {
      if (this.indexed.has(row)) continue;
      this.indexed.add(row);
      for (const value of this.valuesOf(row)) {
        let holders = this.byValue.get(value);
        if (!holders) this.byValue.set(value, (holders = new Set()));
        holders.add(row.id);
      }
    }
  }

  /** Values of `row` held by other loaded rows (`isLoaded` drops rows gone since), other sources first, then by count. */
  related(row: LogRow, isLoaded: (rowId: string) => boolean): RelatedValue[] {
    const own = this.sourceOf(row.id);
    const related: (RelatedValue & { readonly elsewhere: boolean })[] = [];
    for (const value of this.valuesOf(row)) {
      const others = [...(this.byValue.get(value) ?? [])].filter((id) => id !== row.id && isLoaded(id));
      if (others.length === 0) continue;
      const sources = [...new Set(others.map((id) => this.sourceOf(id) ?? ''))];
      related.push({ value, rows: others.length, sources, term: quoteValue(value), elsewhere: sources.some((source) => source !== own) });
    }
    related.sort((a, b) => Number(b.elsewhere) - Number(a.elsewhere) || b.rows - a.rows);
    return related.map(({ elsewhere: _elsewhere, ...value }) => value);
  }
}
