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
