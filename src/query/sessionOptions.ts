import type { HostNotification } from '../protocol/logTable';
import type { Page, PageRequest } from '../providers/connection';
import type { FilterValues } from '../protocol/streamDefinition';
import type { TimeRange } from '../protocol/timeRange';

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
