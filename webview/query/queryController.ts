import type { QueryError, QueryNode } from '../../src/protocol/query/ast';
import type { FreeTextSource, NumberedField, RowPredicate } from '../../src/protocol/query/evaluate';
import { highlighterFor, type Highlighter } from '../../src/protocol/query/highlight';
import { planQuery, type QueryPlan } from '../../src/protocol/query/plan';
import type { TimeSlice } from '../../src/protocol/query/timeSlice';
import { printQuery, printTerm } from '../../src/protocol/query/printer';
import { pushDown } from '../../src/protocol/query/pushDown';
import { termText, withTerm } from '../../src/protocol/query/queryText';
import type { TimeZoneMode } from '../../src/protocol/logTable';
import type { FilterValues, StreamDefinition } from '../../src/protocol/streamDefinition';
import type { RowStore } from '../model/rowStore';
import { suggestions } from './completion';
import { QueryLine } from './queryLine';
import { topValues, type ValueCount } from './valueCounts';

export interface QueryHost {
  readonly store: RowStore;
  definition(): StreamDefinition | undefined;
  zone(): TimeZoneMode;
  /** Re-run the view with the current predicate. */
  refresh(): void;
  filters(): FilterValues;
  /** Send new server filters (and show them in the filter bar). */
  applyFilters(values: FilterValues): void;
  /** The applied query changed: tell the host and persist it. */
  queryApplied(text: string, serverKeys: readonly string[]): void;
  /** Recent queries changed: persist them. */
  recentChanged(recent: readonly string[]): void;
}

const maxRecent = 8;
const completionValues = 8;

/**
 * Owns the query: the box, the last valid plan (recompiled when the rows change), push-down on Enter merged
 * with the filter bar, and the terms a filter-bar edit takes over.
 */
export class QueryController {
  readonly line: QueryLine;
  private text = '';
  private applied: QueryPlan | undefined;
  private appliedText = '';
  private planVersion = -1;
  private serverKeys: readonly string[];
  private recent: string[];
  private highlight: { readonly text: string; readonly highlighter: Highlighter } | undefined;
  private valueCache: { version: number; byKey: Map<string, readonly ValueCount[]> } = { version: -1, byKey: new Map() };

  constructor(private readonly host: QueryHost, saved: { readonly text: string; readonly serverKeys?: readonly string[]; readonly recent?: readonly string[] }) {
    this.text = saved.text;
    this.appliedText = saved.text;
    this.serverKeys = saved.serverKeys ?? [];
    this.recent = [...(saved.recent ?? [])];
    this.line = new QueryLine({
      onInput: (text) => this.setText(text, false),
      onSubmit: (text) => this.setText(text, true),
      suggestions: (text, cursor, explicit) => this.suggest(text, cursor, explicit),
    });
    this.line.value = saved.text;
  }

  get queryText(): string {
    return this.appliedText;
  }

  /** The applied query's predicate for the current rows, or `undefined` when none applies. */
  predicate(): RowPredicate | undefined {
    const definition = this.host.definition();
    if (!definition || this.appliedText.trim() === '') return undefined;
    if (!this.applied || this.planVersion !== this.host.store.version) this.replan(definition);
    return this.applied?.predicate;
  }

  /** The time range of the applied query's time terms (read after `predicate()`, which plans it). */
  get timeSlice(): TimeSlice | undefined {
    return this.applied?.timeSlice;
  }

  /** The parsed applied query (the predicate's source), for narrowing. */
  get appliedNode(): QueryNode | undefined {
    return this.applied?.node;
  }

  /** The same function while the applied query is the same, so views redraw only when it changes. */
  highlighter(): Highlighter | undefined {
    const definition = this.host.definition();
    const node = this.applied?.node;
    if (!definition || !node) return undefined;
    if (this.highlight?.text !== this.appliedText) this.highlight = { text: this.appliedText, highlighter: highlighterFor(node, definition) };
    return this.highlight.highlighter;
  }

  /** A new query from the user, a facet or the host; `submit` pushes its server part down. */
  setText(text: string, submit: boolean): void {
    this.text = text;
    if (this.line.value !== text) this.line.value = text;
    const definition = this.host.definition();
    if (!definition) {
      this.appliedText = text;
      return;
    }
    const plan = this.plan(text, definition);
    if (!plan.ok) return this.line.showError(text, plan.error);
    this.line.showError(text, undefined);
    this.adopt(text, plan);
    if (submit) this.submit(plan);
    this.host.refresh();
  }

