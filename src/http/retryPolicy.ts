import { cancelledError } from './concurrencyLimiter';
import type { ProviderError } from './providerError';

export interface RetryPolicy {
  /** Retries after the first attempt (GETs only). */
  readonly maxRetries: number;
  /** First backoff step, ms; doubles per attempt. */
  readonly baseDelayMs: number;
  /** A server asking for a longer wait than this is not retried: the error goes to the user instead. */
  readonly maxRetryAfterMs: number;
  readonly random: () => number;
}

const retryableKinds = new Set(['rateLimited', 'server', 'network']);

/**
 * How long to wait before retry number `attempt` (0-based), or undefined when the error must not be retried.
 * The server's `Retry-After` / `X-RateLimit-Reset` wins; otherwise exponential backoff with jitter (50–100 %).
 */
export function retryDelayMs(error: ProviderError, attempt: number, policy: RetryPolicy): number | undefined {
  if (attempt >= policy.maxRetries || !retryableKinds.has(error.kind)) {
    return undefined;
  }
  const asked = error.details.retryAfterMs;
  if (asked !== undefined) {
    return asked <= policy.maxRetryAfterMs ? asked : undefined;
  }
  const step = policy.baseDelayMs * 2 ** attempt;
  return Math.round(step * (0.5 + policy.random() * 0.5));
}

/**
 * The timeout of attempt `attempt` (0-based) when `remainingMs` of the whole request's budget are left: half of
 * it, or all of it on the last attempt, so every attempt together stays within the budget.
 */
export function attemptTimeoutMs(remainingMs: number, attempt: number, maxRetries: number): number {
  return attempt >= maxRetries ? remainingMs : remainingMs / 2;
}

/** A few words on why a request is retried, for the status line ("timed out, retrying 2/3 …"). */
export function retryReason(error: ProviderError): string {
  if (error.kind === 'rateLimited') return 'rate limited';
  if (error.kind === 'server') return `server error${error.details.status === undefined ? '' : ` ${error.details.status}`}`;
  return error.details.code === 'ECONNABORTED' || error.details.code === 'ETIMEDOUT' ? 'timed out' : 'connection failed';
}

/** Resolves after `ms`, or rejects with a `cancelled` error as soon as the signal aborts. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(cancelledError());
      return;
    }
    const onAbort = () => {
      clearTimeout(timer);
      reject(cancelledError());
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
