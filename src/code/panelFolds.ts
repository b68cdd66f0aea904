/**
 * The open panels' rows folded per source (account and stream) as they arrive, so the first lens of a file finds
 * the figures ready instead of walking every row. New rows are folded in as they come; a replaced result set, rows
 * dropped at the bound or a closed panel refold the source from the rows still held. A row held by two panels of
 * the same source counts once. No `vscode`: the bench and the unit tests drive it with real sessions.
 */
import type { SessionEvent } from '../query/sessionOptions';
import type { LogRow, StreamId } from '../protocol/streamDefinition';
import type { RequestFields } from './loggedRequest';
import { requestFields } from './loggedRequest';
import { PathFold, midnightOf } from './pathFold';

/** What a panel offers: its source, its rows and their changes. */
export interface FoldedPanel {
  readonly identity: { readonly accountId: string; readonly streamId: StreamId };
  readonly session: {
    readonly rows: Iterable<LogRow>;
    getRow(id: string): LogRow | undefined;
    onEvent(listener: (event: SessionEvent) => void): { dispose(): void };
  };
}

export function sourceKeyOf(accountId: string, streamId: StreamId): string {
  return `${accountId}|${streamId}`;
}

export class PanelFolds {
  private readonly panels = new Map<string, FoldedPanel[]>();
  private readonly folds = new Map<string, PathFold>();
  private readonly listeners = new Set<() => void>();

  constructor(
    /** The streams worth folding (the ones lenses report on). */
    private readonly streams: ReadonlySet<StreamId>,
    private readonly now: () => number = Date.now,
  ) {}

  /** Starts folding a panel's rows (those it holds now, then each change); disposing stops and unfolds them. */
  attach(panel: FoldedPanel): { dispose(): void } {
    const { accountId, streamId } = panel.identity;
    const fields = requestFields[streamId];
    if (!fields || !this.streams.has(streamId)) return { dispose: () => undefined };
    const key = sourceKeyOf(accountId, streamId);
    this.panels.set(key, [...(this.panels.get(key) ?? []), panel]);
    this.addRows(key, fields, panel, panel.session.rows);
    const events = panel.session.onEvent((event) => this.onEvent(key, fields, panel, event));
    this.changed();
    return {
      dispose: () => {
        events.dispose();
        const rest = (this.panels.get(key) ?? []).filter((other) => other !== panel);
        if (rest.length > 0) {
          this.panels.set(key, rest);
          this.refold(key, fields);
        } else {
          this.panels.delete(key);
          this.folds.delete(key);
        }
        this.changed();
      },
    };
  }

  /** The source's fold, current for today (a new day refolds it once); undefined while no panel shows it. */
  foldOf(key: string): PathFold | undefined {
    const fold = this.folds.get(key);
    if (fold && fold.midnight !== midnightOf(this.now())) return this.refold(key, fold.fields);
    return fold;
  }

  /** Whether an open panel of the source holds the row (it is folded already). */
  holds(key: string, rowId: string): boolean {
    return (this.panels.get(key) ?? []).some((panel) => panel.session.getRow(rowId) !== undefined);
  }

  /** Called after any fold changed. */
  onDidChange(listener: () => void): { dispose(): void } {
    this.listeners.add(listener);
    return { dispose: () => this.listeners.delete(listener) };
  }

  private onEvent(key: string, fields: RequestFields, panel: FoldedPanel, event: SessionEvent): void {
    if (event.type === 'rows' && event.mode !== 'replace') this.addRows(key, fields, panel, event.rows);
    else if (event.type === 'rows' || event.type === 'dropOldest') this.refold(key, fields);
    else return;
    this.changed();
  }

  /** Rows the panel just took in (it holds them already): folded unless another panel of the source holds them. */
  private addRows(key: string, fields: RequestFields, panel: FoldedPanel, rows: Iterable<LogRow>): void {
    const fold = this.folds.get(key);
    if (!fold) {
      this.refold(key, fields);
      return;
    }
    const others = (this.panels.get(key) ?? []).filter((other) => other !== panel);
    fold.add(rows, others.length === 0 ? undefined : (row) => others.some((other) => other.session.getRow(row.id) !== undefined));
  }

  /** Folds the source again from the rows its panels hold; a row two panels hold counts for the first. */
  private refold(key: string, fields: RequestFields): PathFold {
    const fold = new PathFold(fields, midnightOf(this.now()));
    const panels = this.panels.get(key) ?? [];
    panels.forEach((panel, index) => {
      const earlier = panels.slice(0, index);
      fold.add(panel.session.rows, index === 0 ? undefined : (row) => earlier.some((other) => other.session.getRow(row.id) !== undefined));
    });
    this.folds.set(key, fold);
    return fold;
  }

  private changed(): void {
    this.listeners.forEach((listener) => listener());
  }
}
