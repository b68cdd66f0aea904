import type { TimeZoneMode } from '../../src/protocol/logTable';
import type { FilterValues, StreamDefinition } from '../../src/protocol/streamDefinition';
import type { StateStore } from '../state';
import { FilterBar } from './filterBar';
import type { ListSessions } from './sessionPicker';

export interface ServerFilterActions {
  setFilters(values: FilterValues): void;
  listSessions: ListSessions;
  /** The bar applied `values`: the query gives up the filters the user changed there. */
  takeOver(values: FilterValues): void;
}

/** The server-side filter values: the filter bar that edits them, remembered in state and sent to the host. */
export class ServerFilters {
  readonly slot = document.createElement('div');
  values: FilterValues = {};
  private bar: FilterBar | undefined;

  constructor(
    private readonly state: StateStore,
    private readonly actions: ServerFilterActions,
  ) {
    this.slot.className = 'filter-slot';
  }

  /** The stream's definition arrived: a bar for its filters, shown before `beside` (the time range picker). */
  init(definition: StreamDefinition, values: FilterValues, beside: HTMLElement): void {
    this.values = values;
    this.state.updateUi({ filters: values });
    this.bar = new FilterBar(definition.filters, { apply: (next) => this.apply(next), listSessions: this.actions.listSessions });
    this.slot.replaceChildren(this.bar.element, beside);
  }

  render(zone: TimeZoneMode): void {
    this.bar?.render(this.values, zone);
  }

  /** Values from the query's push-down: shown in the bar and sent. */
  show(values: FilterValues, zone: TimeZoneMode): void {
    this.bar?.render(values, zone);
    this.send(values);
  }

  /** Clear filters: every filter but the required ones. */
  clear(zone: TimeZoneMode): void {
    if (!this.bar) return;
    const kept = this.bar.clearedValues(this.values);
    this.bar.render(kept, zone);
    this.apply(kept);
  }

  private apply(values: FilterValues): void {
    this.actions.takeOver(values);
    this.send(values);
  }

  private send(values: FilterValues): void {
    this.values = values;
    this.state.updateUi({ filters: values });
    this.actions.setFilters(values);
  }
}
