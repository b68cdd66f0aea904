/** Failures the fake servers can be told to produce, for tests and for trying error handling in sample mode. */
export type Fault =
  | 'unauthorized' // 401 with the provider's body
  | 'forbidden' // 403
  | 'featureUnavailable' // 403; Lago's plan-gated body {status, error, code: feature_unavailable}
  | 'notFound' // 404
  | 'unprocessable' // 422 with the provider's validation body
  | 'rateLimited' // 429 with Retry-After (and Lago's X-RateLimit-* headers)
  | 'serverError' // 500
  | 'badGatewayHtml' // 502 with an HTML page
  | 'slow' // the normal answer after `delayMs`
  | 'connectionReset' // headers and half a body, then the socket is destroyed
  | 'malformedJson' // 200 with truncated JSON
  | 'wrongTypes' // 200 whose second row has a field of the wrong type
  | 'repeatingCursor' // paging never advances (the same page and cursor again)
  | 'emptyPages' // pages with no rows that still say more follow
  | 'hugePage' // a ~10 MB page
  | 'redirect'; // 302 to `location` (another host by default)

export interface FaultOptions {
  /** Only the next N matching requests; then the fault switches itself off. */
  readonly count?: number;
  /** Only requests whose path and query contain this text. */
  readonly pathIncludes?: string;
  /** Only every Nth matching request (the Nth, 2Nth, …), e.g. 10 for "one request in ten is rate limited". */
  readonly every?: number;
  /** `slow`: delay before answering (default 2000 ms). */
  readonly delayMs?: number;
  /** `rateLimited`: the Retry-After value in seconds (default 1); null sends no Retry-After. */
  readonly retryAfterSeconds?: number | null;
  /** `redirect`: where to (default `http://localhost:<port>/elsewhere`, a different host name). */
  readonly location?: string;
}

/** The current fault and its remaining budget. */
export class FaultSwitch {
  private fault: Fault | undefined;
  private options: FaultOptions = {};
  private remaining = Number.POSITIVE_INFINITY;
  private matched = 0;

  set(fault: Fault | undefined, options: FaultOptions = {}): void {
    this.fault = fault;
    this.options = options;
    this.remaining = options.count ?? Number.POSITIVE_INFINITY;
    this.matched = 0;
  }

  /** The fault for this request, if any; counts it against `count`. */
  take(url: string): { fault: Fault; options: FaultOptions } | undefined {
    if (this.fault === undefined || (this.options.pathIncludes !== undefined && !url.includes(this.options.pathIncludes))) {
      return undefined;
    }
    this.matched++;
    if (this.options.every !== undefined && this.matched % this.options.every !== 0) {
      return undefined;
    }
    const active = { fault: this.fault, options: this.options };
    this.remaining--;
    if (this.remaining <= 0) {
      this.fault = undefined;
    }
    return active;
  }
}
