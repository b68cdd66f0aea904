import type { AxiosError } from 'axios';
import { ProviderError } from './providerError';
import { retryAfterMs, type ResponseHeaders } from './retryAfter';

/** What a provider's error body told us: a short human message and a machine code, when present. */
export interface ServerErrorInfo {
  readonly message?: string;
  readonly code?: string;
}

const maxMessageLength = 300;
const dashedCode = /^[a-z]+(?:[-_][a-z]+)+$/;

function shorten(text: string): string {
  const single = text.replace(/\s+/g, ' ').trim();
  return single.length > maxMessageLength ? `${single.slice(0, maxMessageLength)}…` : single;
}

function asText(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}

function firstErrorItem(errors: unknown): Record<string, unknown> | undefined {
  const first = Array.isArray(errors) ? errors[0] : undefined;
  return first !== null && typeof first === 'object' ? (first as Record<string, unknown>) : undefined;
}

/** Lago's validation details `{"per_page": ["invalid_value"]}` → `per_page: invalid_value` (first three fields). */
function fieldErrors(details: unknown): string | undefined {
  if (details === null || typeof details !== 'object' || Array.isArray(details)) {
    return undefined;
  }
  const parts = Object.entries(details as Record<string, unknown>)
    .slice(0, 3)
    .map(([field, problems]) => `${field}: ${(Array.isArray(problems) ? problems : [problems]).map(String).join(', ')}`);
  return parts.length > 0 ? parts.join('; ') : undefined;
}

/**
 * Reads the message and code from the error bodies the providers send: Daily `{error, info}`, Lago
 * `{status, error, code}` (with `error_details` on 422), SignalWire `{error}` or `{errors: [{code, message, attribute}]}`. Never returns the body.
 */
export function readServerError(bodyText: string): ServerErrorInfo {
  let body: unknown;
  try {
    body = JSON.parse(bodyText.slice(0, 65536));
  } catch {
    return {};
  }
  if (body === null || typeof body !== 'object' || Array.isArray(body)) {
    return {};
  }
  const record = body as Record<string, unknown>;
  const item = firstErrorItem(record.errors);
  const error = asText(record.error);
  const code = asText(record.code) ?? asText(item?.code) ?? (error && dashedCode.test(error) ? error : undefined);
  const itemMessage = asText(item?.message);
  const attribute = asText(item?.attribute);
  const message =
    asText(record.info) ??
    asText(record.message) ??
    (itemMessage && attribute ? `${attribute}: ${itemMessage}` : itemMessage) ??
    fieldErrors(record.error_details) ??
    (error && error !== code ? error : undefined);
  return { message: message && shorten(message), code: code && shorten(code) };
}

function withServerMessage(base: string, info: ServerErrorInfo): string {
  return info.message ? `${base}: ${info.message}` : `${base}.`;
}

/** Turns a non-2xx HTTP response into the `ProviderError` the UI understands. */
export function classifyStatus(
  label: string,
  status: number,
  headers: ResponseHeaders,
  bodyText: string,
): ProviderError {
  const info = readServerError(bodyText);
  const details = { status, code: info.code };
  if (status === 401) {
    return new ProviderError('auth', withServerMessage(`${label} rejected the credentials (401)`, info), details);
  }
  if (status === 403) {
    return new ProviderError('auth', withServerMessage(`${label} denied access (403)`, info), details);
  }
  if (status === 404) {
    return new ProviderError('notFound', withServerMessage(`${label} has no such resource (404)`, info), details);
  }
  if (status === 429) {
    const wait = retryAfterMs(headers);
    const after = wait === undefined || wait <= 0 ? '' : ` Try again in ${Math.ceil(wait / 1000)} s.`;
    return new ProviderError('rateLimited', `${label} is rate limiting requests (429).${after}`, {
      ...details,
      retryAfterMs: wait,
    });
  }
  if (status >= 500) {
    return new ProviderError('server', withServerMessage(`${label} had a server error (${status})`, info), {
      ...details,
      retryAfterMs: retryAfterMs(headers),
    });
  }
  if (status >= 300 && status < 400) {
    return new ProviderError('badResponse', `${label} answered with a redirect (${status}), which is not followed.`, details);
  }
  return new ProviderError('invalid', withServerMessage(`${label} refused the request (${status})`, info), details);
}

const networkCodes: Readonly<Record<string, string>> = {
  ECONNREFUSED: 'the connection was refused',
  ECONNRESET: 'the connection was reset',
  ENOTFOUND: 'the host name could not be resolved',
  EAI_AGAIN: 'the host name could not be resolved',
  ETIMEDOUT: 'the connection timed out',
  ECONNABORTED: 'the request timed out',
  EPIPE: 'the connection was closed',
  EHOSTUNREACH: 'the host is unreachable',
  ENETUNREACH: 'the network is unreachable',
};

/** Turns a failure without a usable HTTP status (network, timeout, cancellation) into a `ProviderError`. */
export function classifyTransportError(label: string, error: unknown, signal?: AbortSignal): ProviderError {
  if (error instanceof ProviderError) {
    return error;
  }
  if (signal?.aborted || (isAxiosError(error) && error.code === 'ERR_CANCELED')) {
    return new ProviderError('cancelled', 'The request was cancelled.');
  }
  const code = isAxiosError(error) ? (error.code ?? (error.cause as { code?: string } | undefined)?.code) : undefined;
  if (code === 'ERR_BAD_RESPONSE' && /maxContentLength/.test(String((error as Error).message))) {
    return new ProviderError('badResponse', `${label} sent a response larger than the allowed size.`, { code });
  }
  const cutShort = code === 'ERR_BAD_RESPONSE' || code === 'ECONNRESET';
  const reason = cutShort ? 'the connection was reset before the response was complete' : ((code && networkCodes[code]) ?? 'the connection failed');
  return new ProviderError('network', `Could not reach ${label}: ${reason}${code && !cutShort ? ` (${code})` : ''}.`, {
    code,
    cause: error instanceof Error ? new Error(error.message) : undefined,
  });
}

/** axios's own `isAxiosError`, without loading axios (bundled apart): its errors carry `isAxiosError: true`. */
function isAxiosError(error: unknown): error is AxiosError {
  return typeof error === 'object' && error !== null && (error as { isAxiosError?: unknown }).isAxiosError === true;
}
