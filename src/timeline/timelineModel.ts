import type { HostNotification, LoadActivity, PanelError, PanelStatus, TimelineSourceStatus } from '../protocol/logTable';
import type { LogRow } from '../protocol/streamDefinition';
import type { TimeRange } from '../protocol/timeRange';
import type { LogSession, SessionEvent, SessionSettings } from '../query/logSession';
import { completeness, furthestBehind, type SourceProgress } from './completeness';
import { MergedRows, type RowChange } from './mergedRows';
import { splitMergedRowId, toTimelineRow, type SourceInfo } from './sourceRows';

/** One stream of the timeline and the session that loads its rows. */
export interface TimelineSource {
  readonly info: SourceInfo;
  readonly session: LogSession;
}

/** What the timeline tells its panel: the same notifications a single stream's session sends. */
export type TimelineEvent = Extract<HostNotification, { type: 'rows' | 'dropOldest' | 'status' | 'error' }>;

/** Each source keeps this share of `maxRows`, so the whole timeline stays within it. */
export function perSourceSettings(settings: SessionSettings, sourceCount: number): SessionSettings {
  return { ...settings, maxRows: Math.max(1, Math.floor(settings.maxRows / Math.max(1, sourceCount))) };
}

/**
 * The merged rows of several streams, newest first, each row tagged with its source. Every source pages through
 * its own `LogSession`; one failing source shows its error and the others keep loading. *Load older* advances the
 * source that is furthest behind, so the part of the table that is complete grows with each click.
 */
export class TimelineModel {
  private readonly merged: MergedRows;
  private readonly converted = new WeakMap<LogRow, LogRow>();
  private readonly listeners = new Set<(event: TimelineEvent) => void>();
  private readonly subscriptions: { dispose(): void }[];

  constructor(readonly sources: readonly TimelineSource[]) {
    this.merged = new MergedRows(sources.length);
    this.subscriptions = sources.map((source) => source.session.onEvent((event) => this.sessionEvent(source, event)));
  }

  get rows(): readonly LogRow[] {
    return this.merged.rows;
  }

  onEvent(listener: (event: TimelineEvent) => void): { dispose(): void } {
    this.listeners.add(listener);
    return { dispose: () => this.listeners.delete(listener) };
  }

  /** The source and the stream's own row behind a merged row id. */
  sourceRow(mergedId: string): { readonly source: TimelineSource; readonly row: LogRow } | undefined {
    const split = splitMergedRowId(mergedId);
    const source = split ? this.sources[split.source] : undefined;
    const row = split ? source?.session.getRow(split.rowId) : undefined;
    return source && row ? { source, row } : undefined;
  }

  getRow(mergedId: string): LogRow | undefined {
    const found = this.sourceRow(mergedId);
    return found ? this.convert(found.source, found.row) : undefined;
  }

  refresh(): Promise<void> {
    return this.everySource((session) => session.refresh());
  }

  setTimeRange(range: TimeRange | undefined): Promise<void> {
    return this.everySource((session) => session.setTimeRange(range));
  }

  /** The next older page of the source furthest behind; nothing when no source can load. */
  loadOlder(): Promise<void> {
    const index = furthestBehind(this.progress());
    return index === -1 ? Promise.resolve() : this.sources[index].session.loadOlder();
  }

  /** Every source's remaining pages, side by side, each up to its share of the row limit. */
  loadAll(): Promise<void> {
    return this.everySource((session) => session.loadAll());
  }

  /**
   * Pages older, furthest-behind source first, until every source has reached `time` or has no more (*Show Around
   * This Time* needs each source's rows at that moment). Stops when a page brings nothing new.
   */
  async loadBackTo(time: number): Promise<void> {
    for (;;) {
      const progress = this.progress();
      const index = furthestBehind(progress);
      const pending = index !== -1 && (progress[index].oldest === undefined || progress[index].oldest > time);
      if (!pending) return;
      const session = this.sources[index].session;
      const before = session.rows.length;
      await session.loadOlder();
      if (session.rows.length === before) return;
    }
  }

  cancel(): void {
    this.sources.forEach((source) => source.session.cancel());
  }

  /** Repeats what failed, in each failed source. */
  retry(): Promise<void> {
    return this.everySource((session) => (session.error ? session.retry() : Promise.resolve()));
  }

  setLiveTail(enabled: boolean): void {
    this.sources.forEach((source) => source.session.setLiveTail(enabled));
  }

  setTailPaused(paused: boolean): void {
    this.sources.forEach((source) => source.session.setTailPaused(paused));
  }

