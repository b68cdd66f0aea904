import type { RetryProgress } from '../protocol/logTable';
import type { CallEvent, FilterValues, LogRow, MeetingQuery, MeetingSessionPage, ProviderKind, StreamDefinition, StreamId } from '../protocol/streamDefinition';
import type { ResolvedTimeRange } from '../protocol/timeRange';

/** Everything needed to talk to one provider for one account. `secret` comes from SecretStorage, never from state. */
export type ConnectionConfig =
  | { readonly provider: 'daily'; readonly baseUrl: string; readonly secret: string }
  | { readonly provider: 'lago'; readonly baseUrl: string; readonly secret: string }
  | {
      readonly provider: 'signalwire';
      readonly baseUrl: string;
      readonly projectId: string;
      readonly secret: string;
    };

export interface ConnectionOptions {
  /** Longest wait for one request, all its retries included (setting `apiLogs.requestTimeoutSeconds`). */
  readonly timeoutMs: number;
  /** Requests in flight at once for this connection. */
  readonly maxConcurrent?: number;
  /** Retries for GETs on 429/5xx/network; tests set delays to 0. */
  readonly maxRetries?: number;
  /** Base delay for exponential backoff, ms. */
  readonly retryBaseDelayMs?: number;
  readonly userAgent?: string;
}

/** An opaque, JSON-serialisable position in a stream (a cursor, offset, page number or `links.next` URL). */
export type PageCursor = string;

export interface PageRequest {
  readonly filters: FilterValues;
  /** Absent: the newest page. */
  readonly cursor?: PageCursor;
  /** Rows per page; clamped to the stream's `maxPageSize`. */
  readonly pageSize?: number;
  /**
   * Only rows within these bounds (inclusive). Each client sends what its API supports (see
   * `timeRangeParams.ts`) and drops the rest, and paging ends once a page reaches past `from`.
   */
  readonly range?: ResolvedTimeRange;
  readonly signal?: AbortSignal;
  /** Told each time a request for this page is retried. */
  readonly onRetry?: (progress: RetryProgress) => void;
}

export interface Page {
  /** Newest first. Rows failing a local-only filter are already removed. */
  readonly rows: readonly LogRow[];
  /** Where the next (older) page starts; absent when there is none. */
  readonly next?: PageCursor;
  /** Total rows matching, when the API says. */
  readonly total?: number;
  /**
   * Epoch ms of the oldest record the page covered before local filters removed any, so live tail can tell it
   * has reached rows it holds even when every row of the page was filtered out.
   */
  readonly scannedTo?: number;
  /**
   * Oldest-first lists only (Daily meeting logs with `order=ASC`): the position just past this page's last record,
   * where rows that arrive later will be listed; live tail pages on from here and appends.
   */
  readonly tailCursor?: PageCursor;
  /** The API named the requested cursor again as the next one: `next` is dropped, and paging stopped early. */
  readonly repeatedCursor?: boolean;
}

export interface StreamClient {
  readonly definition: StreamDefinition;
  /** One page. Throws `ProviderError`. */
  fetchPage(request: PageRequest): Promise<Page>;
  /**
   * Pages from `request.cursor` (or the newest) to the end, yielded as they arrive. Stops on a repeated cursor
   * and skips empty pages in the middle.
   */
  pages(request: PageRequest): AsyncIterable<Page>;
}


export interface ProviderConnection {
  readonly provider: ProviderKind;
  readonly streams: readonly StreamDefinition[];
  /** One cheap request (`limit=1`); resolves when the credentials work, throws `ProviderError` otherwise. */
  testConnection(signal?: AbortSignal): Promise<void>;
  stream(id: StreamId): StreamClient;
  /** Daily only: a page of meeting sessions for the meeting-logs picker. */
  listMeetingSessions?(query?: MeetingQuery, signal?: AbortSignal): Promise<MeetingSessionPage>;
  /** SignalWire only: the events of one voice call, for its detail pane. */
  listCallEvents?(callId: string, signal?: AbortSignal): Promise<readonly CallEvent[]>;
  dispose(): void;
}
