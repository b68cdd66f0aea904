import type { PagingStop } from '../protocol/logTable';
import type { Page, PageCursor } from '../providers/connection';

/**
 * Notices an API that does not advance when paging older: a cursor it gave before, or a page it sent before
 * (same first row, nothing new). Paging then stops, and `stopped` says why, so the panel never calls a cut-short
 * list complete.
 */
export class PagingGuard {
  stopped: PagingStop | undefined;
  private readonly cursors = new Set<PageCursor>();
  private readonly firstIds = new Set<string>();

  /** A new result set starting with `first`. */
  reset(first: Page): void {
    this.stopped = first.repeatedCursor === true ? 'repeatedCursor' : undefined;
    this.cursors.clear();
    this.firstIds.clear();
    this.remember(first);
  }

  /** Whether paging may go on to `page.next` after loading `page` from `cursor` (`kept`: its rows not held before). */
  check(cursor: PageCursor | undefined, page: Page, kept: number): boolean {
    if (cursor !== undefined) this.cursors.add(cursor);
    const first = page.rows[0]?.id;
    if (kept === 0 && first !== undefined && this.firstIds.has(first)) {
      this.stopped = 'repeatedPage';
      return false;
    }
    this.remember(page);
    if (page.repeatedCursor === true || (page.next !== undefined && this.cursors.has(page.next))) {
      this.stopped = 'repeatedCursor';
      return false;
    }
    return true;
  }

  private remember(page: Page): void {
    const first = page.rows[0]?.id;
    if (first !== undefined) this.firstIds.add(first);
  }
}
