/**
 * The one message protocol between the log-table webview and the extension host. Pure types: the webview imports
 * them, and the host validates every incoming message with the zod schemas in `logTableSchemas.ts`.
 *
 * Three kinds of message:
 * - commands: webview → host, fire and forget (intents only: the webview never decides what to fetch);
 * - requests: webview → host with an `id`; the host answers with a `reply` carrying the same id;
 * - notifications: host → webview.
 * Payloads are plain JSON: times are epoch ms.
 */
import type { CallEvent, FilterValues, LogRow, MeetingQuery, MeetingSessionPage, ProviderKind, StreamDefinition } from './streamDefinition';
import type { ProviderErrorKind } from './providerErrorKind';
import type { TimeRange } from './timeRange';
import type { ViewLayout } from './savedView';

export type ExportFormat = 'csv' | 'json' | 'ndjson';
export type TimeZoneMode = 'local' | 'utc';
/** Row commands the host runs for the page's row menu (the same as VS Code's `webview/context` items). */
export type RowCommand = 'showAroundTime' | 'findRelated';

// ---- webview → host commands -------------------------------------------------------------------------------

export type WebviewCommand =
  /** The page has loaded (or was shown again): the host answers with `init` then the current rows and status. */
  | { readonly type: 'ready' }
  /** Server-side filters changed: refetch from the newest page. */
  | { readonly type: 'setFilters'; readonly filters: FilterValues }
  /** Fetch the next older page. */
  | { readonly type: 'loadOlder' }
  /** Stream every remaining page, with progress, until done, cancelled or `apiLogs.maxRows`. */
  | { readonly type: 'loadAll' }
  /** Load the rows a live-tail gap row stands for, and replace the gap with them. */
  | { readonly type: 'loadGap'; readonly gapId: string }
  /** Stop `loadAll` (or any load in flight). */
  | { readonly type: 'cancelLoad' }
  /** Repeat the request that failed. */
  | { readonly type: 'retry' }
  /** Start or stop polling for newer rows. */
  | { readonly type: 'setLiveTail'; readonly enabled: boolean }
  /** The user scrolled away from the newest rows (paused) or back (resumed). */
  | { readonly type: 'setTailPaused'; readonly paused: boolean }
  /** Export rows; `rowIds` present means only those rows (the quick-filtered set), in that order. */
  | { readonly type: 'export'; readonly format: ExportFormat; readonly rowIds?: readonly string[] }
  /** Copy text to the clipboard through the host. */
  | { readonly type: 'copyText'; readonly text: string }
  | { readonly type: 'copyRowAsJson'; readonly rowId: string }
  | { readonly type: 'openRowAsJson'; readonly rowId: string }
  /** API logs: the request as a cURL command with the token replaced by a placeholder. */
  | { readonly type: 'copyCurl'; readonly rowId: string }
  /** A link inside log content; the host checks the scheme (http/https only) and asks the user first. */
  | { readonly type: 'openLink'; readonly url: string }
  /** The auth-error banner's action: re-enter the connection's token. */
  | { readonly type: 'updateToken' }
  /** Switch local/UTC display (persisted to the `apiLogs.timeZone` setting). */
  | { readonly type: 'setTimeZone'; readonly timeZone: TimeZoneMode }
  /** Columns shown, their widths or the sort changed (a saved view stores them). */
  | { readonly type: 'layoutChanged'; readonly layout: ViewLayout }
  /** The selected row changed (the palette's Find Call Sites uses it). */
  | { readonly type: 'rowSelected'; readonly rowId: string }
  /** Find the workspace code that sends this row's request. */
  | { readonly type: 'findCallSites'; readonly rowId: string }
  /** A row's *Show Around This Time…* or *Find Related…* from the page's own row menu (issue #12). */
  | { readonly type: 'rowCommand'; readonly command: RowCommand; readonly rowId: string; readonly query: string }
  /** The applied query or time range changed, so the identity a reload or a saved view restores is current. */
  | { readonly type: 'queryChanged'; readonly query: string; readonly timeRange?: TimeRange };

