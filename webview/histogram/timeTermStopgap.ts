import type { LogRow } from '../../src/protocol/streamDefinition';
import { timeRangeOf, withTimeRangeTerm } from './brushTerm';

/**
 * STOPGAP until the query engine (issue #10) applies `time:` terms: the quick filter's text without its time range
 * term (so the plain-text match does not look for it), and the rows shown narrowed to that range.
 * Delete this file when the query language is in main.
 */
export function splitTimeTerm(quickText: string): { readonly text: string; readonly range?: { from: number; to: number } } {
  const range = timeRangeOf(quickText);
  return range ? { text: withTimeRangeTerm(quickText, undefined), range } : { text: quickText };
}

export function narrowToRange(rows: readonly LogRow[], shown: Uint32Array, range: { from: number; to: number } | undefined): Uint32Array {
  if (!range) return shown;
  const out = new Uint32Array(shown.length);
  let count = 0;
  for (let i = 0; i < shown.length; i++) {
    const time = rows[shown[i]].time;
    if (time >= range.from && time <= range.to) out[count++] = shown[i];
  }
  return out.subarray(0, count);
}
