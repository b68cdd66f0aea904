import type { JsonValue, LogRow, ProviderKind } from '../protocol/streamDefinition';

/** Shell placeholders for the secret; the real token is never put into a copied command. */
const authHeaders: Readonly<Record<ProviderKind, string>> = {
  daily: 'Authorization: Bearer $DAILY_API_KEY',
  lago: 'Authorization: Bearer $LAGO_API_KEY',
  signalwire: 'Authorization: Basic $SIGNALWIRE_BASIC_AUTH',
};

/**
 * The logged request of an API-log row as a cURL command line, or undefined when the row has no method or URL.
 * Daily logs `url` as an absolute path (`/v1/rooms`), Lago logs `request_path` relative to its `/api/v1` base;
 * both resolve against the connection's base URL. A request to another origin (a webhook delivery) gets no
 * Authorization header, since the provider's token was never sent there.
 */
export function curlForRow(provider: ProviderKind, baseUrl: string, row: LogRow): string | undefined {
  const method = firstString(row.fields, ['method', 'http_method']);
  const path = firstString(row.fields, ['url', 'request_path', 'path']);
  if (!method || !path) {
    return undefined;
  }
  let url: string;
  let sameOrigin: boolean;
  try {
    url = resolveRequestUrl(baseUrl, path);
    sameOrigin = new URL(url).origin === new URL(baseUrl).origin;
  } catch {
    return undefined;
  }
  const parts = ['curl', '-X', shellQuote(method.toUpperCase()), shellQuote(url)];
  if (sameOrigin) {
    parts.push('-H', `"${authHeaders[provider]}"`);
  }
  const body = requestBody(row.fields.request ?? row.fields.request_body);
  if (body !== undefined) {
    parts.push('-H', shellQuote('Content-Type: application/json'), '--data-raw', shellQuote(body));
  }
  return parts.join(' ');
}

/** Resolves a logged path against the base URL, keeping the base path unless the logged path already has it. */
export function resolveRequestUrl(baseUrl: string, path: string): string {
  if (/^https?:\/\//i.test(path)) {
    return path;
  }
  const base = new URL(baseUrl);
  const basePath = base.pathname.replace(/\/+$/, '');
  const relative = path.startsWith('/') ? path : `/${path}`;
  const fullPath = basePath && (relative === basePath || relative.startsWith(`${basePath}/`)) ? relative : basePath + relative;
  return new URL(fullPath, base.origin).toString();
}

/** POSIX shell single quoting: everything literal, a quote written as '\'' . */
export function shellQuote(text: string): string {
  return `'${text.replace(/'/g, `'\\''`)}'`;
}

function firstString(fields: LogRow['fields'], keys: readonly string[]): string | undefined {
  for (const key of keys) {
    const value = fields[key];
    if (typeof value === 'string' && value !== '') {
      return value;
    }
  }
  return undefined;
}

function requestBody(value: JsonValue | undefined): string | undefined {
  if (value === undefined || value === null || value === '') {
    return undefined;
  }
  return typeof value === 'string' ? value : JSON.stringify(value);
}
