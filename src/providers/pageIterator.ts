import type { Page, PageRequest } from './connection';
import { linkedAbort } from '../http/linkedAbort';
import type { Logger } from '../util/logging';

/** Consecutive empty pages (with a next cursor) tolerated before paging gives up. */
const maxEmptyRun = 20;

/**
 * A stream's page fetch in two steps, so paging can overlap them: `load` is the request (HTTP and JSON),
 * `decode` validates and maps. `peekNext` reads the next cursor from the unvalidated body cheaply (or undefined);
 * it is only a guess used to start the next request early, and is checked against the decoded page.
 */
export interface PageSource {
  load(request: PageRequest): Promise<unknown>;
  peekNext(body: unknown, request: PageRequest): string | undefined;
  decode(body: unknown, request: PageRequest): Page;
}

export interface Pending {
  readonly cursor: string | undefined;
  readonly body: Promise<unknown>;
  readonly controller: AbortController;
}

/** Starts loading the page at `cursor`, after `delay` resolves (a rate spacer) when given. */
export function startLoad(source: PageSource, request: PageRequest, cursor: string | undefined, delay?: (signal: AbortSignal) => Promise<void>): Pending {
  const { controller, signal, unlink } = linkedAbort(request.signal);
  const load = () => source.load({ ...request, cursor, signal });
  const body = delay ? delay(signal).then(load) : load();
  body.then(unlink, unlink);
  return { cursor, body, controller };
}

/**
 * Resolves in the next macrotask. A request is sent through a chain of promise callbacks (the concurrency limit,
 * axios' interceptors and adapter), which run only when the current task ends: decoding a page first would hold
 * the next request back until it is done, and the two would never overlap (measured: no overlap at all before).
 */
function requestSent(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/**
 * Pages from `request.cursor` to the end, yielding each non-empty page as it arrives. While one page is decoded
 * (and while the caller handles it) the next is already requested. Empty pages in the middle are skipped; a
 * repeated cursor or a page seen before ends the walk; if nothing was yielded, the last page is yielded so the
 * caller learns that the stream is exhausted. Stopping early cancels the request in flight.
 */
export async function* iteratePages(
  source: PageSource,
  request: PageRequest,
  logger: Logger,
  state: WalkState = newWalkState(),
): AsyncGenerator<Page> {
  let pending: Pending | undefined = startLoad(source, request, request.cursor);
  try {
    while (pending) {
      const current: Pending = pending;
      const body = await current.body;
      const cursorRequest = { ...request, cursor: current.cursor };
      const guess = source.peekNext(body, cursorRequest);
      pending = guess !== undefined && guess !== current.cursor && !state.seen.has(guess) ? startLoad(source, request, guess) : undefined;
      if (pending) await requestSent();
      const page = source.decode(body, cursorRequest);
      const last = isLastPage(page, current.cursor, state, logger);
      if (last) {
        pending?.controller.abort();
        pending = undefined;
      } else if (pending?.cursor !== page.next) {
        pending?.controller.abort();
        pending = startLoad(source, request, page.next);
      }
      if (last === 'repeat') {
        return;
      }
      if (page.rows.length > 0 || (last && !state.yielded)) {
        yield last ? { ...page, next: undefined } : page;
        state.yielded = true;
      }
    }
  } finally {
    pending?.controller.abort();
  }
}

/** What a walk over pages remembers to stop on repeats; shared when a parallel walk falls back to a sequential one. */
export interface WalkState {
  /** Cursors already followed. */
  readonly seen: Set<string>;
  /** The first row id of every page so far. */
  readonly firstIds: Set<string>;
  emptyRun: number;
  /** Whether a page was yielded yet. */
  yielded: boolean;
}

export function newWalkState(): WalkState {
  return { seen: new Set(), firstIds: new Set(), emptyRun: 0, yielded: false };
}

/**
 * Whether paging ends with this page: no next cursor, a repeated cursor, a repeated page (returns 'repeat': the
 * page is dropped) or too many empty pages in a row. Updates the walk state.
 */
export function isLastPage(page: Page, cursor: string | undefined, state: WalkState, logger: Logger): boolean | 'repeat' {
  const first = page.rows[0]?.id;
  if (first !== undefined && state.firstIds.has(first)) {
    logger.warn('paging stopped: the server sent a page it had sent before');
    return 'repeat';
  }
  if (first !== undefined) {
    state.firstIds.add(first);
  }
  const next = page.next;
  state.emptyRun = page.rows.length === 0 ? state.emptyRun + 1 : 0;
  if (next === undefined) {
    return true;
  }
  if (next === cursor || state.seen.has(next)) {
    logger.warn('paging stopped: the server repeated a cursor');
    return true;
  }
  state.seen.add(next);
  if (state.emptyRun >= maxEmptyRun) {
    logger.warn(`paging stopped after ${maxEmptyRun} empty pages in a row`);
    return true;
  }
  return false;
}
