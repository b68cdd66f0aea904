import type { Fault, FaultOptions } from './faults';
import type { RateLimit, RateWindowState } from './networkProfile';

/** What a provider's fake API answers; `rawBody` is sent as it is (for broken bodies). */
export interface FakeResponse {
  readonly status: number;
  readonly body?: unknown;
  readonly rawBody?: string;
  readonly headers?: Readonly<Record<string, string>>;
}

export interface FakeRequest {
  /** Path below the API prefix, e.g. `/logs/api`. */
  readonly path: string;
  readonly query: URLSearchParams;
  /** `http://127.0.0.1:<port>`, for links the API returns. */
  readonly origin: string;
  /** A data-shaping fault (wrongTypes, repeatingCursor, emptyPages) for the handler to apply. */
  readonly fault?: Fault;
}

/** One provider's API behind the generic fake server. */
export interface FakeApi {
  /** The path prefix the base URL carries: `/v1`, `/api/v1` or `` (SignalWire uses the origin). */
  readonly pathPrefix: string;
  /** An error response when the Authorization header is wrong; undefined when it is accepted. */
  checkAuth(authorization: string | undefined): FakeResponse | undefined;
  handle(request: FakeRequest): FakeResponse;
  /** The provider's error body for a status (used by the status faults). */
  errorBody(status: number, fault: Fault): unknown;
  /** Extra headers for a rate-limited answer. */
  rateLimitHeaders?(options: FaultOptions): Record<string, string>;
  /** The provider's rate limit, enforced when the server's network profile asks for it. */
  readonly rateLimit?: RateLimit;
  /** Headers describing the rate-limit window, sent with every answer while a limit is enforced (Lago). */
  rateWindowHeaders?(state: RateWindowState): Record<string, string>;
}

/** The list inside a body (a bare array, or `data` / `api_logs` / `logs`), for faults that edit rows. */
export function rowsOf(body: unknown): Record<string, unknown>[] | undefined {
  if (Array.isArray(body)) {
    return body as Record<string, unknown>[];
  }
  if (body !== null && typeof body === 'object') {
    const record = body as Record<string, unknown>;
    for (const key of ['data', 'api_logs', 'logs']) {
      if (Array.isArray(record[key])) {
        return record[key] as Record<string, unknown>[];
      }
    }
  }
  return undefined;
}

/** Pads every row with a large `notes` field so the page is about `bytes` long. */
export function padRows(body: unknown, bytes: number): void {
  const rows = rowsOf(body) ?? [];
  const each = Math.ceil(bytes / Math.max(1, rows.length));
  const filler = 'x'.repeat(each);
  for (const row of rows) {
    row.notes = filler;
  }
}
