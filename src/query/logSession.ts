import type { HostNotification, LoadActivity, PanelError, PanelStatus, RetryProgress } from '../protocol/logTable';
import type { Page, PageCursor, PageRequest } from '../providers/connection';
import type { FilterValues, LogRow } from '../protocol/streamDefinition';
import { ProviderError } from '../http/providerError';
import { raceAbort } from './raceAbort';
import { RowStore } from './rowStore';
import { isEmptyFilterValue } from '../protocol/filterValues';
import { LiveTail } from './liveTail';
import { isCancellation, toPanelError } from './toPanelError';
import { resolveTimeRange, type ResolvedTimeRange, type TimeRange } from '../protocol/timeRange';
import { GapList } from './gapList';
import { PagingGuard } from './pagingGuard';
import { fillGap, poll, type TailContext, type TailPosition } from './tailLoads';

/** Fetches one page; injected so tests can use a plain function or a real client against the fake servers. */
export type FetchPage = (request: PageRequest) => Promise<Page>;

/** Every page from `request.cursor` on (a client's `pages`: pipelined or parallel); used by *Load all*. */
export type FetchPages = (request: PageRequest) => AsyncIterable<Page>;

/** What a session tells its panel; each is forwarded to the webview as-is. */
export type SessionEvent = Extract<HostNotification, { type: 'rows' | 'dropOldest' | 'status' | 'error' | 'gaps' }>;

export interface SessionSettings {
  readonly pageSize: number;
  readonly maxRows: number;
  readonly tailIntervalMs: number;
}

export interface LogSessionOptions extends SessionSettings {
  readonly fetchPage: FetchPage;
  /** Without it, *Load all* fetches one page after another with `fetchPage`. */
  readonly fetchPages?: FetchPages;
  readonly filters: FilterValues;
  /**
   * Groups of filter keys the stream cannot be queried without: while every key of some group is empty, the
   * session shows no rows instead of sending a request the API would refuse.
   */
  readonly requiredFilters?: readonly (readonly string[])[];
  readonly timeRange?: TimeRange;
  /** The API has no time parameters: after the first page, page older until past the range start. */
  readonly walkTimeRange?: boolean;
  readonly now?: () => number;
}

type Operation = Exclude<LoadActivity, 'idle'>;

/**
 * The rows of one panel, newest first, and every way to load them: first page, older pages, all pages, live tail.
 * One load runs at a time (a new first page supersedes anything in flight); a failure keeps the rows and remembers
 * the operation for `retry`.
 */
export class LogSession {
  private readonly store: RowStore;
  private readonly listeners = new Set<(event: SessionEvent) => void>();
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
  private current: { readonly op: Operation; readonly controller: AbortController } | undefined;
  private failed: { readonly op: Operation; readonly error: PanelError } | undefined;
  private readonly tail: LiveTail;
  private disposed = false;

  constructor(private readonly options: LogSessionOptions) {
    this.settings = options;
    this.filterValues = options.filters;
    this.range = options.timeRange;
    this.store = new RowStore(options.maxRows);
    this.tail = new LiveTail(options.tailIntervalMs, () => void this.pollTail());
  }

  get filters(): FilterValues {
    return this.filterValues;
  }

  get rows(): readonly LogRow[] {
    return this.store.all();
  }

  get error(): PanelError | null {
    return this.failed?.error ?? null;
  }

  /** The live-tail gaps, as the webview shows them. */
  get gapRows(): HostNotification & { type: 'gaps' } {
    return { type: 'gaps', gaps: this.gaps.forPanel() };
  }

  get busy(): boolean {
    return this.current !== undefined;
  }

  getRow(id: string): LogRow | undefined {
    return this.store.get(id);
  }

  onEvent(listener: (event: SessionEvent) => void): { dispose(): void } {
    this.listeners.add(listener);
    return { dispose: () => this.listeners.delete(listener) };
  }

