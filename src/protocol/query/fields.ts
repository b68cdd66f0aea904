import type { ColumnType, FilterDef, StreamDefinition } from '../streamDefinition';

/** How a field's values compare: times and numbers by value, status classes, severities by name. */
export type FieldKind = 'time' | 'number' | 'status' | 'level' | 'method' | 'text' | 'any';

export interface FieldRef {
  /** Key into `LogRow.fields` (for `severity`: none, the row's severity is used). */
  readonly key: string;
  /** Dotted path into a JSON value (`response.error` → key `response`, path `['error']`). */
  readonly path: readonly string[];
  readonly kind: FieldKind;
  /** `severity`: the row's severity; `time`: the field, else the row's time. */
  readonly virtual?: 'severity' | 'time';
  /** A boolean request option of the stream (`include_deleted:true`): server only, no row field. */
  readonly option?: FilterDef;
}

/** A field name the completion offers, with the kind it compares as. */
export interface FieldInfo {
  readonly name: string;
  readonly kind: FieldKind;
  readonly title: string;
}

const kindOfColumn: Record<ColumnType, FieldKind> = {
  time: 'time',
  text: 'text',
  number: 'number',
  httpStatus: 'status',
  level: 'level',
  method: 'method',
  money: 'number',
  duration: 'number',
  flag: 'text',
  source: 'text',
};

/** Compared ignoring case, spaces and punctuation, so `Log ID`, `log_id` and `logid` name the same column. */
const normal = (name: string) => name.toLowerCase().replace(/[^a-z0-9]/g, '');

type AliasTarget = (definition: StreamDefinition) => string | undefined;

const byType = (type: ColumnType) => (definition: StreamDefinition) => definition.columns.find((c) => c.type === type)?.key;
const byKeys = (...keys: string[]) => (definition: StreamDefinition) => keys.find((key) => definition.columns.some((c) => c.key === key));

const aliases: Readonly<Record<string, AliasTarget>> = {
  status: (d) => byType('httpStatus')(d) ?? byKeys('status')(d),
  method: byType('method'),
  path: byKeys('request_path', 'url'),
  url: byKeys('url', 'request_path'),
  time: byType('time'),
  ip: byKeys('ip'),
  type: byKeys('type'),
  version: byKeys('api_version'),
};

const severityNames = new Set(['level', 'severity']);

/** Resolves a field name as typed (case-insensitive) against the stream's columns, aliases and detail fields. */
export function resolveField(name: string, definition: StreamDefinition): FieldRef {
  const [head, ...path] = name.split('.');
  const wanted = normal(head);
  if (path.length === 0 && severityNames.has(wanted)) return { key: 'severity', path, kind: 'level', virtual: 'severity' };
  const aliased = aliases[wanted]?.(definition);
  const column =
    definition.columns.find((c) => c.key === aliased) ??
    definition.columns.find((c) => normal(c.key) === wanted) ??
    definition.columns.find((c) => normal(c.title) === wanted);
  if (column) {
    const kind = path.length > 0 ? 'any' : kindOfColumn[column.type];
    return { key: column.key, path, kind, ...(column.type === 'time' && path.length === 0 ? { virtual: 'time' } : {}) };
  }
  const detail = definition.details.find((d) => normal(d.field) === wanted);
  if (detail) return { key: detail.field, path, kind: 'any' };
  const option = definition.filters.find((f) => f.kind === 'boolean' && f.serverSide && normal(f.key) === wanted);
  if (option && path.length === 0) return { key: option.key, path, kind: 'text', option };
  if (path.length === 0 && wanted === 'time') return { key: 'time', path, kind: 'time', virtual: 'time' };
  return { key: head, path, kind: 'any' };
}

/** The field names completion offers: column keys, aliases that resolve, detail fields and request options. */
export function knownFields(definition: StreamDefinition): readonly FieldInfo[] {
  const fields = new Map<string, FieldInfo>();
  const add = (name: string, title: string) => {
    if (!fields.has(name.toLowerCase())) fields.set(name.toLowerCase(), { name, title, kind: resolveField(name, definition).kind });
  };
  for (const [alias, target] of Object.entries(aliases)) {
    const key = target(definition);
    if (key) add(alias, definition.columns.find((c) => c.key === key)?.title ?? key);
  }
  add('level', 'Severity');
  for (const column of definition.columns) add(column.key, column.title);
  for (const detail of definition.details) add(detail.field, detail.title);
  for (const filter of definition.filters) if (filter.kind === 'boolean' && filter.serverSide) add(filter.key, filter.label);
  return [...fields.values()];
}
