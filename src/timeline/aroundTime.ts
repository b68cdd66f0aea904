import type { TimeZoneMode } from '../protocol/logTable';
import { timeRangeTerm, withTimeRangeTerm } from '../protocol/query/timeRangeTerm';

/** The spans *Show Around This Time* offers, in seconds either side of the row. */
export const aroundSpans: readonly number[] = [5, 30, 60, 300, 900];

export function spanLabel(seconds: number): string {
  return seconds < 60 ? `± ${seconds} seconds` : `± ${seconds / 60} minute${seconds === 60 ? '' : 's'}`;
}

/** The bounds ±`seconds` around `time`, widened to whole seconds so the term reads without milliseconds. */
export function aroundRange(time: number, seconds: number): { readonly from: number; readonly to: number } {
  return { from: Math.floor((time - seconds * 1000) / 1000) * 1000, to: Math.ceil((time + seconds * 1000) / 1000) * 1000 };
}

/**
 * The query with its time range replaced by ±`seconds` around `time`: a visible `time:A..B` term the user can edit,
 * keeping every other term (a relative `time:>-1h` stays the user's).
 */
export function aroundTimeQuery(query: string, time: number, seconds: number, zone: TimeZoneMode): string {
  const { from, to } = aroundRange(time, seconds);
  return withTimeRangeTerm(query, timeRangeTerm(from, to, zone));
}
