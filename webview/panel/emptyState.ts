import type { FilterDef, FilterValues } from '../../src/protocol/streamDefinition';
import { isEmptyFilterValue, missingRequiredFilters } from '../../src/protocol/filterValues';
import { button } from '../controls/toolkit';
import { setHidden, setText } from './domWrites';

export interface EmptyActions {
  clearFilters(): void;
  clearQuickFilter(): void;
}

/** Shown instead of rows when nothing matches: names the active filters and offers to clear them. */
export class EmptyState {
  readonly element = document.createElement('div');
  private readonly message = document.createElement('p');
  /** The button under the message, kept while its label stays (a refresh rewrites only what changed). */
  private action: { readonly label: string; readonly element: HTMLElement } | undefined;

  constructor(private readonly actions: EmptyActions) {
    this.element.className = 'empty';
    this.element.setAttribute('role', 'status');
    this.element.hidden = true;
    this.element.append(this.message);
  }

  hide(): void {
    setHidden(this.element, true);
  }

  /** After a refresh: nothing while loading or when rows are shown; otherwise why there are none. */
  update(view: { shown: number; loaded: number; loading: boolean; failed: boolean; query: string; hiddenLevels: readonly string[] }, filters: readonly FilterDef[] | undefined, values: FilterValues): void {
    if (view.shown > 0 || view.loading || !filters) this.hide();
    else if (view.loaded > 0) this.showAllHidden(view.query, view.hiddenLevels);
    else if (view.failed) this.hide();
    else this.showNoResults(filters, values);
  }

  /** No rows came back from the host for these server-side filters. */
  showNoResults(filters: readonly FilterDef[], values: FilterValues): void {
    const [missing] = missingRequiredFilters(filters, values);
    if (missing) {
      const alternatives = (missing.requiredAlternatives ?? []).map((key) => filters.find((f) => f.key === key)?.label ?? key);
      const or = alternatives.length > 0 ? ` (or a ${alternatives.join(' or a ').toLowerCase()})` : '';
      this.render(`Choose a ${missing.label.toLowerCase()}${or} above, then Apply, to see its logs.`);
      return;
    }
    const active = filters
      .filter((f) => !isEmptyFilterValue(values[f.key]))
      .map((f) => `${f.label}: ${describe(values[f.key], f)}`);
    const text = active.length === 0 ? 'No rows.' : `No rows match ${active.join(', ')}.`;
    this.render(text, active.length === 0 ? undefined : { label: 'Clear filters', run: () => this.actions.clearFilters() });
  }

  /** Rows are loaded but the quick filter or level toggles hide them all. */
  showAllHidden(query: string, hiddenLevels: readonly string[]): void {
    const parts = [];
    if (query) parts.push(`the quick filter “${query}”`);
    if (hiddenLevels.length > 0) parts.push(`hidden levels (${hiddenLevels.join(', ')})`);
    this.render(`No loaded rows match ${parts.join(' and ')}.`, { label: 'Clear quick filter', run: () => this.actions.clearQuickFilter() });
  }

  /** `action`: the button under the message; each label always runs the same action, so its button is kept. */
  private render(text: string, action?: { readonly label: string; run(): void }): void {
    setText(this.message, text);
    if (action?.label !== this.action?.label) {
      this.action = action && { label: action.label, element: button(action.label, 'primary', () => action.run()) };
      this.element.replaceChildren(this.message, ...(this.action ? [this.action.element] : []));
    }
    setHidden(this.element, false);
  }
}

function describe(value: FilterValues[string], filter: FilterDef): string {
  const values: readonly unknown[] = Array.isArray(value) ? value : [value];
  if (filter.kind === 'datetime' && typeof value === 'number') return new Date(value).toISOString();
  if (filter.kind === 'enum') return values.map((v) => filter.options.find((o) => o.value === v)?.label ?? String(v)).join(', ');
  return values.join(', ');
}
