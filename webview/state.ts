import type { PanelIdentity, TimelineIdentity } from '../src/protocol/logTable';
import type { FilterValues, Severity } from '../src/protocol/streamDefinition';
import type { TimeRange } from '../src/protocol/timeRange';
import type { VsCodeApi } from './vscodeApi';

export interface SortIntent {
  readonly key: string;
  readonly direction: 'asc' | 'desc';
}

/** UI intent only: what the user asked to see. Rows are never persisted; the host refetches them. */
export interface UiIntent {
  readonly filters?: FilterValues;
  readonly hiddenColumns?: readonly string[];
  readonly columnWidths?: Readonly<Record<string, number>>;
  readonly sort?: SortIntent;
  /** The query text applied in the box (the name predates the query language). */
  readonly quickFilter?: string;
  /** Server filter keys the query's pushed-down terms set (the filter bar owns the others). */
  readonly queryServerKeys?: readonly string[];
  /** Recent queries of this panel's stream, newest first. */
  readonly recentQueries?: readonly string[];
  readonly facetsOpen?: boolean;
  readonly severities?: readonly Severity[];
  /** Keys of the `flag` columns whose marked rows are hidden (SignalWire's discarded voice logs). */
  readonly hiddenFlags?: readonly string[];
  /** Id of the top visible row, to scroll back to it when the rows arrive again. */
  readonly scrollAnchor?: string;
  /** The time range picker's choice (absent: all time). */
  readonly timeRange?: TimeRange;
  readonly histogramCollapsed?: boolean;
}

/**
 * What `setState` holds: the panel identity at the top level (so the host's serializer reads it as a
 * `PanelIdentity`) plus the UI intent under `ui`.
 */
export type PersistedState = Partial<PanelIdentity> & { readonly ui?: UiIntent };

/**
 * Reads and merges the webview state. Writes are whole-object `setState` calls, as VS Code requires, batched a
 * moment after the last change so typing in the quick filter does not post state on every keystroke.
 */
export class StateStore {
  private state: PersistedState;
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly api: VsCodeApi,
    private readonly delayMs = 250,
  ) {
    const saved = api.getState();
    this.state = typeof saved === 'object' && saved !== null ? (saved as PersistedState) : {};
  }

  get ui(): UiIntent {
    return this.state.ui ?? {};
  }

  setIdentity(identity: PanelIdentity | TimelineIdentity): void {
    this.write({ ...this.state, ...identity });
  }

  /** The applied query, at the top level where the serializer and saved views read the identity. */
  setQuery(query: string): void {
    this.write({ ...this.state, query });
  }

  updateUi(patch: Partial<UiIntent>): void {
    const ui = { ...this.ui, ...patch };
    this.write({ ...this.state, ...(patch.filters ? { filters: patch.filters } : {}), ui });
  }

  private write(next: PersistedState): void {
    this.state = next;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.api.setState(this.state), this.delayMs);
  }
}
