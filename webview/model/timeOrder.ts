import { fieldValue } from '../../src/protocol/query/fieldValue';
import type { TimeSlice } from '../../src/protocol/query/timeSlice';
import { timeOf } from '../../src/protocol/query/times';
import type { LogRow } from '../../src/protocol/streamDefinition';

/**
 * Cuts a display order to the rows inside a time range by binary search, when the order keeps the rows' times
 * monotone (the usual newest-first view). Times are read exactly as the query's time term reads them; an order
 * with a missing or unreadable time, or times going both ways, gets no slice.
 */
export class TimeOrder {
  private times: { version: number; key: string; values: Float64Array } | undefined;
  private direction: { order: Uint32Array; times: Float64Array; value: 'up' | 'down' | undefined } | undefined;

  /** `[start, end)` of `source` (a subsequence of `order`) holding every row whose time is in the slice's range. */
  range(rows: readonly LogRow[], version: number, order: Uint32Array, source: Uint32Array, slice: TimeSlice): [number, number] | undefined {
    const times = this.timesOf(rows, version, slice);
    if (this.direction?.order !== order || this.direction.times !== times) this.direction = { order, times, value: directionOf(order, times) };
    const direction = this.direction.value;
    if (!direction) return undefined;
    if (direction === 'up') return [firstIndex(source, (i) => times[i] >= slice.from), firstIndex(source, (i) => times[i] >= slice.to)];
    return [firstIndex(source, (i) => times[i] < slice.to), firstIndex(source, (i) => times[i] < slice.from)];
  }

  private timesOf(rows: readonly LogRow[], version: number, slice: TimeSlice): Float64Array {
    if (this.times?.version !== version || this.times.key !== slice.ref.key) {
      const values = new Float64Array(rows.length);
      for (let i = 0; i < rows.length; i++) values[i] = timeOf(fieldValue(rows[i], slice.ref));
      this.times = { version, key: slice.ref.key, values };
    }
    return this.times.values;
  }
}

function directionOf(order: Uint32Array, times: Float64Array): 'up' | 'down' | undefined {
  let up = true;
  let down = true;
  for (let i = 0; i < order.length; i++) {
    const time = times[order[i]];
    if (Number.isNaN(time)) return undefined;
    if (i === 0) continue;
    const previous = times[order[i - 1]];
    if (time < previous) up = false;
    else if (time > previous) down = false;
    if (!up && !down) return undefined;
  }
  return up ? 'up' : 'down';
}

/** The first position of `source` whose row passes `test` (`test` is false then true along `source`). */
function firstIndex(source: Uint32Array, test: (index: number) => boolean): number {
  let low = 0;
  let high = source.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (test(source[middle])) high = middle;
    else low = middle + 1;
  }
  return low;
}
