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

/** What is at a display position: a gap row, or the shown row of that index (gap rows above it skipped). */
export function slotAt(gaps: readonly GapSlot[], position: number): GapSlot | { readonly shownIndex: number } | undefined {
  if (position < 0) return undefined;
  let gapsAbove = 0;
  for (const slot of gaps) {
    if (slot.position === position) return slot;
    if (slot.position > position) break;
    gapsAbove++;
  }
  return { shownIndex: position - gapsAbove };
}

/** The display position of shown row `shownIndex`, counting the gap rows above it. */
export function displayPosition(gaps: readonly GapSlot[], shownIndex: number): number {
  let position = shownIndex;
  for (const slot of gaps) if (slot.position <= position) position++;
  return position;
}

/** The text of a gap row. */
export function gapText(gap: PanelGap): string {
  const count = gap.missing.toLocaleString('en-US');
  return `≥ ${count} ${gap.missing === 1 ? 'row' : 'rows'} not loaded`;
}
