/** The HTTP request a log row records, as Find Call Sites and the CodeLens need it. Pure. */
import type { LogRow, ProviderKind, StreamId } from '../protocol/streamDefinition';
import { callSitePattern } from './callSitePatterns';

export interface LoggedRequest {
  /** As logged: `/v1/rooms/standup/presence`, or a full URL (webhook logs, the palette). */
  readonly path: string;
  readonly method?: string;
  readonly provider?: ProviderKind;
  /** The connection's host and the provider's public ones (`api.daily.co`), for ranking. */
  readonly hosts?: readonly string[];
}

/** Where an HTTP stream's rows keep the request's path, method, status and response body. */
export interface RequestFields {
  readonly path: string;
  readonly method: string;
  readonly status: string;
  readonly response: string;
}

const dailyRequestFields: RequestFields = { path: 'url', method: 'method', status: 'status', response: 'response' };

export const requestFields: Readonly<Partial<Record<StreamId, RequestFields>>> = {
  'daily.api': dailyRequestFields,
  'daily.webhook': dailyRequestFields,
  'lago.api': { path: 'request_path', method: 'http_method', status: 'http_status', response: 'request_response' },
};

/** The row's request; undefined for streams that do not log HTTP requests or a row without a path. */
export function requestOfRow(streamId: StreamId, row: LogRow, hosts?: readonly string[]): LoggedRequest | undefined {
  const fields = requestFields[streamId];
  const path = fields && row.fields[fields.path];
  if (!fields || typeof path !== 'string' || path.trim() === '') return undefined;
  const method = row.fields[fields.method];
  return { path, method: typeof method === 'string' ? method : undefined, provider: streamId.split('.')[0] as ProviderKind, hosts };
}

/** `api.daily.co` from `https://api.daily.co/v1`; `127.0.0.1:4010` keeps its port. */
export function hostOf(url: string): string | undefined {
  try {
    return new URL(url).host || undefined;
  } catch {
    return undefined;
  }
}

export function describeRequest(request: LoggedRequest): string {
  return `${request.method ? `${request.method.toUpperCase()} ` : ''}${request.path}`;
}

/** What the palette accepts: `POST /v1/rooms`, `/v1/rooms`, `https://api.daily.co/v1/rooms`. */
export function parseTypedRequest(text: string): LoggedRequest | undefined {
  const match = /^\s*(?:(GET|POST|PUT|PATCH|DELETE)\s+)?(\S+)\s*$/i.exec(text);
  if (!match || !/[A-Za-z]/.test(match[2])) return undefined;
  try {
    callSitePattern(match[2]);
  } catch {
    return undefined;
  }
  return { path: match[2], method: match[1]?.toUpperCase(), hosts: hostsOf(match[2]) };
}

function hostsOf(text: string): string[] | undefined {
  const host = /^https?:\/\//i.test(text) ? hostOf(text) : undefined;
  return host ? [host] : undefined;
}

/** Where each provider's public API lives, besides the host a connection is configured with. */
export const publicHosts: Readonly<Record<ProviderKind, readonly string[]>> = {
  daily: ['api.daily.co'],
  lago: ['api.getlago.com', 'api.eu.getlago.com'],
  signalwire: ['signalwire.com'],
};
