import type { Page, PageCursor } from '../providers/connection';
import type { LogRow } from '../protocol/streamDefinition';
import type { PagingGuard } from './pagingGuard';
import type { RowStore } from './rowStore';
import type { PageQuery, SessionFetcher } from './sessionFetcher';
import type { TailPosition } from './tailLoads';

/** What *Load older* and *Load all* work on: the session's rows, paging guard and fetcher, and where it stands. */
export interface OlderContext {
  readonly store: RowStore;
  readonly paging: PagingGuard;
  readonly fetcher: SessionFetcher;
  readonly signal: AbortSignal;
  query(cursor: PageCursor | undefined): PageQuery;
  position(): TailPosition;
  /** Where paging now stands, with the rows an older page added (none when the list simply ended). */
  moved(position: TailPosition, kept?: readonly LogRow[]): void;
  /** After each page of a *Load all*. */
  pageLoaded(): void;
}

/** The next older page, appended. */
export async function loadNext(context: OlderContext): Promise<void> {
  const cursor = context.position().next;
  accept(context, cursor, await context.fetcher.page(context.query(cursor), context.signal));
}

/** Every remaining older page (through the client's own paging when it has one) until the end or the row bound. */
export async function loadRemaining(context: OlderContext): Promise<void> {
  const more = () => context.position().next !== undefined && !context.store.limitReached;
  if (!context.fetcher.pipelined) {
    while (more()) {
      await loadNext(context);
      context.pageLoaded();
    }
    return;
  }
  const pages = context.fetcher.remaining(context.query(context.position().next), context.signal);
  try {
    while (more()) {
      const result = await pages.next();
      if (result.done) {
        context.moved({ ...context.position(), next: undefined });
        return;
      }
      accept(context, context.position().next, result.value);
      context.pageLoaded();
    }
  } finally {
    pages.close();
  }
}

/** An older page loaded from `cursor`: its new rows appended, paging stopped if the API repeats itself. */
function accept(context: OlderContext, cursor: PageCursor | undefined, page: Page): void {
  const { total, tailCursor } = context.position();
  const kept = context.store.append(page.rows);
  const next = context.paging.check(cursor, page, kept.length) ? page.next : undefined;
  context.moved({ next, total: page.total ?? total, tailCursor: page.tailCursor ?? tailCursor }, kept);
}
