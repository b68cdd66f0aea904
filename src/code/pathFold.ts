/**
 * The rows of one source folded by logged path as they arrive, so a lens only looks up paths and never walks rows.
 * Each path is split into segments once, when it is first seen; a template then compares segments with the paths
 * of its own length. Pure.
 */
import type { LogRow } from '../protocol/streamDefinition';
import { splitPath } from './callSitePatterns';
import type { RequestFields } from './loggedRequest';

export interface PathEntry {
  /** Without version prefix (`rooms`, `standup`, `presence`). */
  readonly segments: readonly string[];
  calls: number;
  callsToday: number;
  failedToday: number;
  /** The newest row's time. */
  lastCall: number;
  /** The newest failed row (status 400 or more). */
  failureRow?: LogRow;
}

export class PathFold {
  private readonly byPath = new Map<string, PathEntry>();
  /** Entries by segment count: a template only looks at paths as long as itself. */
  private readonly byLength = new Map<number, PathEntry[]>();

  /** `midnight`: the start of the day "today" counts from (local time). */
  constructor(
    readonly fields: RequestFields,
    readonly midnight: number,
  ) {}

  /** Folds rows in; `skip` leaves out rows that are folded already (held by another panel of the source). */
  add(rows: Iterable<LogRow>, skip?: (row: LogRow) => boolean): void {
    const { path: pathField, status: statusField } = this.fields;
    for (const row of rows) {
      const path = row.fields[pathField];
      if (typeof path !== 'string' || skip?.(row)) continue;
      const entry = this.byPath.get(path) ?? this.newEntry(path);
      const failed = Number(row.fields[statusField]) >= 400;
      entry.calls++;
      if (row.time > entry.lastCall) entry.lastCall = row.time;
      if (row.time >= this.midnight) {
        entry.callsToday++;
        if (failed) entry.failedToday++;
      }
      if (failed && (entry.failureRow === undefined || row.time > entry.failureRow.time)) entry.failureRow = row;
    }
  }

  /** The paths with `length` segments. */
  entriesOfLength(length: number): readonly PathEntry[] {
    return this.byLength.get(length) ?? [];
  }

  get paths(): number {
    return this.byPath.size;
  }

  private newEntry(path: string): PathEntry {
    const entry: PathEntry = { segments: splitPath(path), calls: 0, callsToday: 0, failedToday: 0, lastCall: -Infinity };
    this.byPath.set(path, entry);
    const sameLength = this.byLength.get(entry.segments.length);
    if (sameLength) sameLength.push(entry);
    else this.byLength.set(entry.segments.length, [entry]);
    return entry;
  }
}

/** The local midnight before `now`. */
export function midnightOf(now: number): number {
  return new Date(now).setHours(0, 0, 0, 0);
}

/** `*` matches one segment; the lengths must agree. */
export function segmentsMatch(segments: readonly string[], template: readonly string[]): boolean {
  if (segments.length !== template.length) return false;
  for (let i = 0; i < template.length; i++) if (template[i] !== '*' && template[i] !== segments[i]) return false;
  return true;
}