// ---- webview → host requests -------------------------------------------------------------------------------

export type WebviewRequest =
  /** A page of Daily meeting sessions for the session picker (search and "More…"). */
  | { readonly type: 'listMeetingSessions'; readonly id: number; readonly query?: MeetingQuery }
  /** The events of the voice call in row `rowId` (the detail pane's "Load call events"). */
  | { readonly type: 'listCallEvents'; readonly id: number; readonly rowId: string };

export type ReplyPayload<R extends WebviewRequest> = R extends { type: 'listMeetingSessions' }
  ? MeetingSessionPage
  : R extends { type: 'listCallEvents' }
    ? readonly CallEvent[]
    : never;

export type WebviewMessage = WebviewCommand | WebviewRequest;

// ---- host → webview notifications --------------------------------------------------------------------------

export interface PanelSettings {
  readonly timeZone: TimeZoneMode;
  readonly maxRows: number;
  readonly liveTailIntervalSeconds: number;
}

export type LoadActivity = 'idle' | 'first' | 'older' | 'all' | 'tail' | 'gap';

/** Why paging ended although the API had not said "no more pages". */
export type PagingStop = 'repeatedCursor' | 'repeatedPage';

/** A request in flight that failed and is being tried again. */
export interface RetryProgress {
  /** 1-based retry number and the most there will be. */
  readonly attempt: number;
  readonly of: number;
  /** What failed, e.g. "timed out" or "server error 503". */
  readonly reason: string;
}

/**
 * Rows live tail could not load: more arrived between two polls than the poll pages through. The gap sits just
 * above the row `beforeRowId`; `loadGap` fills it.
 */
export interface PanelGap {
  readonly id: string;
  readonly beforeRowId: string;
  /** At least this many rows are missing (1 when the API reports no total). */
  readonly missing: number;
}

export interface PanelStatus {
  readonly activity: LoadActivity;
  /** Rows held in memory (before the webview's quick filter). */
  readonly loaded: number;
  /** An older page exists. */
  readonly more: boolean;
  /** Epoch ms of the last successful fetch. */
  readonly lastRefresh?: number;
  /** Oldest rows dropped to stay within `apiLogs.maxRows`. */
  readonly dropped: number;
  /** During `loadAll`: pages fetched so far. */
  readonly pagesLoaded?: number;
  /** Total matching rows when the API reports it. */
  readonly total?: number;
  readonly liveTail: boolean;
  readonly tailPaused: boolean;
  /** Paging stopped early because the API misbehaved; the older rows were not loaded. */
  readonly pagingStopped?: PagingStop;
  /** The request in flight is being retried. */
  readonly retry?: RetryProgress;
  /** A timeline panel: how far back its merged rows are complete, and each source's state. */
  readonly timeline?: TimelineStatus;
}

/** Issue #12: a timeline merges several streams; its rows are complete only as far back as every source reached. */
export interface TimelineStatus {
  readonly completeness: TimelineCompleteness;
  readonly sources: readonly TimelineSourceStatus[];
}

export type TimelineCompleteness =
  /** Every source loaded all it has. */
  | { readonly kind: 'all' }
  /** Complete back to `since` (epoch ms); `behind` names the sources that stop there. */
  | { readonly kind: 'since'; readonly since: number; readonly behind: readonly string[] }
  /** A source has reached no time yet (loading, failed or empty with more pages): nothing is complete. */
  | { readonly kind: 'none'; readonly behind: readonly string[] };

export interface TimelineSourceStatus {
  /** "Acme production · Lago · API logs". */
  readonly label: string;
  /** Colour chip index (the Source column's `sourceColour`). */
  readonly colour: number;
  readonly loaded: number;
  readonly more: boolean;
  readonly error?: string;
}

