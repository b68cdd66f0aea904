import type { FilterValues, StreamDefinition } from '../streamDefinition';
import type { QueryError, QueryNode, TermNode } from './ast';
import { compileQuery, type FreeTextSource, type NumberedField, type RowPredicate } from './evaluate';
import { parseQuery } from './parser';
import { pushDown } from './pushDown';
import type { TimeZoneName } from './times';
import { timeSliceOf, type TimeSlice } from './timeSlice';

export interface QueryPlan {
  readonly ok: true;
  readonly node: QueryNode | undefined;
  /** Server filter values the pushed-down terms map to (merge them over the filter bar's). */
  readonly server: FilterValues;
  /** Top-level terms the API applies (they are evaluated locally too). */
  readonly serverTerms: readonly TermNode[];
  /** Top-level parts only the panel applies. */
  readonly localTerms: readonly QueryNode[];
  /** The whole query, for every row. */
  readonly predicate: RowPredicate;
  /** True once a `/regex/` used up its time budget during evaluation. */
  readonly budgetExceeded: () => boolean;
  /** The time range every kept row lies in, when the query sets one (rows in time order need only that slice). */
  readonly timeSlice?: TimeSlice;
}

export type PlanResult = QueryPlan | { readonly ok: false; readonly error: QueryError };

export interface PlanOptions {
  /** How times without an offset are read: the panel's time zone. Default `utc`. */
  readonly zone?: TimeZoneName;
  readonly freeText?: FreeTextSource;
  /** Numbered field values (the webview's row store), so field terms test each distinct value once. */
  readonly numbered?: (key: string) => NumberedField | undefined;
}

/** The one function from query text to a filter plan: server part plus local predicate, for host and webview. */
export function planQuery(query: string, definition: StreamDefinition, now: number, options: PlanOptions = {}): PlanResult {
  const parsed = parseQuery(query);
  if (!parsed.ok) return parsed;
  const context = { now, zone: options.zone ?? 'utc', definition, freeText: options.freeText, numbered: options.numbered };
  const compiled = compileQuery(parsed.node, context);
  if ('error' in compiled) return { ok: false, error: compiled.error };
  const parts = topLevelParts(parsed.node);
  const fieldTerms = parts.filter((part): part is TermNode => part.kind === 'term');
  const { server, pushed } = pushDown(fieldTerms, definition, context);
  return {
    ok: true,
    node: parsed.node,
    server,
    serverTerms: fieldTerms.filter((term) => pushed.has(term)),
    localTerms: parts.filter((part) => part.kind !== 'term' || !pushed.has(part)),
    predicate: compiled.predicate,
    budgetExceeded: compiled.budgetExceeded,
    timeSlice: timeSliceOf(parts, definition, context),
  };
}

export function topLevelParts(node: QueryNode | undefined): readonly QueryNode[] {
  if (!node) return [];
  return node.kind === 'and' ? node.children : [node];
}
