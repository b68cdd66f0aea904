import type { TimeZoneMode } from '../../src/protocol/logTable';
import type { FilterDef, FilterValues } from '../../src/protocol/streamDefinition';
import { button } from '../controls/toolkit';
import { isEmptyFilterValue, missingRequiredFilters, requiredGroup } from '../../src/protocol/filterValues';
import { filterControl, type ControlContext, type FilterValue } from './filterControls';
import { sessionPicker, type ListSessions } from './sessionPicker';

export interface FilterBarActions {
  apply(values: FilterValues): void;
  listSessions: ListSessions;
}

/** The server-side filter controls generated from the stream definition, with Apply. */
export class FilterBar {
  readonly element = document.createElement('div');
  private values: Record<string, FilterValue> = {};
  private readonly message = document.createElement('span');

  constructor(
    private readonly filters: readonly FilterDef[],
    private readonly actions: FilterBarActions,
  ) {
    this.element.className = 'filter-bar';
    this.element.setAttribute('role', 'group');
    this.element.setAttribute('aria-label', 'Filters');
    this.message.className = 'filter-message';
    this.message.setAttribute('role', 'status');
  }

  /** Rebuilds the controls showing `values` (on init and after Clear filters). */
  render(values: FilterValues, timeZone: TimeZoneMode): void {
    this.values = { ...values };
    this.element.replaceChildren();
    if (this.filters.length === 0) return;
    for (const filter of this.filters) this.element.append(this.field(filter, timeZone));
    const apply = button('Apply', 'primary', () => this.apply());
    apply.title = 'Fetch again with these filters';
    this.element.append(apply, this.message);
  }

  /** The filters to keep on "Clear filters": required ones cannot be cleared. */
  clearedValues(current: FilterValues): FilterValues {
    const kept: Record<string, FilterValue> = {};
    for (const filter of this.filters) {
      if (!filter.required) continue;
      for (const key of requiredGroup(filter)) if (!isEmptyFilterValue(current[key])) kept[key] = current[key];
    }
    return kept;
  }

  apply(): void {
    const missing = missingRequiredFilters(this.filters, this.values);
    const invalid = this.element.querySelector('.invalid');
    if (missing.length > 0 || invalid) {
      this.message.textContent = invalid ? 'Fix the highlighted filter first.' : missing.map((f) => requiredText(f, this.filters)).join(' ');
      return;
    }
    this.message.textContent = '';
    const values: Record<string, FilterValue> = {};
    for (const [key, value] of Object.entries(this.values)) if (!isEmptyFilterValue(value)) values[key] = value;
    this.actions.apply(values);
  }

  private field(filter: FilterDef, timeZone: TimeZoneMode): HTMLElement {
    const wrapper = document.createElement('div');
    wrapper.className = `filter filter-${filter.kind}`;
    const label = document.createElement('span');
    label.className = 'filter-label';
    label.textContent = filter.label + (filter.required ? ' *' : '') + (filter.kind === 'datetime' ? ` (${timeZone === 'utc' ? 'UTC' : 'local'})` : '');
    if (filter.description) wrapper.title = filter.description;
    if (filter.kind !== 'boolean') wrapper.append(label);
    if (!filter.serverSide) wrapper.append(localMarker());
    const context: ControlContext = {
      timeZone,
      onChange: (value) => {
        this.values[filter.key] = value;
      },
      onSubmit: () => this.apply(),
    };
    const value = this.values[filter.key];
    wrapper.append(
      filter.kind === 'session'
        ? sessionPicker(filter, value, context, (query) => this.actions.listSessions(query))
        : filterControl(filter, value, context),
    );
    return wrapper;
  }
}

function requiredText(filter: FilterDef, all: readonly FilterDef[]): string {
  const alternatives = (filter.requiredAlternatives ?? []).map((key) => all.find((f) => f.key === key)?.label ?? key);
  return alternatives.length === 0 ? `${filter.label} required.` : `${[filter.label, ...alternatives].join(' or ')} required.`;
}

function localMarker(): HTMLElement {
  const marker = document.createElement('span');
  marker.className = 'local-marker';
  marker.textContent = 'local';
  marker.title = 'Applied to the fetched rows, not by the API';
  return marker;
}
