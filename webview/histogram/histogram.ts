import '../styles/histogram.css';
import type { TimeZoneMode } from '../../src/protocol/logTable';
import type { ColumnDef, LogRow } from '../../src/protocol/streamDefinition';
import { button } from '../controls/toolkit';
import { setAttribute, setText } from '../panel/domWrites';
import { barBudget, zoneOffset } from './buckets';
import { HistogramCounts, stackingFor, type Stacking } from './histogramCounts';
import { barAt, drawHistogram, type Marks, type Palette } from './histogramDraw';
import { PlotInput } from './histogramInput';
import { PaletteReader } from './histogramPalette';
import { bucketText, summaryText } from './histogramText';
import { RowColumnCache, type RowChange, type RowColumns } from './rowColumns';

export interface HistogramActions {
  /** Bars were clicked, dragged across or chosen by keyboard: rows from `from` to `to` (inclusive). */
  select(from: number, to: number): void;
  clear(): void;
  setCollapsed(collapsed: boolean): void;
}

export type { RowChange } from './rowColumns';

/** CSS pixels; the same as `.histogram-canvas` in histogram.css (not read back, which would force a layout). */
const plotHeight = 72;
/** CSS pixels: a canvas wider than any screen would only cost memory. */
const maxCanvasWidth = 8192;

/**
 * The volume histogram above the grid: the shown rows per time bucket, stacked by severity or status class, with
 * the error rate; drawn on a canvas once per animation frame, crisp at the device pixel ratio.
 */
export class Histogram {
  readonly element = document.createElement('section');
  private readonly canvas = document.createElement('canvas');
  private readonly summary = document.createElement('span');
  private readonly tooltip = document.createElement('div');
  private readonly legend = document.createElement('span');
  private readonly body = document.createElement('div');
  private readonly toggle: HTMLElement;
  private readonly palette = new PaletteReader();
  private readonly input: PlotInput;
  private stacking: Stacking = stackingFor([]);
  private counts: HistogramCounts | undefined;
  private zone: TimeZoneMode = 'local';
  private marks: Marks = {};
  private frame = 0;
  private last: { rows: readonly LogRow[]; shown: Uint32Array; key: string; version: number; length: number; change?: RowChange } | undefined;
  private readonly rowColumns = new RowColumnCache();
  private width = 0;
  private colours: Palette | undefined;

  constructor(private readonly actions: HistogramActions, private collapsed: boolean) {
    this.element.className = 'histogram';
    this.element.setAttribute('aria-label', 'Log volume');
    this.summary.className = 'histogram-summary';
    this.summary.id = 'histogram-summary';
    this.legend.className = 'histogram-legend';
    this.legend.setAttribute('aria-hidden', 'true');
    this.toggle = button('Histogram', 'icon', () => this.setCollapsed(!this.collapsed));
    this.toggle.classList.add('histogram-toggle');
    this.toggle.setAttribute('aria-label', 'Histogram');
    const header = document.createElement('div');
    header.className = 'histogram-header';
    header.append(this.toggle, this.summary, this.legend);
    this.canvas.className = 'histogram-canvas';
    this.canvas.tabIndex = 0;
    this.canvas.setAttribute('role', 'slider');
    this.canvas.setAttribute('aria-label', 'Log volume per time bucket: arrow keys move between bars, Enter selects, Escape clears');
    this.canvas.setAttribute('aria-describedby', this.summary.id);
    this.tooltip.className = 'histogram-tooltip';
    this.tooltip.setAttribute('role', 'tooltip');
    this.tooltip.hidden = true;
    this.body.className = 'histogram-body';
    this.body.append(this.canvas, this.tooltip, this.palette.element);
    this.element.append(header, this.body);
    this.input = new PlotInput(this.canvas, {
      barAt: (x) => (this.counts ? barAt(this.counts, x, this.width) : -1),
      bars: () => this.counts?.buckets ?? 0,
      hover: (bar, x) => this.hover(bar, x),
      mark: (selection, focus) => this.mark({ ...this.marks, selection, focus }),
      select: (first, last) => this.counts && actions.select(this.counts.edges[first], this.counts.edges[last + 1]),
      clear: () => actions.clear(),
    });
    new ResizeObserver((entries) => this.resized(entries[0].contentRect.width)).observe(this.body);
    const theme = new MutationObserver(() => this.themeChanged());
    theme.observe(document.body, { attributes: true, attributeFilter: ['class'] });
    theme.observe(document.documentElement, { attributes: true, attributeFilter: ['style', 'class'] });
    this.applyCollapsed();
  }

  setColumns(columns: readonly ColumnDef[]): void {
    this.stacking = stackingFor(columns);
    this.colours = undefined;
    this.legend.replaceChildren(...this.stacking.series.map((series) => legendItem(series.label, series.tone)), legendItem('error rate', 'histogram-error-line'));
    this.rebuild();
  }

  setZone(zone: TimeZoneMode): void {
    this.zone = zone;
    this.rebuild();
  }

  /**
   * The shown rows changed. `key` names everything that decides which rows are shown besides the rows themselves
   * (query, level toggles), and `version` changes with the rows: when only rows were added under the same key,
   * just those rows are counted; when neither changed, nothing is.
   */
  update(rows: readonly LogRow[], shown: Uint32Array, key: string, version: number, change?: RowChange): void {
    const last = this.last;
    this.last = { rows, shown, key, version, length: rows.length, change };
    if (last && last.version === version && (last.key === key || last.shown === shown)) return;
    const added = last && last.key === key && change && followsOn(last.length, rows.length, change) ? newlyShown(shown, change, rows.length) : undefined;
    if (!added || !this.counts?.add(this.rowColumns.get(rows, version, this.stacking, change), added)) this.rebuild(true);
    else this.changed();
  }

