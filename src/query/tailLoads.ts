import type { HostNotification } from '../protocol/logTable';
import type { Page, PageCursor } from '../providers/connection';
import { boundaryAbove, catchUp, maxGapPages, maxPollPages } from './catchUp';
import type { Gap, GapList } from './gapList';
import type { LogRow } from '../protocol/streamDefinition';
import type { RowStore } from './rowStore';

type TailEvent = Extract<HostNotification, { type: 'rows' | 'dropOldest' | 'gaps' }>;

/** What the live-tail loads work on: the session's rows and gaps, its fetch (with its cancel signal) and its events. */
export interface TailContext {
  readonly store: RowStore;
  readonly gaps: GapList;
  fetch(cursor: PageCursor | undefined): Promise<Page>;
  emit(event: TailEvent): void;
}

/** Where a session stands in its list: the next older page, the end of an oldest-first list, the API's total. */
export interface TailPosition {
  readonly next?: PageCursor;
  readonly tailCursor?: PageCursor;
  readonly total?: number;
}

/** One live-tail poll; returns the session's new position. */
export async function poll(context: TailContext, position: TailPosition): Promise<TailPosition> {
  if (position.tailCursor !== undefined) {
    return position.next === undefined ? { ...position, ...(await pollOldestFirst(context, position.tailCursor)) } : position;
  }
  if (context.store.size === 0) {
    const page = await context.fetch(undefined);
    const kept = context.store.append(page.rows);
    if (kept.length > 0) context.emit({ type: 'rows', mode: 'prepend', rows: kept });
    return { next: page.next, tailCursor: page.tailCursor, total: page.total ?? position.total };
  }
  return { ...position, total: await pollNewest(context, position.total) };
}

/**
 * A poll of a newest-first list that holds rows: pages from the newest until it reaches a held row, puts the new
 * rows on top, and past `maxPollPages` leaves a gap row above the previous newest row. Returns the API's total.
 */
export async function pollNewest(context: TailContext, previousTotal: number | undefined): Promise<number | undefined> {
  const { store } = context;
  const top = store.at(0) as LogRow;
  const isHeld = (id: string): boolean => store.has(id);
  const result = await catchUp((cursor) => context.fetch(cursor), undefined, boundaryAbove(top, isHeld, isHeld), maxPollPages);
  const { added, droppedOldest } = store.prepend(result.rows);
  if (added.length > 0) context.emit({ type: 'rows', mode: 'prepend', rows: added });
  if (result.gapCursor !== undefined) {
    const arrived = result.total !== undefined && previousTotal !== undefined ? result.total - previousTotal : 0;
    context.gaps.add(top.id, result.gapCursor, arrived - added.length);
  }
  finish(context, droppedOldest, result.gapCursor !== undefined);
  return result.total ?? previousTotal;
}

/**
 * Loads the rows of a gap: pages older from the gap's cursor until the rows under the gap, and puts them in its
 * place. Rows newer than the row above the gap (arrived since; page numbers and offsets shift) are left to the
 * next poll. Past `maxGapPages` a smaller gap stays.
 */
export async function fillGap(context: TailContext, gap: Gap): Promise<void> {
  const { store, gaps } = context;
  const below = store.get(gap.beforeRowId);
  if (below === undefined) {
    gaps.remove(gap.id);
    return finish(context, 0, true);
  }
  const isHeld = (id: string): boolean => store.has(id);
  const isHeldFromBelow = (id: string): boolean => store.indexOf(id) >= store.indexOf(below.id);
  const result = await catchUp((cursor) => context.fetch(cursor), gap.cursor, boundaryAbove(below, isHeldFromBelow, isHeld), maxGapPages);
  const position = store.indexOf(below.id);
  const above = position > 0 ? store.at(position - 1) : undefined;
  const rows = above === undefined ? result.rows : result.rows.filter((row) => row.time <= above.time);
  gaps.remove(gap.id);
  const { added, droppedOldest } = store.insertBefore(below.id, rows);
  if (added.length > 0) context.emit({ type: 'rows', mode: 'insert', beforeRowId: below.id, rows: added });
  if (result.gapCursor !== undefined) gaps.add(below.id, result.gapCursor, gap.missing - added.length);
  finish(context, droppedOldest, true);
}

/**
 * A poll of an oldest-first list whose rows are all loaded: pages on from `tailCursor` and appends. Past
 * `maxPollPages` the returned `next` is set, so the rest is an ordinary "load more" at the end of the list.
 */
export async function pollOldestFirst(
  context: TailContext,
  tailCursor: PageCursor,
): Promise<{ readonly tailCursor: PageCursor; readonly next?: PageCursor }> {
  let cursor = tailCursor;
  for (let pages = 1; ; pages++) {
    const page = await context.fetch(cursor);
    const kept = context.store.append(page.rows);
    if (kept.length > 0) context.emit({ type: 'rows', mode: 'append', rows: kept });
    const end = page.tailCursor ?? cursor;
    if (page.next === undefined || page.next === cursor || pages >= maxPollPages) return { tailCursor: end, next: page.next };
    cursor = page.next;
  }
}

/** Tells the page about rows dropped for `maxRows` and the gaps that changed (a gap goes with its row). */
function finish(context: TailContext, droppedOldest: number, gapsChanged: boolean): void {
  if (droppedOldest > 0) context.emit({ type: 'dropOldest', count: droppedOldest });
  const pruned = context.gaps.keepWhere((id) => context.store.has(id));
  if (gapsChanged || pruned) context.emit({ type: 'gaps', gaps: context.gaps.forPanel() });
}
