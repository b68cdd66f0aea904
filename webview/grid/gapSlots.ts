import type { PanelGap } from '../../src/protocol/logTable';

/** A live-tail gap row at a display position of the grid. */
export interface GapSlot {
  readonly position: number;
  readonly gap: PanelGap;
}

/**
 * Where the gap rows go among the shown rows: just above the first shown row at or after the gap's row (store
 * order), so a quick filter never hides a gap; when sorted by a column, the gaps lead the list.
 */
export function gapSlots(gaps: readonly PanelGap[], shown: Uint32Array, storeIndexOf: (rowId: string) => number, sorted: boolean): GapSlot[] {
  const placed = gaps
    .map((gap) => ({ gap, before: sorted ? 0 : firstAtOrAfter(shown, storeIndexOf(gap.beforeRowId)) }))
    .filter((entry) => entry.before >= 0)
    .sort((a, b) => a.before - b.before);
  return placed.map((entry, order) => ({ position: entry.before + order, gap: entry.gap }));
}

/** The display position of the first shown store index ≥ `index` (shown is ascending when unsorted). */
function firstAtOrAfter(shown: Uint32Array, index: number): number {
  if (index < 0) return -1;
  let low = 0;
  let high = shown.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (shown[middle] < index) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** The text of a gap row. */
export function gapText(gap: PanelGap): string {
  const count = gap.missing.toLocaleString('en-US');
  return `≥ ${count} ${gap.missing === 1 ? 'row' : 'rows'} not loaded`;
}
