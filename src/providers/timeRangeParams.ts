import type { FilterValues, StreamId } from '../protocol/streamDefinition';
import { isWithinRange, type ResolvedTimeRange } from '../protocol/timeRange';
import type { Page } from './connection';

/**
 * How each stream honours a panel's time range. Streams whose API has time parameters get them (intersected with
 * the user's own date filters); Daily's `/logs/api` has none, so its rows are paged from the newest until a page
 * reaches past the range start. Every stream drops the rows outside the exact range locally.
 */

/** Streams without server-side time parameters: the session pages older until past the range start. */
export const walkedTimeRangeStreams: ReadonlySet<StreamId> = new Set<StreamId>(['daily.api', 'daily.webhook']);

const dayMs = 86_400_000;

/** `YYYY-MM-DD` of an epoch-ms instant, in UTC (the API compares dates at 00:00Z). */
export function utcDay(epochMs: number): string {
  return new Date(epochMs).toISOString().slice(0, 10);
}

/** The later of two optional bounds (a range start narrowing a filter's start). */
function later(a: number | undefined, b: number | undefined): number | undefined {
  return a === undefined ? b : b === undefined ? a : Math.max(a, b);
}

function earlier(a: number | undefined, b: number | undefined): number | undefined {
  return a === undefined ? b : b === undefined ? a : Math.min(a, b);
}

/** A date or datetime filter as epoch ms (dates at 00:00Z); undefined when empty or unreadable. */
function filterMs(filters: FilterValues, key: string): number | undefined {
  const value = filters[key];
  if (typeof value === 'number') return value;
  if (typeof value !== 'string' || value.trim() === '') return undefined;
  const ms = Date.parse(/^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T00:00:00Z` : value);
  return Number.isNaN(ms) ? undefined : ms;
}

/**
 * Lago's whole-day bounds for a range: `from_date` is the UTC day of the start; `to_date` is exclusive at 00:00Z,
 * so the day after the end's day is sent. The user's own `to_date` filter is already such an exclusive day.
 */
export function lagoDays(range: ResolvedTimeRange, fromFilter?: string, exclusiveToFilter?: string): { from?: string; to?: string } {
  const from = range.from === undefined ? fromFilter : laterDay(fromFilter, utcDay(range.from));
  const rangeTo = range.to === undefined ? undefined : utcDay(range.to + dayMs);
  const to = rangeTo === undefined ? exclusiveToFilter : exclusiveToFilter === undefined ? rangeTo : [exclusiveToFilter, rangeTo].sort()[0];
  return { from, to };
}

function laterDay(filterDay: string | undefined, rangeDay: string): string {
  return filterDay !== undefined && filterDay > rangeDay ? filterDay : rangeDay;
}

/**
 * SignalWire's `created_after`/`created_before` (exclusive bounds, ISO 8601) for a range and the user's filters:
 * the range is inclusive, so its bounds are widened by a millisecond.
 */
export function signalwireBounds(filters: FilterValues, range: ResolvedTimeRange): { after?: string; before?: string } {
  const after = later(filterMs(filters, 'created_after'), range.from === undefined ? undefined : range.from - 1);
  const before = earlier(filterMs(filters, 'created_before'), range.to === undefined ? undefined : range.to + 1);
  return { after: after === undefined ? undefined : new Date(after).toISOString(), before: before === undefined ? undefined : new Date(before).toISOString() };
}

/** Daily meeting logs' `startTime`/`endTime` (epoch ms, inclusive) for a range and the user's filters. */
export function meetingBounds(filters: FilterValues, range: ResolvedTimeRange): { start?: number; end?: number } {
  return { start: later(filterMs(filters, 'startTime'), range.from), end: earlier(filterMs(filters, 'endTime'), range.to) };
}

/**
 * A decoded page cut to the range: rows outside it are dropped, and a page holding a row older than the range
 * start ends the paging (rows come newest first, so nothing older can be in range).
 */
export function withinRange(page: Page, range: ResolvedTimeRange | undefined): Page {
  if (range === undefined || (range.from === undefined && range.to === undefined)) return page;
  const rows = page.rows.filter((row) => isWithinRange(row.time, range));
  const from = range.from;
  const pastStart = from !== undefined && page.rows.some((row) => row.time < from);
  return { ...page, rows, next: pastStart ? undefined : page.next };
}