  status(): PanelStatus {
    return {
      activity: this.current?.op ?? 'idle',
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
    const walk = this.options.walkTimeRange === true && this.resolvedRange?.from !== undefined && this.failed === undefined;
    return walk ? this.loadAll() : Promise.resolve();
  }

  /** The next older page; does nothing without a cursor, at the row bound, or while another load runs. */
  loadOlder(): Promise<void> {
    if (!this.canLoadOlder()) return Promise.resolve();
    return this.run('older', (signal) => this.loadNext(signal));
  }

  /** Fills the live-tail gap `gapId` with the rows it stands for; does nothing while another load runs. */
  loadGap(gapId: string): Promise<void> {
    const gap = this.gaps.get(gapId);
    if (!gap || this.current || this.disposed) return Promise.resolve();
    return this.run('gap', (signal) => fillGap(this.tailContext(signal), gap));
  }

  /** Every remaining older page, with progress in `status.pagesLoaded`, until the end, a cancel or `maxRows`. */
  loadAll(): Promise<void> {
    if (!this.canLoadOlder()) return Promise.resolve();
    return this.run('all', (signal) => this.loadRemaining(signal));
  }

  /** Stops the load in flight (within a tick, whatever the server does); the rows stay. */
  cancel(): void {
    this.current?.controller.abort();
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
    return this.failed ? again[this.failed.op]() : Promise.resolve();
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
    this.listeners.clear();
  }

  /** Polls the newest page and puts unseen rows on top; skipped while another load runs. */
  private pollTail(): Promise<void> {
    if (this.current) {
      this.tail.schedule();
      return Promise.resolve();
    }
    return this.run('tail', (signal) => this.pollNewest(signal));
  }

  private async run(op: Operation, body: (signal: AbortSignal) => Promise<void>): Promise<void> {
    if (this.disposed) return;
    this.cancel();
    const controller = new AbortController();
    this.current = { op, controller };
    this.pagesLoaded = op === 'all' ? 0 : undefined;
    this.emitStatus();
    try {
      await body(controller.signal);
      if (op === 'first' || this.failed?.op === op) this.setError(undefined);
    } catch (error) {
      if (!isCancellation(error, controller.signal)) this.setError({ op, error: toPanelError(error) });
    } finally {
      if (this.current?.controller === controller) {
        this.current = undefined;
        this.emitStatus();
        this.tail.schedule();
      }
    }
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

  private async loadRemaining(signal: AbortSignal): Promise<void> {
    const fetchPages = this.options.fetchPages;
    if (!fetchPages) {
      while (this.position.next !== undefined && !this.store.limitReached) {
        await this.loadNext(signal);
        this.pageLoaded();
      }
      return;
    }
    const onRetry = (progress: RetryProgress): void => this.setRetrying(progress);
    const request: PageRequest = { filters: this.filterValues, cursor: this.position.next, pageSize: this.settings.pageSize, range: this.resolvedRange, signal, onRetry };
    const pages = fetchPages(request)[Symbol.asyncIterator]();
    try {
      while (this.position.next !== undefined && !this.store.limitReached) {
        const result = await raceAbort(pages.next(), signal);
        if (signal.aborted) throw new ProviderError('cancelled', 'The request was cancelled.');
        if (result.done) {
          this.position = { ...this.position, next: undefined };
          return;
        }
        this.acceptOlder(this.position.next, result.value);
        this.pageLoaded();
      }
    } finally {
      void pages.return?.();
      this.setRetrying(undefined);
    }
  }

  /** The page at `next`, appended; a repeated cursor or page ends paging and says so in the status. */
  private pageLoaded(): void {
    this.pagesLoaded = (this.pagesLoaded ?? 0) + 1;
    this.emitStatus();
  }

  private async loadNext(signal: AbortSignal): Promise<void> {
    const cursor = this.position.next;
    this.acceptOlder(cursor, await this.fetch(cursor, signal));
  }

  /** An older page loaded from `cursor`: its new rows appended, paging stopped if the API repeats itself. */
  private acceptOlder(cursor: PageCursor | undefined, page: Page): void {
    const { total, tailCursor } = this.position;
    const kept = this.store.append(page.rows);
    const next = this.paging.check(cursor, page, kept.length) ? page.next : undefined;
    this.position = { next, total: page.total ?? total, tailCursor: page.tailCursor ?? tailCursor };
    this.lastRefresh = this.now();
    if (kept.length > 0) this.emit({ type: 'rows', mode: 'append', rows: kept });
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

  private async fetch(cursor: PageCursor | undefined, signal: AbortSignal): Promise<Page> {
    const onRetry = (progress: RetryProgress): void => this.setRetrying(progress);
    const request: PageRequest = { filters: this.filterValues, cursor, pageSize: this.settings.pageSize, range: this.resolvedRange, signal, onRetry };
    try {
      const page = await raceAbort(this.options.fetchPage(request), signal);
      if (signal.aborted) throw new ProviderError('cancelled', 'The request was cancelled.');
      return page;
    } finally {
      this.setRetrying(undefined);
    }
  }

  private canLoadOlder(): boolean {
    return !this.current && this.position.next !== undefined && !this.store.limitReached && !this.disposed;
  }

  /** A live tail failing the same way on every poll shows (and logs) its banner once. */
  private setError(failed: LogSession['failed']): void {
    const before = this.failed;
    const changed = before?.error.message !== failed?.error.message || before?.op !== failed?.op;
    this.failed = failed;
    if (changed) this.emit({ type: 'error', error: failed?.error ?? null });
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
    for (const listener of [...this.listeners]) listener(event);
  }

  private now(): number {
    return (this.options.now ?? Date.now)();
  }
}