  setVisible(visible: boolean): void {
    this.sources.forEach((source) => source.session.setVisible(visible));
  }

  updateSettings(settings: SessionSettings): void {
    const share = perSourceSettings(settings, this.sources.length);
    this.sources.forEach((source) => source.session.updateSettings(share));
  }

  status(): PanelStatus {
    const statuses = this.sources.map((source) => source.session.status());
    const busy = statuses.find((status) => status.activity !== 'idle' && status.activity !== 'tail');
    const activity: LoadActivity = busy?.activity ?? (statuses.some((status) => status.activity === 'tail') ? 'tail' : 'idle');
    const refreshes = statuses.map((status) => status.lastRefresh).filter((time): time is number => time !== undefined);
    const pages = statuses.map((status) => status.pagesLoaded).filter((n): n is number => n !== undefined);
    return {
      activity,
      loaded: this.merged.rows.length,
      more: statuses.some((status) => status.more),
      lastRefresh: refreshes.length > 0 ? Math.max(...refreshes) : undefined,
      dropped: statuses.reduce((sum, status) => sum + status.dropped, 0),
      pagesLoaded: pages.length > 0 ? pages.reduce((a, b) => a + b, 0) : undefined,
      liveTail: statuses.some((status) => status.liveTail),
      tailPaused: statuses.some((status) => status.tailPaused),
      retry: statuses.find((status) => status.retry)?.retry,
      timeline: { completeness: completeness(this.progress()), sources: this.sourceStatuses() },
    };
  }

  /** One banner for every failing source, each named; `null` when none fails. */
  error(): PanelError | null {
    const failing = this.sources.filter((source) => source.session.error);
    if (failing.length === 0) return null;
    const first = failing[0].session.error as PanelError;
    const message = failing.map((source) => `${source.info.label}: ${source.session.error?.message ?? ''}`).join(' ');
    return { kind: first.kind, message, canUpdateToken: false, canRetry: failing.some((source) => source.session.error?.canRetry !== false) };
  }

  dispose(): void {
    this.subscriptions.forEach((subscription) => subscription.dispose());
    this.sources.forEach((source) => source.session.dispose());
    this.listeners.clear();
  }

  private progress(): SourceProgress[] {
    return this.sources.map(({ info, session }) => ({
      label: info.label,
      oldest: session.rows.at(-1)?.time,
      more: session.status().more,
      failed: session.error !== null,
    }));
  }

  private sourceStatuses(): TimelineSourceStatus[] {
    return this.sources.map(({ info, session }) => {
      const status = session.status();
      const error = session.error?.message;
      return { label: info.label, colour: info.index, loaded: status.loaded, more: status.more, ...(error ? { error } : {}) };
    });
  }

  /** Each change of a source's rows changes only its part of the merged rows, and the webview gets the same change. */
  private sessionEvent(source: TimelineSource, event: SessionEvent): void {
    const index = source.info.index;
    switch (event.type) {
      case 'rows': {
        const rows = event.rows.map((row) => this.convert(source, row));
        if (event.mode === 'replace') return this.changed(this.merged.replaceSource(index, rows));
        if (event.mode === 'insert') return this.changed(this.merged.insertIntoSource(index, this.sessionRows(source), rows));
        return this.changed(this.merged.add(index, rows, event.mode === 'prepend' ? 'before' : 'after'));
      }
      case 'dropOldest':
        return this.changed(this.merged.remove(index, event.count, (row) => this.sourceRow(row.id) === undefined));
      case 'error':
        this.emit({ type: 'error', error: this.error() });
        return this.emit({ type: 'status', status: this.status() });
      case 'status':
        return this.emit({ type: 'status', status: this.status() });
      case 'gaps':
        return undefined;
    }
  }

  private sessionRows(source: TimelineSource): LogRow[] {
    return Array.from(source.session.rows, (row) => this.convert(source, row));
  }

  private changed(changes: readonly RowChange[]): void {
    for (const change of changes) this.emit(change);
  }

  private convert(source: TimelineSource, row: LogRow): LogRow {
    let converted = this.converted.get(row);
    if (!converted) {
      converted = toTimelineRow(source.info, row);
      this.converted.set(row, converted);
    }
    return converted;
  }

  private async everySource(work: (session: LogSession) => Promise<void>): Promise<void> {
    await Promise.all(this.sources.map((source) => work(source.session)));
  }

  private emit(event: TimelineEvent): void {
    for (const listener of [...this.listeners]) listener(event);
  }
}
