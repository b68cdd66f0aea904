/** A provider's rate limit as the fake server enforces it: at most `requests` per fixed window of `windowMs`. */
export interface RateLimit {
  readonly requests: number;
  readonly windowMs: number;
}

/**
 * How the fake server behaves like a real one over a network: a latency added to every answer and a rate limit
 * (answered with 429 and the provider's headers). Both off by default, so tests stay fast.
 */
export interface NetworkProfile {
  /** Added before every answer, ms. */
  readonly latencyMs?: number;
  /** `true`: the provider's own limit (`FakeApi.rateLimit`). */
  readonly rateLimit?: RateLimit | true;
}

/** The state of the current window, for the X-RateLimit-* headers. */
export interface RateWindowState {
  readonly limit: number;
  readonly remaining: number;
  /** Until the window resets, ms. */
  readonly resetMs: number;
}

/** A fixed-window request counter. */
export class RateWindow {
  private windowStart = Number.NEGATIVE_INFINITY;
  private used = 0;

  constructor(private readonly limit: RateLimit) {}

  /** Counts one request; false when the window's budget is already spent (the request gets a 429). */
  take(now: number): boolean {
    if (now - this.windowStart >= this.limit.windowMs) {
      this.windowStart = now;
      this.used = 0;
    }
    if (this.used >= this.limit.requests) {
      return false;
    }
    this.used++;
    return true;
  }

  state(now: number): RateWindowState {
    const resetMs = Math.max(0, this.windowStart + this.limit.windowMs - now);
    return { limit: this.limit.requests, remaining: Math.max(0, this.limit.requests - this.used), resetMs };
  }
}
