import type { FilterValues, StreamDefinition } from '../streamDefinition';
import type { TermNode } from './ast';
import { resolveField, type FieldRef } from './fields';
import { timeBounds, type ValueContext } from './values';

type FilterValue = FilterValues[string];

/**
 * One server filter a term can feed. A rule answers only when the API's semantics equal the term's or select a
 * superset of its rows (the whole query is always evaluated locally as well), else the term stays local.
 */
interface PushRule {
  readonly keys: readonly string[];
  filters(term: TermNode, ref: FieldRef, context: ValueContext): Readonly<Record<string, FilterValue>> | undefined;
}

const plainText = (term: TermNode) => (term.comparison === 'eq' && term.value.kind === 'text' ? term.value : undefined);

/** `/v1/rooms*` → `/v1/rooms`: the longest run without `*`, which every matching value contains. */
function literalChunk(term: TermNode): string | undefined {
  const value = plainText(term);
  if (!value) return undefined;
  const chunks = value.quoted ? [value.text] : value.text.split('*');
  const longest = chunks.reduce((a, b) => (b.length > a.length ? b : a), '');
  return longest === '' ? undefined : longest;
}

const exactText = (term: TermNode) => {
  const value = plainText(term);
  return value && (value.quoted || !value.text.includes('*')) ? value.text : undefined;
};

/** A substring filter on one field (Daily `url`, Lago `request_paths`): case-sensitive, like the exact term. */
const substringRule = (filterKey: string, fieldKey: string): PushRule => ({
  keys: [filterKey],
  filters: (term, ref) => (ref.key === fieldKey && ref.path.length === 0 ? single(filterKey, literalChunk(term)) : undefined),
});

const single = (key: string, value: FilterValue) => (value === undefined ? undefined : { [key]: value });

/** A time window on `fieldKey`, written as the API's lower and upper bound from the term's `[from, to)`. */
const timeRule = (fieldKey: string, lower: [string, (from: number) => FilterValue], upper: [string, (to: number) => FilterValue]): PushRule => ({
  keys: [lower[0], upper[0]],
  filters: (term, ref, context) => {
    if (ref.key !== fieldKey || ref.kind !== 'time' || term.value.kind === 'regex') return undefined;
    const bounds = timeBounds(term, context);
    if (typeof bounds === 'string') return undefined;
    const out: Record<string, FilterValue> = {};
    if (Number.isFinite(bounds.from)) out[lower[0]] = lower[1](bounds.from);
    if (Number.isFinite(bounds.to)) out[upper[0]] = upper[1](bounds.to);
    return Object.keys(out).length > 0 ? out : undefined;
  },
});

const utcDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** Lago `http_statuses`: exact codes, or `failed` (≥ 400) / `succeeded` (< 400) for classes and comparisons. */
function lagoStatuses(term: TermNode): readonly string[] | undefined {
  const value = term.value;
  if (value.kind === 'range') {
    const [from, to] = [Number(value.from), Number(value.to)];
    return from >= 400 ? ['failed'] : to < 400 ? ['succeeded'] : undefined;
  }
  if (value.kind !== 'text' || value.quoted) return undefined;
  const cls = /^([1-5])xx$/i.exec(value.text);
  const n = Number(value.text);
  if (term.comparison === 'eq') {
    if (cls) return [Number(cls[1]) >= 4 ? 'failed' : 'succeeded'];
    return /^[1-5]\d\d$/.test(value.text) ? [value.text] : undefined;
  }
  if (!/^\d+$/.test(value.text)) return undefined;
  const failed = (term.comparison === 'ge' && n >= 400) || (term.comparison === 'gt' && n >= 399);
  const succeeded = (term.comparison === 'lt' && n <= 400) || (term.comparison === 'le' && n <= 399);
  return failed ? ['failed'] : succeeded ? ['succeeded'] : undefined;
}

const rules: readonly PushRule[] = [
  substringRule('url', 'url'),
  substringRule('request_paths', 'request_path'),
  {
    keys: ['http_methods'],
    filters: (term, ref) => {
      const method = ref.key === 'http_method' ? exactText(term)?.toLowerCase() : undefined;
      return method && ['post', 'put', 'delete'].includes(method) ? { http_methods: [method] } : undefined;
    },
  },
  { keys: ['http_statuses'], filters: (term, ref) => (ref.key === 'http_status' ? single('http_statuses', lagoStatuses(term)) : undefined) },
  {
    keys: ['api_version'],
    filters: (term, ref) => (ref.key === 'api_version' ? single('api_version', exactText(term)) : undefined),
  },
  {
    // Daily's levels: 2 is error, 1 info (the same rows as those severities); DEBUG is only level 0, a subset.
    keys: ['logLevel'],
    filters: (term, ref) => {
      const level = ref.virtual === 'severity' ? exactText(term)?.toLowerCase() : undefined;
      return level === 'error' || level === 'err' ? { logLevel: 'ERROR' } : level === 'info' ? { logLevel: 'INFO' } : undefined;
    },
  },
  timeRule('logged_at', ['from_date', utcDay], ['to_date', (to) => utcDay(to - 1)]),
  timeRule('time', ['startTime', (from) => from], ['endTime', (to) => to - 1]),
  timeRule('created_at', ['created_after', (from) => from - 1], ['created_before', (to) => to]),
  {
    keys: ['include_deleted'],
    filters: (term, ref) => {
      const text = ref.option?.key === 'include_deleted' ? exactText(term)?.toLowerCase() : undefined;
      return text === 'true' || text === 'false' ? { include_deleted: text === 'true' } : undefined;
    },
  },
];

export interface PushDown {
  readonly server: FilterValues;
  readonly pushed: ReadonlySet<TermNode>;
}

/** The server filters the top-level field terms map to; a filter key is set by the first term that maps to it. */
export function pushDown(terms: readonly TermNode[], definition: StreamDefinition, context: ValueContext): PushDown {
  const serverKeys = new Set(definition.filters.filter((f) => f.serverSide).map((f) => f.key));
  const server: Record<string, FilterValue> = {};
  const pushed = new Set<TermNode>();
  for (const term of terms) {
    if (term.field === undefined) continue;
    const ref = resolveField(term.field, definition);
    for (const rule of rules) {
      if (!rule.keys.every((key) => serverKeys.has(key))) continue;
      const filters = rule.filters(term, ref, context);
      if (!filters || Object.keys(filters).some((key) => key in server)) continue;
      Object.assign(server, filters);
      pushed.add(term);
      break;
    }
  }
  return { server, pushed };
}
