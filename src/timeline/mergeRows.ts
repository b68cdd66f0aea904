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
