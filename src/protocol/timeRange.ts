/** The presets of the time-range picker, newest rows back to now minus the preset. */
export const relativePresets = {
  '15m': 15 * 60_000,
  '1h': 60 * 60_000,
  '24h': 24 * 60 * 60_000,
  '7d': 7 * 24 * 60 * 60_000,
} as const;

export type RelativePreset = keyof typeof relativePresets;

/**
 * A time range a panel or saved view asks for. A relative preset stays relative (it is resolved against "now" each
 * time it is used); an absolute range holds epoch ms and either end may be open.
 */
export type TimeRange =
  | { readonly kind: 'relative'; readonly preset: RelativePreset }
  | { readonly kind: 'absolute'; readonly from?: number; readonly to?: number };

/** Epoch-ms bounds of a range at `now`; an absent bound is open. */
export interface ResolvedTimeRange {
  readonly from?: number;
  readonly to?: number;
}

export function resolveTimeRange(range: TimeRange, now: number): ResolvedTimeRange {
  if (range.kind === 'relative') return { from: now - relativePresets[range.preset] };
  return { from: range.from, to: range.to };
}

/** Whether two ranges ask for the same rows (both absent counts as equal). */
export function sameTimeRange(a: TimeRange | undefined, b: TimeRange | undefined): boolean {
  if (a === undefined || b === undefined) return a === b;
  if (a.kind === 'relative') return b.kind === 'relative' && a.preset === b.preset;
  return b.kind === 'absolute' && a.from === b.from && a.to === b.to;
}

/** Both bounds are inclusive. */
export function isWithinRange(time: number, range: ResolvedTimeRange): boolean {
  return (range.from === undefined || time >= range.from) && (range.to === undefined || time <= range.to);
}
