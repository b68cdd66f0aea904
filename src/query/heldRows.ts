import type { LogRow } from '../protocol/streamDefinition';

/**
 * Rows read one at a time: walking every row builds each one when it is reached, so it never holds a second copy
 * of them. Arrays are `HeldRows` too.
 */
export interface HeldRows extends Iterable<LogRow> {
  readonly length: number;
  at(index: number): LogRow | undefined;
  /** Rows `start` to `end` (not included) as an array, for one chunk at a time. */
  slice(start?: number, end?: number): LogRow[];
}

/** The rows of `ids` (each held, in that order), built as they are read; a walk skips rows dropped since. */
export function heldRowsOf(ids: readonly string[], get: (id: string) => LogRow | undefined): HeldRows {
  const at = (index: number) => (index < -ids.length || index >= ids.length ? undefined : get(ids.at(index) as string));
  return {
    length: ids.length,
    at,
    slice: (start = 0, end = ids.length) => ids.slice(start, end).map((id) => get(id) as LogRow),
    *[Symbol.iterator]() {
      for (const id of ids) {
        const row = get(id);
        if (row) yield row;
      }
    },
  };
}
