import type { TimeZoneMode } from '../../src/protocol/logTable';
import { formatTime } from '../format/formatTime';
import { stepLabel } from './buckets';
import type { HistogramCounts } from './histogramCounts';

const numbers = new Intl.NumberFormat('en-US');
const count = (n: number): string => numbers.format(n);
const percent = (part: number, whole: number): string => `${whole === 0 ? 0 : Math.round((part / whole) * 100)}%`;

/** A time for sentences: the clock alone when the buckets are within a day, else date and clock. */
function when(time: number, counts: HistogramCounts, zone: TimeZoneMode): string {
  const text = formatTime(time, zone);
  const span = counts.edges[counts.edges.length - 1] - counts.edges[0];
  const clock = counts.step < 60_000 ? text.slice(11, 19) : text.slice(11, 16);
  return span > 86_400_000 ? `${text.slice(5, 10)} ${clock}` : clock;
}

/** "412 rows from 10:00 to 11:00, peak 37 at 10:42, 12% errors" for screen readers and the header. */
export function summaryText(counts: HistogramCounts | undefined, zone: TimeZoneMode): string {
  if (!counts || counts.total === 0) return 'No rows to chart';
  const peak = counts.peak();
  const errors = counts.errors.reduce((sum, n) => sum + n, 0);
  const from = when(counts.edges[0], counts, zone);
  const to = when(counts.edges[counts.edges.length - 1], counts, zone);
  return `${count(counts.total)} row${counts.total === 1 ? '' : 's'} from ${from} to ${to}, peak ${count(counts.totals[peak])} at ${when(counts.edges[peak], counts, zone)}, ${percent(errors, counts.total)} errors (${stepLabel(counts.step)} bars)`;
}

/** A bar's range and counts, for the tooltip and the keyboard's value text. */
export function bucketText(counts: HistogramCounts, bucket: number, zone: TimeZoneMode): string {
  const total = counts.totals[bucket];
  const width = counts.stacking.series.length;
  const parts = counts.stacking.series
    .map((series, index) => [series.label, counts.counts[bucket * width + index]] as const)
    .filter(([, n]) => n > 0)
    .map(([label, n]) => `${label} ${count(n)}`);
  const range = `${when(counts.edges[bucket], counts, zone)}–${when(counts.edges[bucket + 1], counts, zone)}`;
  const detail = parts.length > 0 ? `: ${parts.join(', ')}` : '';
  return `${range} · ${count(total)} ${total === 1 ? 'row' : 'rows'}${detail} · ${percent(counts.errors[bucket], total)} errors`;
}
