import type { Page, PageRequest } from './connection';
import { sleep } from '../http/retryPolicy';
import type { Logger } from '../util/logging';
import { isLastPage, iteratePages, newWalkState, startLoad, type PageSource, type Pending } from './pageIterator';

/** How a page-number or offset API may be paged ahead. */
export interface ParallelPaging {
  /** Pages requested at once (the connection's concurrency limit still applies). */
  readonly maxInFlight: number;
  /** A provider limit without rate-limit headers (Daily ~20/s): request starts are spaced to stay under it. */
  readonly requestsPerSecond?: number;
}

/** A page source whose cursors can be computed ahead: page numbers (Lago `page`) or offsets (Daily `offset`). */
export interface IndexedPageSource extends PageSource {
  readonly parallel: ParallelPaging;
  /** The cursor `steps` pages after `cursor` (undefined: the first page), known without fetching the pages between. */
  cursorAfter(cursor: string | undefined, steps: number, request: PageRequest): string;
  /** How many pages follow the one in `body`, when the API says (Lago `total_pages`); bounds fetching ahead. */
  pagesAfter?(body: unknown, request: PageRequest): number | undefined;
}

interface Slot extends Pending {
  readonly index: number;
}

/** Spaces request starts at least `1000 / perSecond` ms apart. */
function startSpacer(perSecond: number | undefined): ((signal: AbortSignal) => Promise<void>) | undefined {
  if (perSecond === undefined) {
    return undefined;
  }
  let nextStart = 0;
  return (signal) => {
    const now = Date.now();
    const at = Math.max(now, nextStart);
    nextStart = at + 1000 / perSecond;
    return at > now ? sleep(at - now, signal) : Promise.resolve();
  };
}

/**
 * Pages from `request.cursor` to the end like `iteratePages`, but once the first page confirms the computed cursors
 * keeps up to `maxInFlight` of the following pages in flight, and yields pages strictly in order. Each page's `next` is checked against the computed cursor; when
 * they differ (a short page, a server that numbers differently) the pages fetched ahead are dropped and the walk
 * continues sequentially from the page's own `next`. Stopping early or aborting cancels every request in flight.
 */
export async function* iteratePagesInParallel(source: IndexedPageSource, request: PageRequest, logger: Logger): AsyncGenerator<Page> {
  const state = newWalkState();
  const spacer = startSpacer(source.parallel.requestsPerSecond);
  const slots: Slot[] = [];
  let scheduled = 0;
  let lastIndex = Number.POSITIVE_INFINITY;
  /** One page until the first answer confirms the computed cursors, then `maxInFlight`. */
  let width = 1;
  const fill = () => {
    while (slots.length < width && scheduled <= lastIndex) {
      const cursor = scheduled === 0 ? request.cursor : source.cursorAfter(request.cursor, scheduled, request);
      slots.push({ ...startLoad(source, request, cursor, scheduled === 0 ? undefined : spacer), index: scheduled++ });
    }
  };
  const dropFrom = (index: number) => {
    for (const slot of slots.filter((s) => s.index > index)) slot.controller.abort();
    slots.splice(0, slots.length, ...slots.filter((s) => s.index <= index));
  };
  try {
    fill();
    for (let slot = slots.shift(); slot; slot = slots.shift()) {
      const body = await slot.body;
      const cursorRequest = { ...request, cursor: slot.cursor };
      const after = source.pagesAfter?.(body, cursorRequest);
      if (after !== undefined) {
        lastIndex = slot.index + after;
        dropFrom(lastIndex);
      }
      const page = source.decode(body, cursorRequest);
      const last = isLastPage(page, slot.cursor, state, logger);
      const ahead = !last && page.next === source.cursorAfter(slot.cursor, 1, request);
      if (ahead) {
        width = source.parallel.maxInFlight;
        fill();
      } else {
        dropFrom(-1);
      }
      if (last === 'repeat') {
        return;
      }
      if (page.rows.length > 0 || (last && !state.yielded)) {
        yield last ? { ...page, next: undefined } : page;
        state.yielded = true;
      }
      if (last) {
        return;
      }
      if (!ahead) {
        logger.debug('paging ahead stopped: the next page is not the one computed; continuing one page at a time');
        yield* iteratePages(source, { ...request, cursor: page.next }, logger, state);
        return;
      }
    }
  } finally {
    dropFrom(-1);
  }
}
