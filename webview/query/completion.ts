import { knownFields, resolveField, type FieldInfo } from '../../src/protocol/query/fields';
import { quoteValue } from '../../src/protocol/query/queryText';
import type { StreamDefinition } from '../../src/protocol/streamDefinition';
import type { ValueCount } from './valueCounts';

export interface Suggestion {
  /** What the list shows. */
  readonly label: string;
  /** Field kind, value count or "recent". */
  readonly detail: string;
  /** Replaces `[from, to)` of the query. */
  readonly insert: string;
  readonly from: number;
  readonly to: number;
}

export interface CompletionSource {
  readonly definition: StreamDefinition;
  /** Top values of a field (by row key) in the rows shown. */
  values(key: string): readonly ValueCount[];
  /** Recent queries of this stream, newest first. */
  readonly recent: readonly string[];
}

const maxItems = 12;
const operatorHints: Readonly<Record<string, readonly string[]>> = {
  status: ['>=400', '4xx', '5xx', '400..499'],
  number: ['>', '<', '>=', '<='],
  time: ['>-15m', '>-1h', '>-24h', '>-7d'],
};

/** The suggestions for the word under the cursor: field names, operators and values, or recent queries. */
export function suggestions(query: string, cursor: number, source: CompletionSource, explicit = false): Suggestion[] {
  let start = cursor;
  while (start > 0 && !/[\s(]/.test(query[start - 1])) start--;
  let end = cursor;
  while (end < query.length && !/[\s)]/.test(query[end])) end++;
  const negation = query[start] === '-' ? '-' : '';
  const word = query.slice(start + negation.length, cursor);
  const colon = word.indexOf(':');
  if (colon > 0) return valueSuggestions(word.slice(0, colon), word.slice(colon + 1), { negation, from: start, to: end }, source);
  const items: Suggestion[] = [];
  if (query.trim() === '' || (word === '' && start === 0)) {
    for (const recent of source.recent) items.push({ label: recent, detail: 'recent', insert: recent, from: 0, to: query.length });
  }
  if (word === '' && !explicit) return items.slice(0, maxItems);
  const lower = word.toLowerCase();
  for (const field of knownFields(source.definition)) {
    if (field.name.toLowerCase().startsWith(lower) && field.name.toLowerCase() !== lower) {
      items.push({ label: `${field.name}:`, detail: describe(field), insert: `${negation}${field.name}:`, from: start, to: end });
    }
  }
  if (word !== '' && 'OR'.startsWith(word) && start > 0) items.push({ label: 'OR', detail: 'either side', insert: 'OR', from: start, to: end });
  return items.slice(0, maxItems);
}

function describe(field: FieldInfo): string {
  return field.title === field.name ? field.kind : `${field.title} · ${field.kind}`;
}

function valueSuggestions(field: string, typed: string, at: { negation: string; from: number; to: number }, source: CompletionSource): Suggestion[] {
  const ref = resolveField(field, source.definition);
  const operator = /^(>=|<=|>|<|=)?/.exec(typed)?.[0] ?? '';
  const prefix = typed.slice(operator.length).replace(/^"/, '').toLowerCase();
  const items: Suggestion[] = [];
  const head = `${at.negation}${field}:${operator}`;
  if (ref.path.length === 0 && !ref.virtual && !ref.option) {
    for (const { value, count } of source.values(ref.key)) {
      if (value.toLowerCase().includes(prefix)) items.push({ label: value, detail: String(count), insert: head + quoteValue(value), from: at.from, to: at.to });
    }
  } else if (ref.virtual === 'severity') {
    for (const level of ['error', 'warning', 'info', 'debug']) if (level.startsWith(prefix)) items.push({ label: level, detail: 'level', insert: head + level, from: at.from, to: at.to });
  } else if (ref.option) {
    for (const value of ['true', 'false']) items.push({ label: value, detail: ref.option.label, insert: head + value, from: at.from, to: at.to });
  }
  if (typed === '') {
    const hints = operatorHints[ref.kind] ?? (ref.kind === 'number' ? operatorHints.number : []);
    for (const hint of hints) items.push({ label: `${field}:${hint}`, detail: 'operator', insert: `${at.negation}${field}:${hint}`, from: at.from, to: at.to });
  }
  return items.slice(0, maxItems);
}
