import type { PanelStatus, TimeZoneMode } from '../../src/protocol/logTable';
import type { ColumnDef, LogRow } from '../../src/protocol/streamDefinition';
import type { TimeRange } from '../../src/protocol/timeRange';
import { timeRangeTerm, withTimeRangeTerm } from '../../src/protocol/query/timeRangeTerm';
import { Histogram, type RowChange } from '../histogram/histogram';
import { setText } from '../panel/domWrites';
import type { StateStore } from '../state';
import { rangeStatusElement, rangeStatusText } from './rangeStatus';
import { TimeRangePicker } from './timeRangePicker';

export interface TimeControlsHost {
  /** The query text in the quick filter. */
  query(): string;
  /** Puts new query text into the quick filter and applies it. */
  setQuery(text: string): void;
  /** The applied query or time range changed (the host is told; a new range fetches again). */
  changed(query: string, range: TimeRange | undefined): void;
}

/**
 * The panel's time features in one place: the range picker in the filter bar, the histogram above the grid
 * (brushing writes a `time:` term into the query), and the range's word in the status line.
 */
export class TimeControls {
  readonly picker: TimeRangePicker;
  readonly histogram: Histogram;
  readonly status = rangeStatusElement();
  private zone: TimeZoneMode = 'local';

  constructor(
    private readonly host: TimeControlsHost,
    private readonly state: StateStore,
  ) {
    this.picker = new TimeRangePicker((range) => this.rangeChosen(range));
    this.histogram = new Histogram(
      {
        select: (from, to) => this.brush(timeRangeTerm(from, to, this.zone)),
        clear: () => this.brush(undefined),
        setCollapsed: (collapsed) => state.updateUi({ histogramCollapsed: collapsed }),
      },
      state.ui.histogramCollapsed === true,
    );
  }

  get range(): TimeRange | undefined {
    return this.picker.value;
  }

  /** The panel (re)opened: the host's range wins over the webview's remembered one. */
  init(columns: readonly ColumnDef[], range: TimeRange | undefined, zone: TimeZoneMode): void {
    this.zone = zone;
    this.picker.show(range ?? this.state.ui.timeRange, zone);
    this.histogram.setColumns(columns);
    if (range === undefined && this.state.ui.timeRange !== undefined) this.host.changed(this.host.query(), this.state.ui.timeRange);
  }

  setZone(zone: TimeZoneMode): void {
    this.zone = zone;
    this.picker.show(this.picker.value, zone);
    this.histogram.setZone(zone);
  }

  /** The rows shown changed (or only the status did: `version` and `key` tell which). */
  shown(rows: readonly LogRow[], shown: Uint32Array, view: { key: string; version: number; change?: RowChange }, status: PanelStatus | undefined): void {
    this.histogram.update(rows, shown, view.key, view.version, view.change);
    setText(this.status, rangeStatusText(this.picker.value, status, rows.at(-1)?.time, this.zone, Date.now()));
  }

  private rangeChosen(range: TimeRange | undefined): void {
    this.state.updateUi({ timeRange: range });
    this.host.changed(this.host.query(), range);
  }

  private brush(term: string | undefined): void {
    const query = withTimeRangeTerm(this.host.query(), term);
    if (query === this.host.query()) return;
    this.host.setQuery(query);
    this.host.changed(query, this.picker.value);
  }
}
