import type { TimeZoneMode } from '../../src/protocol/logTable';

const second = 1000;
const minute = 60 * second;
const hour = 60 * minute;
const day = 24 * hour;

/** Bucket sizes a reader can add up in their head, 1 s to 1 d. */
export const bucketSteps: readonly number[] = [
  second, 2 * second, 5 * second, 10 * second, 15 * second, 30 * second,
  minute, 2 * minute, 5 * minute, 10 * minute, 15 * minute, 30 * minute,
  hour, 2 * hour, 3 * hour, 6 * hour, 12 * hour, day,
];

/** How many bars fit: about one per 8 CSS pixels, between 60 and 120. */
export function barBudget(widthPx: number): number {
  return Math.min(120, Math.max(60, Math.round(widthPx / 8)));
}

/** The smallest nice step that covers `spanMs` in at most `maxBars` bars (1 d when nothing smaller fits). */
export function chooseStep(spanMs: number, maxBars: number): number {
  return bucketSteps.find((step) => Math.ceil((spanMs + 1) / step) <= maxBars) ?? day;
}

/** Milliseconds to add to an instant to get its wall-clock reading in the zone. */
export type ZoneOffset = (epochMs: number) => number;

export function zoneOffset(zone: TimeZoneMode): ZoneOffset {
  return zone === 'utc' ? () => 0 : (epochMs) => -new Date(epochMs).getTimezoneOffset() * minute;
}

/**
 * The start of the bucket holding `epochMs`: floored on the wall clock (so local days start at local midnight and
 * hours at local hours), then mapped back with the offset in force at that wall-clock time (DST-correct).
 */
export function floorToStep(epochMs: number, step: number, offset: ZoneOffset): number {
  const floored = Math.floor((epochMs + offset(epochMs)) / step) * step;
  const start = floored - offset(floored - offset(epochMs));
  return start <= epochMs ? start : floored - offset(epochMs);
}

/**
 * Bucket edges from the bucket holding `min` to past `max`: edges[i] ≤ t < edges[i + 1]. Each next edge is the
 * floor of a step and a half later, so buckets follow the wall clock across DST (a local day may be 23 or 25 h).
 */
export function bucketEdges(min: number, max: number, step: number, offset: ZoneOffset): Float64Array {
  const edges = [floorToStep(min, step, offset)];
  let last = edges[0];
  while (last <= max) {
    let next = floorToStep(last + step * 1.5, step, offset);
    if (next <= last) next = last + step;
    edges.push(next);
    last = next;
  }
  return Float64Array.from(edges);
}

/** Index of the bucket holding `t` (edges[i] ≤ t < edges[i + 1]), or -1 outside; O(1) for near-uniform edges. */
export function bucketIndex(edges: Float64Array, step: number, t: number): number {
  const last = edges.length - 1;
  if (!(t >= edges[0] && t < edges[last])) return -1;
  let index = Math.min(last - 1, Math.floor((t - edges[0]) / step));
  while (edges[index] > t) index--;
  while (edges[index + 1] <= t) index++;
  return index;
}

/** "1 min", "2 h", "1 d": the bucket size for the summary and tooltips. */
export function stepLabel(step: number): string {
  if (step >= day) return `${step / day} d`;
  if (step >= hour) return `${step / hour} h`;
  if (step >= minute) return `${step / minute} min`;
  return `${step / second} s`;
}
