import { sleep } from './retryPolicy';
import type { ResponseHeaders } from './retryAfter';

function headerNumber(headers: ResponseHeaders, name: string): number | undefined {
  const value = headers[name];
  const text = Array.isArray(value) ? value[0] : value;
  if (text === undefined || text === null || !/^\d+(\.\d+)?$/.test(String(text).trim())) {
    return undefined;
  }
  return Number(text);
}

/**
 * Keeps one connection within the budget a provider announces in `X-RateLimit-Remaining` / `X-RateLimit-Reset`
 * (Lago), so parallel paging never provokes a 429: a request starts only while the budget left (the last answer's
 * remaining, less the requests started since, counting those in flight as unseen by the server) is positive;
 * otherwise it waits for the reset. Without these headers it never waits.
 */
export class RateLimitGate {
  private remaining: number | undefined;
  private resetAt = 0;
  private inFlight = 0;

  constructor(private readonly now: () => number = Date.now) {}

  /** Waits (cancellably) until the budget allows another request, then counts it as started. */
  async acquire(signal: AbortSignal): Promise<void> {
    while (this.remaining !== undefined && this.remaining <= 0) {
      const wait = this.resetAt - this.now();
      if (wait <= 0) {
        this.remaining = undefined;
        break;
      }
      await sleep(wait, signal);
    }
    if (this.remaining !== undefined) {
      this.remaining--;
    }
    this.inFlight++;
  }

  /** A request ended; `headers` are its answer's, when there was one. */
  release(headers: ResponseHeaders | undefined): void {
    this.inFlight--;
    const remaining = headers && headerNumber(headers, 'x-ratelimit-remaining');
    const reset = headers && headerNumber(headers, 'x-ratelimit-reset');
    if (remaining === undefined || reset === undefined) {
      return;
    }
    this.remaining = remaining - this.inFlight;
    this.resetAt = this.now() + (reset > 1e9 ? Math.max(0, reset * 1000 - this.now()) : reset * 1000);
  }
}
