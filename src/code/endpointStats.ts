/**
 * What the loaded logs know about one endpoint, and the CodeLens line that says it:
 * "Daily · 12 calls today · 3 failed · last 400 invalid-request-error 14:03". Pure.
 */
import type { LogRow } from '../protocol/streamDefinition';
import { splitPath } from './callSitePatterns';
import type { RequestFields } from './loggedRequest';

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
  const segments = splitPath(path);
  return segments.length === template.length && template.every((part, i) => part === '*' || part === segments[i]);
}

/** The rows of one source folded by logged path: one pass with a map lookup per row, shared by every lens. */
export type PathSummaries = ReadonlyMap<string, EndpointStats & { readonly failureRow?: LogRow }>;

export function summarizeByPath(rows: Iterable<LogRow>, fields: RequestFields, now: number): PathSummaries {
  const midnight = new Date(now).setHours(0, 0, 0, 0);
  const byPath = new Map<string, { calls: number; callsToday: number; failedToday: number; lastCall?: number; failureRow?: LogRow }>();
  for (const row of rows) {
    const path = row.fields[fields.path];
    if (typeof path !== 'string') continue;
    let entry = byPath.get(path);
    if (!entry) byPath.set(path, (entry = { calls: 0, callsToday: 0, failedToday: 0 }));
    const failed = Number(row.fields[fields.status]) >= 400;
    entry.calls++;
    entry.lastCall = Math.max(entry.lastCall ?? row.time, row.time);
    if (row.time >= midnight) {
      entry.callsToday++;
      if (failed) entry.failedToday++;
    }
    if (failed && (!entry.failureRow || row.time > entry.failureRow.time)) entry.failureRow = row;
  }
  return byPath;
}

/** One endpoint's figures from per-path summaries (of disjoint row sets: an open panel's, the lens cache's). */
export function statsFromSummaries(sources: readonly PathSummaries[], fields: RequestFields, template: readonly string[]): EndpointStats {
  let calls = 0;
  let callsToday = 0;
  let failedToday = 0;
  let lastCall: number | undefined;
  let failureRow: LogRow | undefined;
  for (const [path, entry] of sources.flatMap((summaries) => [...summaries])) {
    if (!pathMatchesTemplate(path, template)) continue;
    calls += entry.calls;
    callsToday += entry.callsToday;
    failedToday += entry.failedToday;
    if (entry.lastCall !== undefined) lastCall = Math.max(lastCall ?? entry.lastCall, entry.lastCall);
    if (entry.failureRow && (!failureRow || entry.failureRow.time > failureRow.time)) failureRow = entry.failureRow;
  }
  const lastFailure = failureRow && {
    status: Number(failureRow.fields[fields.status]),
    code: errorCode(failureRow.fields[fields.response]),
    time: failureRow.time,
  };
  return { calls, callsToday, failedToday, lastFailure, lastCall };
}

export function endpointStats(rows: Iterable<LogRow>, fields: RequestFields, template: readonly string[], now: number): EndpointStats {
  return statsFromSummaries([summarizeByPath(rows, fields, now)], fields, template);
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