  /** Counts and draws now (the benchmark's measure; the panel draws once per animation frame). */
  render(): void {
    cancelAnimationFrame(this.frame);
    this.frame = 0;
    const ratio = window.devicePixelRatio || 1;
    const height = plotHeight;
    const deviceWidth = Math.round(this.width * ratio);
    const deviceHeight = Math.round(height * ratio);
    if (this.canvas.width !== deviceWidth || this.canvas.height !== deviceHeight) {
      this.canvas.width = deviceWidth;
      this.canvas.height = deviceHeight;
    }
    const context = this.canvas.getContext('2d');
    if (!context || !this.counts || this.collapsed) {
      context?.clearRect(0, 0, deviceWidth, deviceHeight);
      return;
    }
    this.colours ??= this.palette.read(this.stacking.series);
    drawHistogram(context, this.counts, { width: this.width, height, ratio }, this.colours, this.marks, this.zone);
  }

  /** The theme changed: colours are read again on the next frame. */
  private themeChanged(): void {
    this.colours = undefined;
    this.schedule();
  }

  private columnsOf(): RowColumns | undefined {
    const last = this.last;
    return last && this.rowColumns.get(last.rows, last.version, this.stacking, last.change);
  }

  /**
   * Counts the shown rows again. When only the shown rows changed (zone, series and width are as drawn), bars that
   * come out the same as drawn (typing that keeps the rows) are neither redrawn nor described again.
   */
  private rebuild(onlyRowsChanged = false): void {
    const columns = this.columnsOf();
    const counts = columns && this.last ? HistogramCounts.build(columns, this.last.shown, this.stacking, zoneOffset(this.zone), barBudget(this.width || 600)) : undefined;
    this.input.reset();
    if (onlyRowsChanged && (counts ? counts.sameBars(this.counts) : !this.counts)) return;
    this.counts = counts;
    this.changed();
  }

  private changed(): void {
    setText(this.summary, summaryText(this.counts, this.zone));
    const bars = this.counts?.buckets ?? 0;
    setAttribute(this.canvas, 'aria-valuemin', '0');
    setAttribute(this.canvas, 'aria-valuemax', String(Math.max(0, bars - 1)));
    this.describeFocus();
    this.schedule();
  }

  private describeFocus(): void {
    const focus = this.input.focused();
    setAttribute(this.canvas, 'aria-valuenow', String(focus));
    setAttribute(this.canvas, 'aria-valuetext', this.counts && this.counts.buckets > 0 ? bucketText(this.counts, focus, this.zone) : 'No rows');
  }

  private mark(marks: Marks): void {
    this.marks = marks;
    this.describeFocus();
    this.schedule();
  }

  private hover(bar: number | undefined, x: number): void {
    this.tooltip.hidden = bar === undefined || !this.counts;
    if (bar !== undefined && this.counts) {
      this.tooltip.textContent = bucketText(this.counts, bar, this.zone);
      const left = Math.min(Math.max(0, x + 12), Math.max(0, this.width - this.tooltip.offsetWidth));
      this.tooltip.style.left = `${left}px`;
    }
    this.mark({ ...this.marks, hover: bar });
  }

  private schedule(): void {
    if (this.frame === 0) this.frame = requestAnimationFrame(() => this.render());
  }

  private resized(observed: number): void {
    const width = Math.min(observed, maxCanvasWidth);
    if (width === this.width) return;
    const budgetChanged = barBudget(width) !== barBudget(this.width);
    this.width = width;
    if (budgetChanged) this.rebuild();
    else this.schedule();
  }

  private setCollapsed(collapsed: boolean): void {
    this.collapsed = collapsed;
    this.applyCollapsed();
    this.actions.setCollapsed(collapsed);
    this.schedule();
  }

  private applyCollapsed(): void {
    this.body.hidden = this.collapsed;
    this.legend.hidden = this.collapsed;
    this.toggle.setAttribute('aria-expanded', String(!this.collapsed));
    this.toggle.textContent = this.collapsed ? '▸ Histogram' : '▾ Histogram';
  }
}

function followsOn(before: number, after: number, change: RowChange): boolean {
  return change.mode === 'append' ? change.from === before : after - change.count === before;
}

/**
 * Store indices of the shown rows that the change added (indices are positions after the change). In the host's
 * order the new rows sit at the end (older pages) or the start (live tail), so the scan starts there and stops once
 * every new row is found; a sorted or filtered view falls back to a full scan.
 */
function newlyShown(shown: Uint32Array, change: RowChange, rowCount: number): Uint32Array {
  const added = change.mode === 'append' ? rowCount - change.from : change.count;
  const out = new Uint32Array(added);
  let found = 0;
  if (change.mode === 'append') {
    for (let i = shown.length - 1; i >= 0 && found < added; i--) if (shown[i] >= change.from) out[found++] = shown[i];
  } else {
    for (let i = 0; i < shown.length && found < added; i++) if (shown[i] < change.count) out[found++] = shown[i];
  }
  return out.subarray(0, found);
}

function legendItem(label: string, tone: string): HTMLElement {
  const item = document.createElement('span');
  item.className = `histogram-legend-item ${tone}`;
  const swatch = document.createElement('span');
  swatch.className = 'histogram-swatch';
  const text = document.createElement('span');
  text.className = 'histogram-legend-label';
  text.textContent = label;
  item.append(swatch, text);
  return item;
}
