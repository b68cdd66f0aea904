import type { JsonValue, LogRow } from '../../src/protocol/streamDefinition';

export interface ValueCount {
  readonly value: string;
  readonly count: number;
}

/** Numbers summarised instead of listed. */
export interface NumberSummary {
  readonly min: number;
  readonly median: number;
  readonly max: number;
  readonly count: number;
}

/** The text a value is filtered by: strings as they are, numbers and booleans as written; objects have none. */
export function filterText(value: JsonValue | undefined): string | undefined {
  if (value === undefined || value === null || typeof value === 'object') return undefined;
  return String(value);
}

/**
 * How often each value of `key` occurs in the rows at `shown` (every row when absent), most frequent first, at
 * most `limit`.
 */
export function topValues(rows: readonly LogRow[], shown: Uint32Array | undefined, key: string, limit: number): ValueCount[] {
  const counts = new Map<string | number | boolean, number>();
  const count = shown ? shown.length : rows.length;
  for (let i = 0; i < count; i++) {
    const value = rows[shown ? shown[i] : i].fields[key];
    if (value === undefined || value === null || typeof value === 'object') continue;
    counts.set(value, (counts.get(value) ?? 0) + 1);
  }
  return topOf(counts, limit);
}

/** The `limit` most frequent entries without sorting all of them (ip and url have tens of thousands). */
function topOf(counts: ReadonlyMap<string | number | boolean, number>, limit: number): ValueCount[] {
  const top: ValueCount[] = [];
  const before = (a: ValueCount, b: ValueCount) => a.count > b.count || (a.count === b.count && a.value < b.value);
  for (const [value, count] of counts) {
    if (top.length === limit && count < top[limit - 1].count) continue;
    const entry = { value: String(value), count };
    let at = top.length;
    while (at > 0 && before(entry, top[at - 1])) at--;
    if (at < limit) top.splice(at, 0, entry);
    if (top.length > limit) top.pop();
  }
  return top;
}

/** Min, median and max of the numeric values of `key` in the shown rows; `undefined` when there are none. */
export function numberSummary(rows: readonly LogRow[], shown: Uint32Array, key: string): NumberSummary | undefined {
  const numbers = new Float64Array(shown.length);
  let count = 0;
  for (let i = 0; i < shown.length; i++) {
    const value = rows[shown[i]].fields[key];
    if (typeof value === 'number' && Number.isFinite(value)) numbers[count++] = value;
  }
  if (count === 0) return undefined;
  const sorted = numbers.subarray(0, count).sort();
  return { min: sorted[0], median: sorted[Math.floor(count / 2)], max: sorted[count - 1], count };
}
