import type { Page, PageCursor } from '../providers/connection';
import type { LogRow } from '../protocol/streamDefinition';

/** Pages one live-tail poll reads before it leaves a gap row instead. */
export const maxPollPages = 10;
/** Pages one press of a gap row reads before it leaves a (smaller) gap again. */
export const maxGapPages = 100;

export interface CatchUpBoundary {
  /** The row is held already (anywhere): it is skipped. */
  isHeld(id: string): boolean;
  /** The page reached rows held before this load (by id, or older than them): paging stops after it. */
  reached(page: Page): boolean;
}

export interface CatchUpResult {
  /** Unheld rows, newest first, each once. */
  readonly rows: LogRow[];
  /** Set when `maxPages` ran out before the boundary: where the rows not loaded start. */
  readonly gapCursor?: PageCursor;
  /** The API's latest total, if it reports one. */
  readonly total?: number;
}

/**
 * Pages older from `start` until a page reaches the boundary, the list ends, or `maxPages` pages were read. Rows
 * are de-duplicated by id, so page-number and offset paging (where new rows shift the pages) lose nothing.
 */
export async function catchUp(
  fetch: (cursor: PageCursor | undefined) => Promise<Page>,
  start: PageCursor | undefined,
  boundary: CatchUpBoundary,
  maxPages: number,
): Promise<CatchUpResult> {
  const rows: LogRow[] = [];
  const taken = new Set<string>();
  let cursor = start;
  let total: number | undefined;
  for (let pages = 1; ; pages++) {
    const page = await fetch(cursor);
    total = page.total ?? total;
    for (const row of page.rows) {
      if (taken.has(row.id) || boundary.isHeld(row.id)) continue;
      taken.add(row.id);
      rows.push(row);
    }
    if (boundary.reached(page) || page.next === undefined || page.next === cursor) {
      return { rows, total };
    }
    if (pages >= maxPages) {
      return { rows, total, gapCursor: page.next };
    }
    cursor = page.next;
  }
}

/** The boundary for rows newer than `below` (the newest row held under the new ones): held, or older than it. */
export function boundaryAbove(below: LogRow, isHeldFrom: (id: string) => boolean, isHeld: (id: string) => boolean): CatchUpBoundary {
  return {
    isHeld,
    reached: (page) =>
      page.rows.some((row) => isHeldFrom(row.id) || row.time < below.time) ||
      (page.scannedTo !== undefined && page.scannedTo < below.time),
  };
}
