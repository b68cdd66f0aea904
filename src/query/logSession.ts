import type { HostNotification, LoadActivity, PanelError, PanelStatus } from '../protocol/logTable';
import type { Page, PageCursor, PageRequest } from '../providers/connection';
import type { FilterValues, LogRow } from '../protocol/streamDefinition';
import { ProviderError } from '../http/providerError';
import { raceAbort } from './raceAbort';
import { RowStore } from './rowStore';
import { sequentialPages } from './sequentialPages';
import { isEmptyFilterValue } from '../protocol/filterValues';
import { LiveTail } from './liveTail';
import { isCancellation, toPanelError } from './toPanelError';

/** Fetches one page; injected so tests can use a plain function or a real client against the fake servers. */
export type FetchPage = (request: PageRequest) => Promise<Page>;

/** Every page from `request.cursor` on (a client's `pages`: pipelined or parallel); used by *Load all*. */
export type FetchPages = (request: PageRequest) => AsyncIterable<Page>;

/** What a session tells its panel; each is forwarded to the webview as-is. */
export type SessionEvent = Extract<HostNotification, { type: 'rows' | 'dropOldest' | 'status' | 'error' }>;

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
  private next: PageCursor | undefined;
  private total: number | undefined;
  private lastRefresh: number | undefined;
  private pagesLoaded: number | undefined;
  private current: { readonly op: Operation; readonly controller: AbortController } | undefined;
  private failed: { readonly op: Operation; readonly error: PanelError } | undefined;
  private readonly tail: LiveTail;
  private disposed = false;

  constructor(private readonly options: LogSessionOptions) {
    this.settings = options;
    this.filterValues = options.filters;
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
      more: this.next !== undefined && !this.store.limitReached,
      lastRefresh: this.lastRefresh,
      dropped: this.store.dropped,
      pagesLoaded: this.pagesLoaded,
      total: this.total,
      liveTail: this.tail.on,
      tailPaused: this.tail.paused,
    };
  }

  /** New server-side filters: a new result set from the newest page. */
  setFilters(filters: FilterValues): Promise<void> {
    this.filterValues = filters;
    return this.refresh();
  }

  /** Fetches the newest page and replaces the rows, superseding any load in flight. */
  refresh(): Promise<void> {
    return this.run('first', (signal) => this.loadFirst(signal));
  }

  /** The next older page; does nothing without a cursor, at the row bound, or while another load runs. */
  loadOlder(): Promise<void> {
    if (!this.canLoadOlder()) return Promise.resolve();
    return this.run('older', async (signal) => this.appendPage(await this.fetch(this.next, signal)));
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
    switch (this.failed?.op) {
      case 'first':
        return this.refresh();
      case 'older':
        return this.loadOlder();
      case 'all':
        return this.loadAll();
      case 'tail':
        return this.pollTail();
      default:
        return Promise.resolve();
    }
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
    return this.run('tail', (signal) => this.prependNewest(signal));
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
      if (op === 'first' || this.failed?.op === op) {
        this.setError(undefined);
      }
    } catch (error) {
      if (!isCancellation(error, controller.signal)) {
        this.setError({ op, error: toPanelError(error) });
      }
    } finally {
      if (this.current?.controller === controller) {
        this.current = undefined;
        this.emitStatus();
        this.tail.schedule();
      }
    }
  }

  private async loadFirst(signal: AbortSignal): Promise<void> {
    const missing = this.options.requiredFilters?.some((group) => group.every((key) => isEmptyFilterValue(this.filterValues[key]))) ?? false;
    const page: Page = missing ? { rows: [] } : await this.fetch(undefined, signal);
    const kept = this.store.replace(page.rows);
    this.next = page.next;
    this.total = page.total;
    if (!missing) {
      this.lastRefresh = this.now();
    }
    this.emit({ type: 'rows', mode: 'replace', rows: kept });
  }

  private async loadRemaining(signal: AbortSignal): Promise<void> {
    const fetchPages = this.options.fetchPages ?? sequentialPages(this.options.fetchPage);
    const request: PageRequest = { filters: this.filterValues, cursor: this.next, pageSize: this.settings.pageSize, signal };
    const pages = fetchPages(request)[Symbol.asyncIterator]();
    try {
      while (!this.store.limitReached) {
        const result = await raceAbort(pages.next(), signal);
        if (result.done) return;
        this.appendPage(result.value);
        this.pagesLoaded = (this.pagesLoaded ?? 0) + 1;
        this.emitStatus();
      }
    } finally {
      void pages.return?.();
    }
  }

  private appendPage(page: Page): void {
    const kept = this.store.append(page.rows);
    this.next = page.next;
    this.total = page.total ?? this.total;
    this.lastRefresh = this.now();
    if (kept.length > 0) {
      this.emit({ type: 'rows', mode: 'append', rows: kept });
    }
  }

  private async prependNewest(signal: AbortSignal): Promise<void> {
    const wasEmpty = this.store.size === 0;
    const page = await this.fetch(undefined, signal);
    const { added, droppedOldest } = this.store.prepend(page.rows);
    if (wasEmpty) {
      this.next = page.next;
    }
    this.lastRefresh = this.now();
    if (added.length > 0) {
      this.emit({ type: 'rows', mode: 'prepend', rows: added });
    }
    if (droppedOldest > 0) {
      this.emit({ type: 'dropOldest', count: droppedOldest });
    }
  }

  private async fetch(cursor: PageCursor | undefined, signal: AbortSignal): Promise<Page> {
    const request: PageRequest = { filters: this.filterValues, cursor, pageSize: this.settings.pageSize, signal };
    const page = await raceAbort(this.options.fetchPage(request), signal);
    if (signal.aborted) {
      throw new ProviderError('cancelled', 'The request was cancelled.');
    }
    return page;
  }

  private canLoadOlder(): boolean {
    return !this.current && this.next !== undefined && !this.store.limitReached && !this.disposed;
  }

  /** A live tail failing the same way on every poll shows (and logs) its banner once. */
  private setError(failed: LogSession['failed']): void {
    const before = this.failed;
    const changed = before?.error.message !== failed?.error.message || before?.op !== failed?.op;
    this.failed = failed;
    if (changed) {
      this.emit({ type: 'error', error: failed?.error ?? null });
    }
  }

  private emitStatus(): void {
    this.emit({ type: 'status', status: this.status() });
  }

  private emit(event: SessionEvent): void {
    for (const listener of [...this.listeners]) {
      listener(event);
    }
  }

  private now(): number {
    return (this.options.now ?? Date.now)();
  }
}
