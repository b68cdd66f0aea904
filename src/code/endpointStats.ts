/**
 * What the loaded logs know about one endpoint, and the CodeLens line that says it:
 * "Daily · 12 calls today · 3 failed · last 400 invalid-request-error 14:03". Pure.
 */
import type { LogRow } from '../protocol/streamDefinition';
import { splitPath } from './callSitePatterns';
import type { RequestFields } from './loggedRequest';
import { PathFold, midnightOf, segmentsMatch } from './pathFold';

export interface EndpointStats {
  /** Matching rows seen (any day). */
  readonly calls: number;
  readonly callsToday: number;
  readonly failedToday: number;
  /** The newest failure among the matching rows. */
  readonly lastFailure?: { readonly status: number; readonly code?: string; readonly time: number };
  /** The newest matching row. */
  readonly lastCall?: number;
}

/** `*` matches one segment; the lengths must agree. Version prefixes are ignored on both sides. */
export function pathMatchesTemplate(path: string, template: readonly string[]): boolean {
  return segmentsMatch(splitPath(path), template);
}

/** One endpoint's figures from the folds of disjoint row sets (the open panels', the lens cache's). */
export function statsFromFolds(folds: readonly PathFold[], template: readonly string[]): EndpointStats {
  let calls = 0;
  let callsToday = 0;
  let failedToday = 0;
  let lastCall: number | undefined;
  let failureRow: LogRow | undefined;
  let fields: RequestFields | undefined;
  for (const fold of folds) {
    for (const entry of fold.entriesOfLength(template.length)) {
      if (!segmentsMatch(entry.segments, template)) continue;
      calls += entry.calls;
      callsToday += entry.callsToday;
      failedToday += entry.failedToday;
      lastCall = Math.max(lastCall ?? entry.lastCall, entry.lastCall);
      if (entry.failureRow && (!failureRow || entry.failureRow.time > failureRow.time)) {
        failureRow = entry.failureRow;
        fields = fold.fields;
      }
    }
  }
  const lastFailure = failureRow &&
    fields && {
      status: Number(failureRow.fields[fields.status]),
      code: errorCode(failureRow.fields[fields.response]),
      time: failureRow.time,
    };
  return { calls, callsToday, failedToday, lastFailure, lastCall };
}

export function endpointStats(rows: Iterable<LogRow>, fields: RequestFields, template: readonly string[], now: number): EndpointStats {
  const fold = new PathFold(fields, midnightOf(now));
  fold.add(rows);
  return statsFromFolds([fold], template);
}

/** Daily `{"error":"invalid-request-error"}`, Lago `{"code":"validation_errors"}` or `{"error":"Not Found"}`. */
function errorCode(response: unknown): string | undefined {
  if (typeof response !== 'string' || !response.startsWith('{')) return undefined;
  try {
    const body = JSON.parse(response) as Record<string, unknown>;
    const code = body.error ?? body.code;
    return typeof code === 'string' ? code.slice(0, 60) : undefined;
  } catch {
    return undefined;
  }
}

export function lensText(label: string, stats: EndpointStats, formatClock: (time: number) => string): string {
  const parts = [label];
  if (stats.calls === 0) parts.push('no calls in the loaded logs');
  else {
    parts.push(`${stats.callsToday} call${stats.callsToday === 1 ? '' : 's'} today`);
    if (stats.failedToday > 0) parts.push(`${stats.failedToday} failed`);
    if (stats.lastFailure) {
      const { status, code, time } = stats.lastFailure;
      parts.push(`last ${status}${code ? ` ${code}` : ''} ${formatClock(time)}`);
    }
  }
  return parts.join(' · ');
}

const monthNames = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** `14:03` today, `Nov 27 14:03` before (month names by hand: the first `Intl` call costs a lens several ms). */
export function formatClock(time: number, now: number): string {
  const date = new Date(time);
  const clock = `${String(date.getHours()).padStart(2, '0')}:${String(date.getMinutes()).padStart(2, '0')}`;
  const today = new Date(now);
  const sameDay = today.getFullYear() === date.getFullYear() && today.getMonth() === date.getMonth() && today.getDate() === date.getDate();
  return sameDay ? clock : `${monthNames[date.getMonth()]} ${date.getDate()} ${clock}`;
}
