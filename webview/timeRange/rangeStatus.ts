import type { PanelStatus, TimeZoneMode } from '../../src/protocol/logTable';
import { resolveTimeRange, type TimeRange } from '../../src/protocol/timeRange';
import { formatTime } from '../format/formatTime';

/** A time in the status line: the clock alone when both ends are on the same day. */
function timeText(time: number, sameDay: boolean, zone: TimeZoneMode): string {
  const text = formatTime(time, zone);
  return sameDay ? text.slice(11, 16) : text.slice(5, 16);
}

/**
 * The status line's word on the time range: whether every row in it is loaded ("all rows 10:00–11:00 loaded"),
 * how far back the rows go ("loaded back to 10:23"), or how far paging has come.
 */
export function rangeStatusText(range: TimeRange | undefined, status: PanelStatus | undefined, oldest: number | undefined, zone: TimeZoneMode, now: number): string {
  if (!range || !status) return '';
  const bounds = resolveTimeRange(range, now);
  const from = bounds.from;
  const to = bounds.to ?? now;
  const sameDay = formatTime(from ?? to, zone).slice(0, 10) === formatTime(to, zone).slice(0, 10);
  const span = `${from === undefined ? 'the oldest' : timeText(from, sameDay, zone)}–${timeText(to, sameDay, zone)}`;
  if (status.activity === 'all' || status.activity === 'first') {
    const back = oldest === undefined ? '' : `, back to ${timeText(oldest, sameDay, zone)}`;
    return `paging through ${span}${back}…`;
  }
  if (!status.more) return `all rows ${span} loaded`;
  return oldest === undefined ? `rows ${span}: more available` : `rows ${span}: loaded back to ${timeText(oldest, sameDay, zone)} —`;
}

/** The status-line element holding that text. */
export function rangeStatusElement(): HTMLElement {
  const element = document.createElement('span');
  element.className = 'range-status';
  element.setAttribute('aria-live', 'polite');
  return element;
}
