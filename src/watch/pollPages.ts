/**
 * What one poll reads: the newest page, then older pages until one reaches the newest row the watch saw, so a busy
 * stream's errors between two polls are all counted (a page of 100 rows covers a minute only for a quiet API). The
 * first poll (no baseline yet) reads one page. No `vscode`: tested against the fake servers.
 */
import type { PageCursor, StreamClient } from '../providers/connection';
import type { FilterValues, LogRow } from '../protocol/streamDefinition';

/** Pages one poll reads at most; past them the oldest new rows are not looked at (and the poll says so). */
export const maxPagesPerPoll = 10;

export interface PolledRows {
  readonly rows: readonly LogRow[];
  /** False when the page bound stopped it before it reached the rows seen before. */
  readonly complete: boolean;
  readonly pages: number;
}

export async function rowsSince(
  stream: Pick<StreamClient, 'fetchPage'>,
  request: { readonly filters: FilterValues; readonly pageSize: number },
  seenUntil: number | undefined,
  maxPages = maxPagesPerPoll,
): Promise<PolledRows> {
  const rows: LogRow[] = [];
  let cursor: PageCursor | undefined;
  for (let pages = 1; ; pages++) {
    const page = await stream.fetchPage({ ...request, cursor });
    rows.push(...page.rows);
    const oldest = page.scannedTo ?? Math.min(...page.rows.map((row) => row.time));
    const reached = seenUntil === undefined || page.rows.length === 0 || oldest <= seenUntil || page.next === undefined;
    if (reached || pages >= maxPages) return { rows, complete: reached, pages };
    cursor = page.next;
  }
}
