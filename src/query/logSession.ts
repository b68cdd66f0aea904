import type { HostNotification, PanelError, PanelStatus, RetryProgress } from '../protocol/logTable';
import type { Page, PageCursor } from '../providers/connection';
import type { FilterValues, LogRow } from '../protocol/streamDefinition';
import { RowStore, type HeldRows } from './rowStore';
import { isEmptyFilterValue } from '../protocol/filterValues';
import { LiveTail } from './liveTail';
import { resolveTimeRange, type ResolvedTimeRange, type TimeRange } from '../protocol/timeRange';
import { GapList } from './gapList';
import { PagingGuard } from './pagingGuard';
import { LoadSlot } from './loadSlot';
import { loadNext, loadRemaining, type OlderContext } from './olderPages';
import { SessionEvents, type Operation } from './sessionEvents';
import { SessionFetcher, type PageQuery } from './sessionFetcher';
import type { LogSessionOptions, SessionEvent, SessionSettings } from './sessionOptions';
import { fillGap, poll, type TailContext, type TailPosition } from './tailLoads';

export type { FetchPage, FetchPages, LogSessionOptions, SessionEvent, SessionSettings } from './sessionOptions';

/**
 * The rows of one panel, newest first, and every way to load them: first page, older pages, all pages, live tail.
 * One load runs at a time (a new first page supersedes anything in flight); a failure keeps the rows and remembers
 * the operation for `retry`.
 */
export class LogSession {
  private readonly store: RowStore;
  private readonly events = new SessionEvents();
  private settings: SessionSettings;
  private filterValues: FilterValues;
  private range: TimeRange | undefined;
  /** The range's bounds as of the last first-page load (a relative range stays put while paging older). */
  private resolvedRange: ResolvedTimeRange | undefined;
  /** The next older page, the end of an oldest-first list, the API's total. */
  private position: TailPosition = {};
  private lastRefresh: number | undefined;
  private pagesLoaded: number | undefined;
  private readonly paging = new PagingGuard();
  private retrying: RetryProgress | undefined;
  private readonly gaps = new GapList();
  private readonly loads: LoadSlot;
  private readonly tail: LiveTail;
  private readonly fetcher: SessionFetcher;
  private disposed = false;

  constructor(private readonly options: LogSessionOptions) {
    this.settings = options;
    this.filterValues = options.filters;
    this.range = options.timeRange;
    this.store = new RowStore(options.maxRows);
    this.tail = new LiveTail(options.tailIntervalMs, () => void this.pollTail());
    this.loads = new LoadSlot(this.events, (running) => {
      this.emitStatus();
      if (running === undefined) this.tail.schedule();
    });
    this.fetcher = new SessionFetcher(options.fetchPage, options.fetchPages, (progress) => this.setRetrying(progress));
  }

  get filters(): FilterValues {
    return this.filterValues;
  }

  /** Every held row, newest first, built as it is read (see `RowStore`). */
  get rows(): HeldRows {
    return this.store.all();
  }

  get error(): PanelError | null {
    return this.events.failure?.error ?? null;
  }

  /** The live-tail gaps, as the webview shows them. */
  get gapRows(): HostNotification & { type: 'gaps' } {
    return { type: 'gaps', gaps: this.gaps.forPanel() };
  }

  get busy(): boolean {
    return this.loads.running !== undefined;
  }

  getRow(id: string): LogRow | undefined {
    return this.store.get(id);
  }

  /** The held rows among `ids`, in that order, built as they are read. */
  rowsOf(ids: readonly string[]): HeldRows {
    return this.store.rowsOf(ids);
  }

  onEvent(listener: (event: SessionEvent) => void): { dispose(): void } {
    return this.events.on(listener);
  }

  status(): PanelStatus {
    return {
      activity: this.loads.running ?? 'idle',
      loaded: this.store.size,
      more: this.position.next !== undefined && !this.store.limitReached,
      lastRefresh: this.lastRefresh,
      dropped: this.store.dropped,
      pagesLoaded: this.pagesLoaded,
      total: this.position.total,
      liveTail: this.tail.on,
      tailPaused: this.tail.paused,
      pagingStopped: this.paging.stopped,
      retry: this.retrying,
    };
  }

  /** New server-side filters: a new result set from the newest page. */
  setFilters(filters: FilterValues): Promise<void> {
    this.filterValues = filters;
    return this.refresh();
  }

  get timeRange(): TimeRange | undefined {
    return this.range;
  }

  /** A new time range: a new result set from the newest page. */
  setTimeRange(range: TimeRange | undefined): Promise<void> {
    this.range = range;
    return this.refresh();
  }

  /** Fetches the newest page and replaces the rows, superseding any load in flight. */
  refresh(): Promise<void> {
    return this.run('first', (signal) => this.loadFirst(signal)).then(() => this.walkToRangeStart());
  }

  /** Streams without time parameters page older (with progress and cancel) until past the range start. */
  private walkToRangeStart(): Promise<void> {
    const walk = this.options.walkTimeRange === true && this.resolvedRange?.from !== undefined && this.events.failure === undefined;
    return walk ? this.loadAll() : Promise.resolve();
  }

  /** The next older page; does nothing without a cursor, at the row bound, or while another load runs. */
  loadOlder(): Promise<void> {
    if (!this.canLoadOlder()) return Promise.resolve();
    return this.run('older', (signal) => loadNext(this.older(signal)));
  }