  /** Adds `field:value` (or its negation) to the query and applies it. */
  addTerm(field: string, value: string, negate: boolean): void {
    this.setText(withTerm(this.appliedText, termText(field, value, { negate })), true);
  }

  /** The definition arrived (or changed): apply the restored query. */
  start(): void {
    this.setText(this.text, false);
  }

  /**
   * The filter bar applied `values`: a filter the query had set and the user changed belongs to the bar now,
   * so the query terms that set it are removed.
   */
  takeOverFilters(values: FilterValues): void {
    const definition = this.host.definition();
    const changed = this.serverKeys.filter((key) => JSON.stringify(values[key]) !== JSON.stringify(this.host.filters()[key]));
    if (!definition || !this.applied || changed.length === 0) return;
    const context = { now: Date.now(), zone: this.host.zone() };
    const dropped = this.applied.serverTerms.filter((term) => Object.keys(pushDown([term], definition, context).server).some((key) => changed.includes(key)));
    let text = this.appliedText;
    for (const term of [...dropped].sort((a, b) => b.start - a.start)) text = `${text.slice(0, term.start)}${text.slice(term.end)}`;
    this.serverKeys = this.serverKeys.filter((key) => !changed.includes(key));
    this.setText(text.replace(/\s+/g, ' ').trim(), false);
  }

  private plan(text: string, definition: StreamDefinition): QueryPlan | { ok: false; error: QueryError } {
    return planQuery(text, definition, Date.now(), { zone: this.host.zone(), freeText: this.freeText(), numbered: (key) => this.numbered(definition, key) });
  }

  private replan(definition: StreamDefinition): void {
    const plan = this.plan(this.appliedText, definition);
    this.applied = plan.ok ? plan : undefined;
    this.planVersion = this.host.store.version;
  }

  private adopt(text: string, plan: QueryPlan): void {
    this.applied = plan;
    this.planVersion = this.host.store.version;
    this.line.showPlacement(plan.serverTerms.map(printTerm), plan.localTerms.map(printQuery));
    if (text === this.appliedText) return;
    this.appliedText = text;
    this.host.queryApplied(text, this.serverKeys);
  }

  private submit(plan: QueryPlan): void {
    const current = this.host.filters();
    const merged: Record<string, FilterValues[string]> = { ...current };
    for (const key of this.serverKeys) delete merged[key];
    Object.assign(merged, plan.server);
    this.serverKeys = Object.keys(plan.server);
    this.host.queryApplied(this.appliedText, this.serverKeys);
    this.remember(this.appliedText);
    if (JSON.stringify(merged) !== JSON.stringify(current)) this.host.applyFilters(merged);
  }

  private remember(text: string): void {
    const trimmed = text.trim();
    if (trimmed === '') return;
    this.recent = [trimmed, ...this.recent.filter((item) => item !== trimmed)].slice(0, maxRecent);
    this.host.recentChanged(this.recent);
  }

  private suggest(text: string, cursor: number, explicit: boolean) {
    const definition = this.host.definition();
    if (!definition) return [];
    return suggestions(text, cursor, { definition, recent: this.recent, values: (key) => this.loadedValues(key) }, explicit);
  }

  /** Top values of a field over all loaded rows, counted once per store version. */
  private loadedValues(key: string): readonly ValueCount[] {
    const version = this.host.store.version;
    if (this.valueCache.version !== version) this.valueCache = { version, byKey: new Map() };
    let values = this.valueCache.byKey.get(key);
    if (!values) this.valueCache.byKey.set(key, (values = topValues(this.host.store.valueCodes(key), undefined, completionValues)));
    return values;
  }

  /** Columns' values as the row store numbers them for facets (other fields, such as JSON bodies, are read). */
  private numbered(definition: StreamDefinition, key: string): NumberedField | undefined {
    return definition.columns.some((column) => column.key === key) ? this.host.store.valueCodes(key) : undefined;
  }

  /** Free words use the row store's cached texts and its block scans. */
  private freeText(): FreeTextSource {
    const store = this.host.store;
    return { textOf: (_, index) => store.textAt(index), contains: (needle) => store.contains(needle), select: (needle, indices) => store.select(needle, indices) };
  }
}
