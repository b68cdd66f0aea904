type HeaderValue = string | string[] | number | undefined | null;

/** Headers as a plain lower-case map, as both axios and Node's `http` expose them. */
export type ResponseHeaders = Readonly<Record<string, HeaderValue>>;

function headerText(headers: ResponseHeaders, name: string): string | undefined {
  const value = headers[name];
  if (value === undefined || value === null) {
    return undefined;
  }
  return Array.isArray(value) ? value[0] : String(value);
}

/** A wait too large for a number (`Retry-After: 999…9`) is no usable answer; it would read "Infinity s". */
function finite(ms: number): number | undefined {
  return Number.isFinite(ms) ? ms : undefined;
}

/**
 * How long the server asks us to wait, in ms, from `Retry-After` (seconds or an HTTP date) or, failing that,
 * `X-RateLimit-Reset` (Lago: seconds; a value that looks like epoch seconds is read as a moment instead).
 */
export function retryAfterMs(headers: ResponseHeaders, now: number = Date.now()): number | undefined {
  const retryAfter = headerText(headers, 'retry-after')?.trim();
  if (retryAfter !== undefined && retryAfter !== '') {
    if (/^\d+(\.\d+)?$/.test(retryAfter)) {
      return finite(Math.round(Number(retryAfter) * 1000));
    }
    const at = Date.parse(retryAfter);
    if (!Number.isNaN(at)) {
      return Math.max(0, at - now);
    }
  }
  const reset = headerText(headers, 'x-ratelimit-reset')?.trim();
  if (reset !== undefined && /^\d+(\.\d+)?$/.test(reset)) {
    const seconds = Number(reset);
    return finite(seconds > 1e9 ? Math.max(0, Math.round(seconds * 1000 - now)) : Math.round(seconds * 1000));
  }
  return undefined;
}

/** The rate-limit headers worth a debug line, or undefined when the response has none. */
export function rateLimitSummary(headers: ResponseHeaders): string | undefined {
  const limit = headerText(headers, 'x-ratelimit-limit');
  const remaining = headerText(headers, 'x-ratelimit-remaining');
  const reset = headerText(headers, 'x-ratelimit-reset');
  if (limit === undefined && remaining === undefined && reset === undefined) {
    return undefined;
  }
  return `rate limit ${remaining ?? '?'}/${limit ?? '?'} remaining, reset ${reset ?? '?'}`;
}
