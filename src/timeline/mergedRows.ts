import type { LogRow } from '../protocol/streamDefinition';
import type { HostNotification } from '../protocol/logTable';
import { mergeNewestFirst } from './mergeRows';

/** What the webview is told so that its list stays the merged list. */
export type RowChange = Extract<HostNotification, { type: 'rows' | 'dropOldest' }>;

/** A source's rows sorted newest first, ties in the session's order (the rank a row keeps within its source). */
export function sortedNewestFirst(rows: readonly LogRow[]): LogRow[] {
  return [...rows].sort((a, b) => b.time - a.time);
}

/** The source index a merged row id starts with (`3~log-17` is source 3), read without splitting the string. */
export function sourceIndexOf(row: LogRow): number {
  const id = row.id;
  let index = 0;
  for (let i = 0; i < id.length; i++) {
    const code = id.charCodeAt(i);
    if (code < 48 || code > 57) break;
    index = index * 10 + code - 48;
  }
  return index;
}

/** Inserts cost the webview a copy of its list each; past this many a rewrite of the list's tail is cheaper. */
const maxInserts = 4;

/**
 * The merged rows of a timeline in one order: newest first, ties by source (earlier first), then by the row's rank
 * in its own source. It is exactly `mergeNewestFirst` of every source's rows sorted newest first, but a page of one
 * source (older rows, live-tail rows, rows dropped for `maxRows`) changes only the span of times it touches, and the
 * changes come with the messages that bring the webview's list to the same order.
 */
export class MergedRows {
  private list: LogRow[] = [];

  constructor(private readonly sourceCount: number) {}

  get rows(): readonly LogRow[] {
    return this.list;
  }

  /**
   * Rows new to `source`: before its other rows in the session's order (live tail, `prepend`) or after them (older
   * pages, `append`). Only the merged rows between the new rows' newest and oldest times are merged again.
   */
  add(source: number, rows: readonly LogRow[], side: 'before' | 'after'): RowChange[] {
    if (rows.length === 0) return [];
    const added = sortedNewestFirst(rows);
    const newest = added[0].time;
    const oldest = added[added.length - 1].time;
    const from = firstIndex(this.list, (row) => row.time <= newest);
    const to = firstIndex(this.list, (row) => row.time < oldest);
    const addedFirstOnTie = (existing: LogRow): boolean => {
      const other = sourceIndexOf(existing);
      return source < other || (source === other && side === 'before');
    };
    const span = mergeSpan(this.list.slice(from, to), added, addedFirstOnTie);
    const before = this.list;
    this.list = from === 0 && to === before.length ? span : before.slice(0, from).concat(span, before.slice(to));
    return placement(before, this.list, from, span, new Set(added));
  }

  /** Every row of `source` anew (a new first page: the webview's list is replaced). */
  replaceSource(source: number, rows: readonly LogRow[]): RowChange[] {
    this.rebuild(source, rows);
    return [{ type: 'rows', mode: 'replace', rows: this.list }];
  }

  /**
   * Rows put in the middle of a source's order (a filled live-tail gap): rare, so the source is merged again in full,
   * and the new rows are placed among the shown ones.
   */
  insertIntoSource(source: number, sessionRows: readonly LogRow[], added: readonly LogRow[]): RowChange[] {
    const before = this.list;
    this.rebuild(source, sessionRows);
    return placement(before, this.list, 0, this.list, new Set(added));
  }

  /**
   * `count` rows of `source` that `isGone` says left its session (dropped for `maxRows`; its oldest, so the search
   * runs from the end). The webview drops the merged tail from the first of them and gets the rest of it back.
   */
  remove(source: number, count: number, isGone: (row: LogRow) => boolean): RowChange[] {
    const list = this.list;
    let found = 0;
    let first = list.length;
    for (let i = list.length - 1; i >= 0 && found < count; i--) {
      if (sourceIndexOf(list[i]) === source && isGone(list[i])) {
        found++;
        first = i;
      }
    }
    if (found === 0) return [];
    const kept = list.slice(first).filter((row) => sourceIndexOf(row) !== source || !isGone(row));
    this.list = list.slice(0, first).concat(kept);
    const changes: RowChange[] = [{ type: 'dropOldest', count: list.length - first }];
    if (kept.length > 0) changes.push({ type: 'rows', mode: 'append', rows: kept });
    return changes;
  }

  private rebuild(source: number, rows: readonly LogRow[]): void {
    const lists = Array.from({ length: this.sourceCount }, (): LogRow[] => []);
    for (const row of this.list) {
      const index = sourceIndexOf(row);
      if (index !== source) lists[index].push(row);
    }
    lists[source] = sortedNewestFirst(rows);
    this.list = mergeNewestFirst(lists);
  }
}

/** The first index of a newest-first list where `reached` holds (it holds from there on); the length when nowhere. */
function firstIndex(list: readonly LogRow[], reached: (row: LogRow) => boolean): number {
  let low = 0;
  let high = list.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (reached(list[middle])) high = middle;
    else low = middle + 1;
  }
  return low;
}

/** Merges a span of merged rows with a source's new rows (both in merged order). */
function mergeSpan(span: readonly LogRow[], added: readonly LogRow[], addedFirstOnTie: (existing: LogRow) => boolean): LogRow[] {
  const out = new Array<LogRow>(span.length + added.length);
  let i = 0;
  let j = 0;
  let k = 0;
  while (i < span.length && j < added.length) {
    const existing = span[i];
    const next = added[j];
    const takeAdded = next.time > existing.time || (next.time === existing.time && addedFirstOnTie(existing));
    out[k++] = takeAdded ? added[j++] : span[i++];
  }
  while (i < span.length) out[k++] = span[i++];
  while (j < added.length) out[k++] = added[j++];
  return out;
}

/**
 * The messages that turn the webview's `before` list into `after`, where `after[from…]` starts with `span` and only
 * the rows in `fresh` are new: a run at the top is a `prepend`, one at the end an `append`, the others `insert`s
 * before the old row that follows them. Many runs become one rewrite of the tail instead.
 */
function placement(before: readonly LogRow[], after: readonly LogRow[], from: number, span: readonly LogRow[], fresh: ReadonlySet<LogRow>): RowChange[] {
  const runs: { at: number; rows: LogRow[] }[] = [];
  let run: LogRow[] | undefined;
  for (let i = 0; i < span.length; i++) {
    if (!fresh.has(span[i])) {
      run = undefined;
      continue;
    }
    if (!run) runs.push({ at: from + i, rows: (run = []) });
    run.push(span[i]);
  }
  if (runs.length > maxInserts) {
    // The rows above the first run are old ones in their old order, so the old list is rewritten from there.
    const start = runs[0].at;
    if (start === 0) return [{ type: 'rows', mode: 'replace', rows: after }];
    const rewrite: RowChange = { type: 'rows', mode: 'append', rows: after.slice(start) };
    return before.length > start ? [{ type: 'dropOldest', count: before.length - start }, rewrite] : [rewrite];
  }
  return runs.map(({ at, rows }): RowChange => {
    if (at === 0) return { type: 'rows', mode: 'prepend', rows };
    const next = after[at + rows.length];
    return next === undefined ? { type: 'rows', mode: 'append', rows } : { type: 'rows', mode: 'insert', beforeRowId: next.id, rows };
  });
}
