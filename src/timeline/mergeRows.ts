import type { LogRow } from '../protocol/streamDefinition';

/**
 * Merges lists that are each newest first into one newest-first list. Stable: rows with the same time keep the
 * order of their lists (earlier list first), then their order within a list. Nothing is dropped or repeated.
 */
export function mergeNewestFirst(lists: readonly (readonly LogRow[])[]): LogRow[] {
  const nonEmpty = lists.filter((list) => list.length > 0);
  if (nonEmpty.length === 0) return [];
  if (nonEmpty.length === 1) return [...nonEmpty[0]];
  const half = nonEmpty.length >> 1;
  return mergeTwo(mergeNewestFirst(nonEmpty.slice(0, half)), mergeNewestFirst(nonEmpty.slice(half)));
}

/** `a` wins ties, so the merge keeps list order. */
function mergeTwo(a: readonly LogRow[], b: readonly LogRow[]): LogRow[] {
  const out: LogRow[] = new Array<LogRow>(a.length + b.length);
  let i = 0;
  let j = 0;
  let k = 0;
  while (i < a.length && j < b.length) out[k++] = b[j].time > a[i].time ? b[j++] : a[i++];
  while (i < a.length) out[k++] = a[i++];
  while (j < b.length) out[k++] = b[j++];
  return out;
}

/** Where rows that arrived go in a merged list, as the webview's `insert` (before a row) and `append` messages. */
export interface Placement {
  readonly inserts: readonly { readonly beforeRowId: string; readonly rows: readonly LogRow[] }[];
  readonly appended: readonly LogRow[];
}

/**
 * Places the new rows of `merged` (those `isNew` says) among the old ones: each run of new rows goes before the
 * old row that follows it, a run at the end is appended. The old rows keep their order, so the webview's list plus
 * these messages equals `merged`.
 */
export function placeNewRows(merged: readonly LogRow[], isNew: (row: LogRow) => boolean): Placement {
  const inserts: { beforeRowId: string; rows: LogRow[] }[] = [];
  let run: LogRow[] = [];
  for (const row of merged) {
    if (isNew(row)) run.push(row);
    else if (run.length > 0) {
      inserts.push({ beforeRowId: row.id, rows: run });
      run = [];
    }
  }
  return { inserts, appended: run };
}
