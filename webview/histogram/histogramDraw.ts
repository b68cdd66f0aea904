import type { TimeZoneMode } from '../../src/protocol/logTable';
import { formatTime } from '../format/formatTime';
import type { HistogramCounts } from './histogramCounts';

/** Theme colours, resolved from the table's own tone classes and --vscode-* variables. */
export interface Palette {
  readonly series: readonly string[];
  readonly errorLine: string;
  readonly axis: string;
  readonly selection: string;
  readonly focus: string;
  readonly font: string;
}

export interface Marks {
  readonly hover?: number;
  /** The keyboard's current bar, outlined while the plot has focus. */
  readonly focus?: number;
  /** Bars [first, last] being brushed. */
  readonly selection?: readonly [number, number];
}

export interface Size {
  /** CSS pixels. */
  readonly width: number;
  readonly height: number;
  readonly ratio: number;
}

/** CSS pixels under the bars for the time labels. */
const axisBand = 14;

/** The x of an edge time in device pixels, rounded so bar edges are crisp at any device pixel ratio. */
export function edgeX(counts: HistogramCounts, time: number, deviceWidth: number): number {
  const edges = counts.edges;
  const span = edges[edges.length - 1] - edges[0];
  return Math.round(((time - edges[0]) / span) * deviceWidth);
}

/** The bar under a CSS x, or -1. */
export function barAt(counts: HistogramCounts, cssX: number, cssWidth: number): number {
  const edges = counts.edges;
  const time = edges[0] + (cssX / cssWidth) * (edges[edges.length - 1] - edges[0]);
  for (let i = 0; i < edges.length - 1; i++) if (time < edges[i + 1]) return time >= edges[i] ? i : -1;
  return -1;
}

/** Draws stacked bars, the error-rate line, marks and time labels on a canvas sized `size` × ratio. */
export function drawHistogram(context: CanvasRenderingContext2D, counts: HistogramCounts, size: Size, palette: Palette, marks: Marks, zone: TimeZoneMode): void {
  const { ratio } = size;
  const width = Math.round(size.width * ratio);
  const plotHeight = Math.max(1, Math.round((size.height - axisBand) * ratio));
  context.clearRect(0, 0, width, Math.round(size.height * ratio));
  const lefts = new Int32Array(counts.buckets + 1);
  for (let bucket = 0; bucket <= counts.buckets; bucket++) lefts[bucket] = edgeX(counts, counts.edges[bucket], width);
  if (marks.selection) {
    context.globalAlpha = 0.3;
    context.fillStyle = palette.selection;
    const [first, last] = marks.selection;
    context.fillRect(lefts[first], 0, lefts[last + 1] - lefts[first], plotHeight);
    context.globalAlpha = 1;
  }
  drawBars(context, counts, lefts, plotHeight, palette, ratio);
  for (const bar of [marks.hover, marks.focus]) {
    if (bar !== undefined && bar < counts.buckets) outline(context, lefts[bar], barWidth(lefts, bar, ratio), plotHeight, palette.focus, ratio);
  }
  drawErrorRate(context, counts, lefts, plotHeight, palette.errorLine, ratio);
  drawLabels(context, counts, width, plotHeight, palette, ratio, zone);
}

/** A bar's width in device pixels, with a one-pixel gap once bars are wide enough to show it. */
function barWidth(lefts: Int32Array, bucket: number, ratio: number): number {
  const span = lefts[bucket + 1] - lefts[bucket];
  return Math.max(1, span - (span >= 3 ? Math.round(ratio) : 0));
}

/** One path and one fill per series (the colour is set a handful of times, not once per segment). */
function drawBars(context: CanvasRenderingContext2D, counts: HistogramCounts, lefts: Int32Array, plotHeight: number, palette: Palette, ratio: number): void {
  const max = Math.max(1, ...counts.totals);
  const seriesCount = counts.stacking.series.length;
  const below = new Float64Array(counts.buckets);
  const base = new Float64Array(counts.buckets).fill(plotHeight);
  for (let series = 0; series < seriesCount; series++) {
    context.fillStyle = palette.series[series];
    context.beginPath();
    for (let bucket = 0; bucket < counts.buckets; bucket++) {
      const count = counts.counts[bucket * seriesCount + series];
      if (count === 0) continue;
      below[bucket] += count;
      const top = plotHeight - Math.round((below[bucket] / max) * plotHeight);
      context.rect(lefts[bucket], top, barWidth(lefts, bucket, ratio), Math.max(1, base[bucket] - top));
      base[bucket] = top;
    }
    context.fill();
  }
}

function outline(context: CanvasRenderingContext2D, left: number, width: number, height: number, colour: string, ratio: number): void {
  const line = Math.max(1, Math.round(ratio));
  context.strokeStyle = colour;
  context.lineWidth = line;
  context.setLineDash([]);
  context.strokeRect(left + line / 2, line / 2, Math.max(line, width - line), height - line);
}

/** The share of error rows per bucket, 0 % at the bottom to 100 % at the top, dashed over the bars. */
function drawErrorRate(context: CanvasRenderingContext2D, counts: HistogramCounts, lefts: Int32Array, height: number, colour: string, ratio: number): void {
  context.strokeStyle = colour;
  context.lineWidth = Math.max(1, Math.round(1.5 * ratio));
  context.setLineDash([4 * ratio, 2 * ratio]);
  context.beginPath();
  let drawing = false;
  for (let bucket = 0; bucket < counts.buckets; bucket++) {
    const total = counts.totals[bucket];
    if (total === 0) {
      drawing = false;
      continue;
    }
    const x = (lefts[bucket] + lefts[bucket + 1]) / 2;
    const y = Math.round(height - (counts.errors[bucket] / total) * (height - ratio)) - 0.5;
    if (drawing) context.lineTo(x, y);
    else context.moveTo(x, y);
    drawing = true;
  }
  context.stroke();
  context.setLineDash([]);
}

function drawLabels(context: CanvasRenderingContext2D, counts: HistogramCounts, width: number, top: number, palette: Palette, ratio: number, zone: TimeZoneMode): void {
  context.fillStyle = palette.axis;
  context.font = palette.font.replace(/^(\d+(?:\.\d+)?)px/, (_, px: string) => `${Number(px) * ratio}px`);
  context.textBaseline = 'top';
  const labelWidth = context.measureText(edgeLabel(counts.edges[0], counts.step, zone)).width + 12 * ratio;
  const every = Math.max(1, Math.ceil(labelWidth / Math.max(1, width / counts.buckets)));
  for (let bucket = 0; bucket < counts.buckets; bucket += every) {
    const x = edgeX(counts, counts.edges[bucket], width);
    if (x + labelWidth > width) break;
    context.fillRect(x, top, Math.max(1, Math.round(ratio)), Math.round(3 * ratio));
    context.fillText(edgeLabel(counts.edges[bucket], counts.step, zone), x + 4 * ratio, top + 2 * ratio);
  }
}

/** A bucket edge as a label: the date for days, the clock (with seconds for second buckets) otherwise. */
export function edgeLabel(time: number, step: number, zone: TimeZoneMode): string {
  const text = formatTime(time, zone);
  if (step >= 86_400_000) return text.slice(5, 10);
  return step >= 60_000 ? text.slice(11, 16) : text.slice(11, 19);
}
