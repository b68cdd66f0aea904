import type { TimeZoneMode } from '../logTable';
import { withTerm } from './queryText';

const pad = (n: number): string => String(Math.abs(n)).padStart(2, '0');

/** ISO 8601 in the panel's zone: `2026-11-23T10:00:00Z`, or with the local offset (`…T11:00:00+01:00`). */
export function isoInZone(epochMs: number, zone: TimeZoneMode): string {
  const offsetMinutes = zone === 'utc' ? 0 : -new Date(epochMs).getTimezoneOffset();
  const wall = new Date(epochMs + offsetMinutes * 60_000).toISOString();
  const text = wall.endsWith('.000Z') ? wall.slice(0, 19) : wall.slice(0, 23);
  if (offsetMinutes === 0) return `${text}Z`;
  const sign = offsetMinutes > 0 ? '+' : '-';
  return `${text}${sign}${pad(Math.trunc(offsetMinutes / 60))}:${pad(offsetMinutes % 60)}`;
}

/** `time:FROM..TO`, both ends inclusive: a range term of the query language (bare, since a quoted value is text). */
export function timeRangeTerm(from: number, to: number, zone: TimeZoneMode): string {
  return `time:${isoInZone(from, zone)}..${isoInZone(to, zone)}`;
}

/** A `time:A..B` range term, quoted or bare (a relative `time:>-1h` is the user's and is left alone). */
const rangeTermPattern = /(^|\s)time:("[^"]*\.\.[^"]*"|[^\s"()]*\.\.[^\s"()]*)(?=\s|$)/gi;

/** The query with its time range terms replaced by `term` (or only removed). */
export function withTimeRangeTerm(query: string, term: string | undefined): string {
  const rest = query.replace(rangeTermPattern, ' ').replace(/\s+/g, ' ').trim();
  return term === undefined ? rest : withTerm(rest, term);
}

/** The bounds of the query's time range term, if any (NaN-free; an unreadable term counts as none). */
export function timeRangeOf(query: string): { readonly from: number; readonly to: number } | undefined {
  for (const match of query.matchAll(rangeTermPattern)) {
    const [from, to] = match[2].replace(/^"|"$/g, '').split('..').map((part) => Date.parse(part));
    if (!Number.isNaN(from) && !Number.isNaN(to)) return { from, to };
  }
  return undefined;
}
