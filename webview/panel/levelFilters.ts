import type { ColumnDef, Severity } from '../../src/protocol/streamDefinition';
import type { StateStore } from '../state';
import { severities, type Toolbar } from './toolbar';

/** The toolbar's level toggles and hidden flag columns: which rows are shown besides the query, remembered in state. */
export class LevelFilters {
  readonly shownLevels: Set<Severity>;
  readonly hiddenFlags: Set<string>;

  constructor(
    private readonly state: StateStore,
    private readonly toolbar: () => Toolbar,
    private readonly changed: () => void,
  ) {
    this.shownLevels = new Set(state.ui.severities ?? severities);
    this.hiddenFlags = new Set(state.ui.hiddenFlags ?? []);
  }

  /** What decides the shown rows here, as text (part of the histogram's view key). */
  get key(): string {
    return `${[...this.shownLevels].join()}|${[...this.hiddenFlags].join()}`;
  }

  hiddenLevels(): Severity[] {
    return severities.filter((severity) => !this.shownLevels.has(severity));
  }

  setSeverity(severity: Severity, shown: boolean): void {
    if (shown) this.shownLevels.add(severity);
    else this.shownLevels.delete(severity);
    this.state.updateUi({ severities: [...this.shownLevels] });
    this.changed();
  }

  setFlag(key: string, shown: boolean): void {
    if (shown) this.hiddenFlags.delete(key);
    else this.hiddenFlags.add(key);
    this.state.updateUi({ hiddenFlags: [...this.hiddenFlags] });
    this.changed();
  }

  /** Every level and flag shown again (the caller refreshes). */
  showAll(columns: readonly ColumnDef[]): void {
    this.shownLevels.clear();
    for (const severity of severities) this.shownLevels.add(severity);
    this.hiddenFlags.clear();
    this.toolbar().setSeverities(this.shownLevels);
    this.toolbar().setFlags(columns, this.hiddenFlags);
    this.state.updateUi({ severities: [...this.shownLevels], hiddenFlags: [] });
  }
}