  /** Fills the live-tail gap `gapId` with the rows it stands for; does nothing while another load runs. */
  loadGap(gapId: string): Promise<void> {
    const gap = this.gaps.get(gapId);
    if (!gap || this.busy || this.disposed) return Promise.resolve();
    return this.run('gap', (signal) => fillGap(this.tailContext(signal), gap));
  }

  /** Every remaining older page, with progress in `status.pagesLoaded`, until the end, a cancel or `maxRows`. */
  loadAll(): Promise<void> {
    if (!this.canLoadOlder()) return Promise.resolve();
    return this.run('all', (signal) => loadRemaining(this.older(signal)));
  }

  /** Stops the load in flight (within a tick, whatever the server does); the rows stay. */
  cancel(): void {
    this.loads.cancel();
  }

  /** Repeats the operation that failed last. */
  retry(): Promise<void> {
    const again: Record<Operation, () => Promise<void>> = {
      first: () => this.refresh(),
      older: () => this.loadOlder(),
      all: () => this.loadAll(),
      tail: () => this.pollTail(),
      gap: () => this.loadGap(this.gaps.first()?.id ?? ''),
    };
    const failure = this.events.failure;
    return failure ? again[failure.op]() : Promise.resolve();
  }

  setLiveTail(enabled: boolean): void {
    this.tail.setEnabled(enabled);
    this.emitStatus();
  }

  /** The user scrolled away from the newest rows (paused) or back to them. */
  setTailPaused(paused: boolean): void {
    this.tail.setPausedByUser(paused);
    this.emitStatus();
  }

  /** Hidden panels do not poll. */
  setVisible(visible: boolean): void {
    this.tail.setVisible(visible);
    this.emitStatus();
  }

  updateSettings(settings: SessionSettings): void {
    this.settings = settings;
    this.tail.setInterval(settings.tailIntervalMs);
    const dropped = this.store.setMaxRows(settings.maxRows);
    if (dropped > 0) {
      this.emit({ type: 'dropOldest', count: dropped });
      if (this.gaps.keepWhere((id) => this.store.has(id))) this.emit(this.gapRows);
      this.emitStatus();
    }
  }

  dispose(): void {
    this.disposed = true;
    this.tail.dispose();
    this.cancel();
    this.events.clear();
  }

  /** Polls the newest page and puts unseen rows on top; skipped while another load runs. */
  private pollTail(): Promise<void> {
    if (this.busy) {
      this.tail.schedule();
      return Promise.resolve();
    }
    return this.run('tail', (signal) => this.pollNewest(signal));
  }

  private run(op: Operation, body: (signal: AbortSignal) => Promise<void>): Promise<void> {
    if (this.disposed) return Promise.resolve();
    this.pagesLoaded = op === 'all' ? 0 : undefined;
    return this.loads.run(op, body);
  }

  private async loadFirst(signal: AbortSignal): Promise<void> {
    this.resolvedRange = this.range ? resolveTimeRange(this.range, this.now()) : undefined;
    const missing = this.options.requiredFilters?.some((group) => group.every((key) => isEmptyFilterValue(this.filterValues[key]))) ?? false;
    const page: Page = missing ? { rows: [] } : await this.fetch(undefined, signal);
    const kept = this.store.replace(page.rows);
    this.position = { next: page.next, total: page.total, tailCursor: page.tailCursor };
    this.paging.reset(page);
    if (this.gaps.clear()) this.emit(this.gapRows);
    if (!missing) this.lastRefresh = this.now();
    this.emit({ type: 'rows', mode: 'replace', rows: kept });
  }

  /** What the older-page loads work on, under `signal`. */
  private older(signal: AbortSignal): OlderContext {
    return {
      store: this.store,
      paging: this.paging,
      fetcher: this.fetcher,
      signal,
      query: (cursor) => this.query(cursor),
      position: () => this.position,
      moved: (position, kept) => {
        this.position = position;
        if (!kept) return;
        this.lastRefresh = this.now();
        if (kept.length > 0) this.emit({ type: 'rows', mode: 'append', rows: kept });
      },
      pageLoaded: () => {
        this.pagesLoaded = (this.pagesLoaded ?? 0) + 1;
        this.emitStatus();
      },
    };
  }

  /** Live tail: the newest rows (or the first page of an empty panel), gaps past the poll's bound. */
  private async pollNewest(signal: AbortSignal): Promise<void> {
    this.position = await poll(this.tailContext(signal), this.position);
    this.lastRefresh = this.now();
  }

  private tailContext(signal: AbortSignal): TailContext {
    return {
      store: this.store,
      gaps: this.gaps,
      fetch: (cursor) => this.fetch(cursor, signal),
      emit: (event) => this.emit(event),
    };
  }

  private fetch(cursor: PageCursor | undefined, signal: AbortSignal): Promise<Page> {
    return this.fetcher.page(this.query(cursor), signal);
  }

  private query(cursor: PageCursor | undefined): PageQuery {
    return { filters: this.filterValues, cursor, pageSize: this.settings.pageSize, range: this.resolvedRange };
  }

  private canLoadOlder(): boolean {
    return !this.busy && this.position.next !== undefined && !this.store.limitReached && !this.disposed;
  }

  private setRetrying(progress: RetryProgress | undefined): void {
    if (progress === this.retrying) return;
    this.retrying = progress;
    this.emitStatus();
  }

  private emitStatus(): void {
    this.emit({ type: 'status', status: this.status() });
  }

  private emit(event: SessionEvent): void {
    this.events.emit(event);
  }

  private now(): number {
    return (this.options.now ?? Date.now)();
  }
}