export interface PanelError {
  readonly kind: ProviderErrorKind;
  /** One readable sentence naming the cause. */
  readonly message: string;
  /** Show an "Update Token" action (auth errors). */
  readonly canUpdateToken: boolean;
  /** Show "Retry" (false when repeating the request cannot help, e.g. a feature the plan does not include). */
  readonly canRetry?: boolean;
}

export type HostNotification =
  | {
      readonly type: 'init';
      /** Panel title, e.g. "Acme production · Daily · API logs". */
      readonly title: string;
      readonly definition: StreamDefinition;
      readonly filters: FilterValues;
      readonly settings: PanelSettings;
      /** Who this panel is, so the webview can persist it with `setState` for the panel serializer. */
      readonly identity?: PanelIdentity | TimelineIdentity;
      /** The query to apply (the panel was restored, or opened from a view, a CodeLens or a related row). */
      readonly query?: string;
      readonly timeRange?: TimeRange;
      /** A saved view's column layout, applied over the page's own (the panel was opened from the view). */
      readonly layout?: ViewLayout;
    }
  /** Replace the panel's query (the user asked for it from outside the panel: CodeLens, Find Related, …). */
  | { readonly type: 'setQuery'; readonly query: string }
  /** The panel now shows a saved view (Save As…): the webview persists the identity for the serializer. */
  | { readonly type: 'identity'; readonly identity: PanelIdentity | TimelineIdentity }
  /** `replace`: a new result set; `append`: older rows at the end; `prepend`: live-tail rows at the top. */
  | { readonly type: 'rows'; readonly mode: 'replace' | 'append' | 'prepend'; readonly rows: readonly LogRow[] }
  /** A filled gap: rows that go just above the row `beforeRowId`. */
  | { readonly type: 'rows'; readonly mode: 'insert'; readonly beforeRowId: string; readonly rows: readonly LogRow[] }
  /** Every live-tail gap now (replaces the previous list). */
  | { readonly type: 'gaps'; readonly gaps: readonly PanelGap[] }
  /** The oldest `count` rows were dropped from the end to respect `apiLogs.maxRows`. */
  | { readonly type: 'dropOldest'; readonly count: number }
  | { readonly type: 'status'; readonly status: PanelStatus }
  /** `null` clears the banner. */
  | { readonly type: 'error'; readonly error: PanelError | null }
  | { readonly type: 'settings'; readonly settings: PanelSettings }
  /** A request's answer: `result`, or `error` (a readable sentence) with the provider error's kind when known. */
  | { readonly type: 'reply'; readonly id: number; readonly result?: unknown; readonly error?: string; readonly errorKind?: ProviderErrorKind };

/** What the webview persists with `setState` (UI intent only, never rows) and the serializer restores from. */
export interface PanelIdentity {
  readonly accountId: string;
  readonly provider: ProviderKind;
  readonly streamId: StreamDefinition['id'];
  readonly filters: FilterValues;
  /** The query language text applied in the panel (issue #10); absent or empty: none. */
  readonly query?: string;
  readonly timeRange?: TimeRange;
  /** The saved view this panel shows (`account:<id>` or `workspace:<name>`); a view has a panel of its own. */
  readonly viewId?: string;
}

/** One stream of a timeline: which connection's stream, with its server-side filters. */
export interface TimelineSourceRef {
  readonly accountId: string;
  readonly provider: ProviderKind;
  readonly streamId: StreamDefinition['id'];
  readonly filters?: FilterValues;
}

/** A timeline panel's identity (issue #12): its streams, in Source order, and what the user asked to see. */
export interface TimelineIdentity {
  readonly kind: 'timeline';
  readonly sources: readonly TimelineSourceRef[];
  readonly query?: string;
  readonly timeRange?: TimeRange;
  /** The saved timeline this panel shows (its id in this VS Code's saved timelines); it has a panel of its own. */
  readonly viewId?: string;
}
