/**
 * The declarative description of one log stream. It is pure data (no functions) so the host can send it to the
 * webview as-is: the webview renders the filter bar, columns and detail pane from it, and the host's client uses
 * the same definition to build requests. Adding a stream is one new definition file plus its client mapping.
 */

export type ProviderKind = 'daily' | 'lago' | 'signalwire';

export type StreamId =
  | 'daily.api'
  | 'daily.webhook'
  | 'daily.meeting'
  | 'lago.api'
  | 'signalwire.video'
  | 'signalwire.voice'
  /** The merged rows of several streams (issue #12): a table definition only, no client. */
  | 'timeline';

/** The streams a provider serves (every stream but the timeline). */
export type ProviderStreamId = Exclude<StreamId, 'timeline'>;

/** How a column's value is formatted and coloured in the table. */
export type ColumnType =
  | 'time' // epoch ms, shown local or UTC
  | 'text'
  | 'number'
  | 'httpStatus' // coloured by class (2xx/4xx/5xx)
  | 'level' // error / warning / info / debug
  | 'method'
  | 'money' // a number already in the provider's currency unit
  | 'duration' // seconds
  | 'flag' // true marks the row (a badge named by the title); the toolbar gets a toggle to hide marked rows
  | 'source'; // a timeline row's stream, with a colour chip picked by the row's `sourceColourField`

/** A timeline row's colour chip index (issue #12): the `source` column's colour. */
export const sourceColourField = 'sourceColour';

export interface ColumnDef {
  /** Key into `LogRow.fields`. */
  readonly key: string;
  readonly title: string;
  readonly type: ColumnType;
  /** Initial width in CSS pixels. */
  readonly width?: number;
  /** Hidden until the user shows it. */
  readonly hidden?: boolean;
  /** A `source` column: the timeline's sources in Source order (the histogram stacks by them). */
  readonly values?: readonly string[];
}

interface FilterBase {
  /** Key into `FilterValues`. */
  readonly key: string;
  readonly label: string;
  readonly description?: string;
  /** True when the API applies it; false when the host applies it to fetched rows (shown as "local" in the UI). */
  readonly serverSide: boolean;
  /** The stream cannot be queried without it (Daily meeting logs need a session id). */
  readonly required?: boolean;
  /** With `required`: other filter keys that satisfy the requirement in its place (Daily: `userSessionId`). */
  readonly requiredAlternatives?: readonly string[];
}

export interface TextFilter extends FilterBase {
  readonly kind: 'text';
  readonly placeholder?: string;
  /** A JavaScript RegExp source the value must match, for validation as typed. */
  readonly pattern?: string;
}

export interface EnumFilter extends FilterBase {
  readonly kind: 'enum';
  readonly options: readonly { readonly value: string; readonly label: string }[];
  /** Several values at once (sent as a repeated / array parameter). */
  readonly multiple: boolean;
  readonly defaultValue?: string;
}

export interface DateFilter extends FilterBase {
  /** `date`: YYYY-MM-DD; `datetime`: epoch ms. */
  readonly kind: 'date' | 'datetime';
}

export interface BooleanFilter extends FilterBase {
  readonly kind: 'boolean';
  readonly defaultValue?: boolean;
}

/** Daily meeting session picker: a list of recent sessions from `GET /meetings`, or a pasted id. */
export interface SessionFilter extends FilterBase {
  readonly kind: 'session';
}

export type FilterDef = TextFilter | EnumFilter | DateFilter | BooleanFilter | SessionFilter;

/** Filter values by `FilterDef.key`. Dates are YYYY-MM-DD strings, datetimes epoch ms, multi-enums string arrays. */
export type FilterValues = Readonly<Record<string, string | number | boolean | readonly string[] | undefined>>;

export interface DetailSection {
  readonly title: string;
  /** Key into `LogRow.fields`. */
  readonly field: string;
  /**
   * `json`: pretty-printed (a JSON string is parsed first, raw text shown when it is not JSON). `callEvents`: the
   * call's events, loaded on demand from the host (`listCallEvents` with the row's id); `field` is unused.
   */
  readonly format: 'json' | 'text' | 'fields' | 'callEvents';
}

/** How the stream pages, for the UI (the client owns the mechanics). */
export type PagingMode = 'cursor' | 'offset' | 'page' | 'link';

export interface StreamDefinition {
  readonly id: StreamId;
  readonly provider: ProviderKind | 'timeline';
  /** Tree label, e.g. "API logs". */
  readonly label: string;
  readonly paging: PagingMode;
  /** Largest page the API accepts. */
  readonly maxPageSize: number;
  readonly columns: readonly ColumnDef[];
  readonly filters: readonly FilterDef[];
  readonly details: readonly DetailSection[];
  /** The stream logs HTTP requests, so "Copy as cURL" applies. */
  readonly hasHttpRequest: boolean;
}

export type Severity = 'error' | 'warning' | 'info' | 'debug';

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

/** One log record after validation and mapping; plain JSON so it crosses the webview boundary unchanged. */
export interface LogRow {
  /** Unique within the stream; used to de-duplicate pages and live-tail polls. */
  readonly id: string;
  /** Epoch ms; the sort key for time. */
  readonly time: number;
  readonly severity: Severity;
  /** Every field of the record, columns and details included, by key. */
  readonly fields: Readonly<Record<string, JsonValue>>;
}

/** One event of a SignalWire call (`GET /api/voice/logs/{id}/events`), oldest first. */
export interface CallEvent {
  /** Epoch ms (`event_at`). */
  readonly time: number;
  readonly level: string | null;
  readonly name: string | null;
  readonly details: JsonValue;
}

/** What the meeting-session picker asks Daily's `GET /meetings` for; every part optional. */
export interface MeetingQuery {
  /** Only this room (`room`). */
  readonly room?: string;
  /** Epoch ms; sent as `timeframe_start` / `timeframe_end` (epoch seconds). */
  readonly from?: number;
  readonly to?: number;
  /** The id of the oldest session shown: the next older page (`starting_after`). */
  readonly after?: string;
  /** The id of the newest session shown: the page of newer sessions (`ending_before`). */
  readonly before?: string;
}

/** One page of meeting sessions, newest first. */
export interface MeetingSessionPage {
  readonly sessions: readonly MeetingSession[];
  /** A full page came back, so `after` the last one may hold more. */
  readonly more: boolean;
}

/** A recent Daily meeting session, offered by the meeting-logs session picker. */
export interface MeetingSession {
  /** The `mtgSessionId`. */
  readonly id: string;
  readonly room: string;
  /** Epoch ms. */
  readonly startTime: number;
  /** Seconds. */
  readonly duration: number;
  readonly participants: readonly { readonly id: string; readonly name: string }[];
  readonly ongoing: boolean;
}
