/**
 * The CodeLens's own rows: one cheap page per endpoint (filtered server-side by the endpoint's most specific
 * segment), fetched in the background at most once per `ttlMs`, never while a lens is being provided. No `vscode`:
 * the fetch and the clock are injected, so the unit tests drive it directly.
 */
import type { FilterValues, LogRow, StreamId } from '../protocol/streamDefinition';

export type LensFetch = (connection: string, streamId: StreamId, filters: FilterValues) => Promise<readonly LogRow[]>;

/** The server-side filter that narrows a stream to paths containing a text. */
export const serverPathFilter: Readonly<Partial<Record<StreamId, string>>> = {
  'daily.api': 'url',
  'lago.api': 'request_paths',
};

interface Entry {
  rows: readonly LogRow[];
  fetchedAt: number;
  inFlight: boolean;
}

export class LensRowCache {
  private readonly entries = new Map<string, Entry>();
  private readonly listeners = new Set<() => void>();
  /** Fetches started (tests assert the budget). */
  fetches = 0;

  constructor(
    private readonly fetch: LensFetch,
    private readonly ttlMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** The rows fetched for this endpoint so far (none before the first fetch ends). */
  rows(connection: string, streamId: StreamId, template: readonly string[]): readonly LogRow[] {
    return this.entries.get(keyOf(connection, streamId, template))?.rows ?? [];
  }

  /** Starts a fetch when this endpoint's rows are missing or older than the TTL; returns whether it did. */
  refresh(connection: string, streamId: StreamId, template: readonly string[]): boolean {
    const key = keyOf(connection, streamId, template);
    const entry = this.entries.get(key);
    const filterKey = serverPathFilter[streamId];
    if (!filterKey || entry?.inFlight || (entry && this.now() - entry.fetchedAt < this.ttlMs)) return false;
    const next: Entry = { rows: entry?.rows ?? [], fetchedAt: this.now(), inFlight: true };
    this.entries.set(key, next);
    this.fetches++;
    this.fetch(connection, streamId, { [filterKey]: `/${mostSpecific(template)}` }).then(
      (rows) => {
        next.rows = rows;
        next.inFlight = false;
        this.listeners.forEach((listener) => listener());
      },
      () => {
        next.inFlight = false;
      },
    );
    return true;
  }

  /** Called after a fetch brought rows. */
  onDidChange(listener: () => void): { dispose(): void } {
    this.listeners.add(listener);
    return { dispose: () => this.listeners.delete(listener) };
  }

  /** Drops the rows of connections that were removed. */
  retain(connections: ReadonlySet<string>): void {
    for (const key of [...this.entries.keys()]) if (!connections.has(key.split('|')[0])) this.entries.delete(key);
  }
}

/** The longest literal segment: the narrowest server-side filter that still matches every call. */
export function mostSpecific(template: readonly string[]): string {
  return template.filter((part) => part !== '*').reduce((best, part) => (part.length > best.length ? part : best), '');
}

function keyOf(connection: string, streamId: StreamId, template: readonly string[]): string {
  return `${connection}|${streamId}|${template.join('/')}`;
}
