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

export function endpointStats(rows: Iterable<LogRow>, fields: RequestFields, template: readonly string[], now: number): EndpointStats {
  const midnight = new Date(now).setHours(0, 0, 0, 0);
  let calls = 0;
  let callsToday = 0;
  let failedToday = 0;
  let lastFailure: EndpointStats['lastFailure'];
  let lastCall: number | undefined;
  for (const row of rows) {
    const path = row.fields[fields.path];
    if (typeof path !== 'string' || !pathMatchesTemplate(path, template)) continue;
    const status = Number(row.fields[fields.status]);
    calls++;
    lastCall = Math.max(lastCall ?? row.time, row.time);
    const failed = Number.isFinite(status) && status >= 400;
    if (row.time >= midnight) {
      callsToday++;
      if (failed) failedToday++;
    }
    if (failed && (!lastFailure || row.time > lastFailure.time)) {
      lastFailure = { status, code: errorCode(row.fields[fields.response]), time: row.time };
    }
  }
  return { calls, callsToday, failedToday, lastFailure, lastCall };
}

/** Rows of several sources, de-duplicated by id (an open panel and the lens cache may hold the same rows). */
export function uniqueRows(sources: Iterable<readonly LogRow[]>): LogRow[] {
  const byId = new Map<string, LogRow>();
  for (const rows of sources) for (const row of rows) byId.set(row.id, row);
  return [...byId.values()];
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

/** `14:03` today, `Nov 27 14:03` before. */
export function formatClock(time: number, now: number): string {
  const date = new Date(time);
  const clock = `${String(date.getHours()).padStart(2, '0')}:${String(date.getMinutes()).padStart(2, '0')}`;
  const sameDay = new Date(now).toDateString() === date.toDateString();
  return sameDay ? clock : `${date.toLocaleString('en-US', { month: 'short', day: 'numeric' })} ${clock}`;
}
