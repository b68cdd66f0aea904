import type { JsonValue, LogRow } from '../../src/protocol/streamDefinition';
import type { ValueCodes } from '../model/valueCodes';

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
 * How often each value occurs in the rows at `shown` (every row when absent), most frequent first, at most
 * `limit`; counted on the field's numbered values.
 */
export function topValues(codes: ValueCodes, shown: Uint32Array | undefined, limit: number): ValueCount[] {
  const counts = new Uint32Array(codes.values.length);
  const rowCodes = codes.codes;
  if (shown) {
    for (let i = 0; i < shown.length; i++) {
      const code = rowCodes[shown[i]];
      if (code >= 0) counts[code]++;
    }
  } else {
    for (let i = 0; i < codes.length; i++) if (rowCodes[i] >= 0) counts[rowCodes[i]]++;
  }
  return topOf(codes.values, counts, limit);
}

/** The `limit` most frequent entries without sorting all of them (ip and url have tens of thousands). */
function topOf(values: readonly (string | number | boolean)[], counts: Uint32Array, limit: number): ValueCount[] {
  const top: ValueCount[] = [];
  const before = (a: ValueCount, b: ValueCount) => a.count > b.count || (a.count === b.count && a.value < b.value);
  for (let id = 0; id < counts.length; id++) {
    const count = counts[id];
    if (count === 0 || (top.length === limit && count < top[limit - 1].count)) continue;
    const entry = { value: String(values[id]), count };
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
