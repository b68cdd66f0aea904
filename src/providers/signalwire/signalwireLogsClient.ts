import type { z } from 'zod';
import type { HttpClient, QueryParams } from '../../http/httpClient';
import { parseWithSchema } from '../../http/parseWithSchema';
import { ProviderError, isProviderError } from '../../http/providerError';
import { redactUrl } from '../../http/redaction';
import type { Logger } from '../../util/logging';
import { BaseStreamClient } from '../baseStreamClient';
import type { Page, PageRequest } from '../connection';
import { booleanValue, textValue } from '../rowHelpers';
import type { FilterValues, LogRow, StreamDefinition } from '../../protocol/streamDefinition';
import { applySignalwireLocalFilters } from './signalwireFilters';
import { mapSignalwireVideoLog, mapSignalwireVoiceLog } from './signalwireMappers';
import { signalwireVideoLogsPageSchema, signalwireVoiceLogsPageSchema } from './signalwireSchemas';

type Kind = 'video' | 'voice';

/** Parses and maps one SignalWire logs body; `next` is `links.next` exactly as sent. */
export function parseSignalwireLogs(kind: Kind, body: unknown): { rows: LogRow[]; next?: string } {
  if (kind === 'video') {
    const page = parseWithSchema(signalwireVideoLogsPageSchema, body, 'SignalWire video logs');
    return { rows: page.data.map(mapSignalwireVideoLog), next: page.links?.next ?? undefined };
  }
  const page: z.output<typeof signalwireVoiceLogsPageSchema> = parseWithSchema(
    signalwireVoiceLogsPageSchema,
    body,
    'SignalWire voice logs',
  );
  return { rows: page.data.map(mapSignalwireVoiceLog), next: page.links?.next ?? undefined };
}

/** SignalWire tokens are scoped per API; a 403 on one stream says which scope is missing. */
function adaptSignalwireError(kind: Kind, error: unknown): unknown {
  if (isProviderError(error) && error.details.status === 403) {
    const scope = kind === 'video' ? 'Video' : 'Voice';
    return new ProviderError(
      'auth',
      `The SignalWire API token is not allowed to read ${kind} logs (403): enable the ${scope} scope for the token.`,
      error.details,
    );
  }
  return error;
}

/** Dates pass through; epoch ms become ISO 8601 (both forms are accepted by the API). */
function dateParam(filters: FilterValues, key: string): string | undefined {
  const value = filters[key];
  return typeof value === 'number' ? new Date(value).toISOString() : textValue(filters, key);
}

/**
 * `GET /api/{video,voice}/logs`. The first page is built from the filters; later pages follow `links.next` (the
 * cursor): its path and query, always on the configured origin (see `linkTarget`).
 */
export class SignalwireLogsClient extends BaseStreamClient {
  /** Foreign link origins already reported in the log (once each, not once per page). */
  private readonly reportedOrigins = new Set<string>();

  constructor(
    definition: StreamDefinition,
    private readonly kind: Kind,
    private readonly http: HttpClient,
    logger: Logger,
  ) {
    super(definition, logger);
  }

  query(request: PageRequest): QueryParams {
    const { filters } = request;
    const params: Array<[string, string]> = [];
    const add = (name: string, value: string | undefined) => value !== undefined && params.push([name, value]);
    add('created_after', dateParam(filters, 'created_after'));
    add('created_before', dateParam(filters, 'created_before'));
    add('created_on', dateParam(filters, 'created_on'));
    add('include_deleted', booleanValue(filters, 'include_deleted') ? 'true' : undefined);
    params.push(['page_size', String(this.pageSize(request))]);
    return params;
  }

  async load(request: PageRequest): Promise<unknown> {
    try {
      const target = request.cursor === undefined ? `/api/${this.kind}/logs` : this.linkTarget(request.cursor);
      return await this.http.getJson(target, request.cursor === undefined ? this.query(request) : undefined, request.signal);
    } catch (error) {
      throw adaptSignalwireError(this.kind, error);
    }
  }

  /**
   * Where a `links.next` is requested. Behind a base-URL override or a proxy SignalWire names its own host in the
   * link; the token must never go there, so the link's path and query are requested from the configured origin.
   * A link to any other path cannot be followed that way, and says so instead of ending the paging quietly.
   */
  private linkTarget(link: string): string {
    const base = new URL(this.http.baseUrl);
    const basePath = base.pathname.replace(/\/+$/, '');
    const endpoint = `/api/${this.kind}/logs`;
    let parsed: URL;
    try {
      parsed = new URL(link);
    } catch {
      throw new ProviderError('badResponse', 'SignalWire sent a next-page link that is not a valid URL, so older pages cannot be loaded.');
    }
    if (parsed.pathname !== `${basePath}${endpoint}` && parsed.pathname !== endpoint) {
      throw new ProviderError(
        'badResponse',
        `SignalWire's next-page link points to ${redactUrl(`${parsed.origin}${parsed.pathname}`)}, not to the ${this.kind} logs under ${base.origin}${basePath}, so older pages cannot be loaded. If a proxy or base URL override is in use, it must keep SignalWire's API paths.`,
      );
    }
    if (parsed.origin !== base.origin && !this.reportedOrigins.has(parsed.origin)) {
      this.reportedOrigins.add(parsed.origin);
      this.logger.info(
        `SignalWire's next-page link names another host (${redactUrl(parsed.origin)}); requesting its path and query from ${base.origin} instead, so the token is only sent there.`,
      );
    }
    return `${base.origin}${basePath}${endpoint}${parsed.search}`;
  }

  peekNext(body: unknown, request: PageRequest): string | undefined {
    const next = (body as { links?: { next?: unknown } } | null)?.links?.next;
    return typeof next === 'string' && next !== request.cursor ? next : undefined;
  }

  decode(body: unknown, request: PageRequest): Page {
    const { rows, next } = parseSignalwireLogs(this.kind, body);
    return { rows: applySignalwireLocalFilters(rows, request.filters), next: next === request.cursor ? undefined : next };
  }
}
