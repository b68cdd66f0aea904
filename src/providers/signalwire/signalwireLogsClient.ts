import type { z } from 'zod';
import type { HttpClient, QueryParams } from '../../http/httpClient';
import { parseWithSchema } from '../../http/parseWithSchema';
import { ProviderError, isProviderError } from '../../http/providerError';
import type { Logger } from '../../util/logging';
import { BaseStreamClient } from '../baseStreamClient';
import type { Page, PageRequest } from '../connection';
import { booleanValue, textValue } from '../rowHelpers';
import type { FilterValues, LogRow, StreamDefinition } from '../../protocol/streamDefinition';
import { applySignalwireLocalFilters } from './signalwireFilters';
import type { SignalwireLinks } from './signalwireLinks';
import { signalwireBounds } from '../timeRangeParams';
import { mapSignalwireVideoLog, mapSignalwireVoiceLog } from './signalwireMappers';
import { fastRows, type RowShape } from '../fastRows';
import {
  linksSchema,
  type SignalwireVideoLog,
  type SignalwireVoiceLog,
  signalwireVideoLogShape,
  signalwireVideoLogsPageSchema,
  signalwireVoiceLogShape,
  signalwireVoiceLogsPageSchema,
} from './signalwireSchemas';

type Kind = 'video' | 'voice';

/** The page decoded on the fast path, or undefined for zod to judge. */
function fastPage<T>(body: unknown, shape: RowShape): { links: z.output<typeof linksSchema>; data: T[] } | undefined {
  const record = (body ?? {}) as { links?: unknown; data?: unknown };
  const data = fastRows<T>(record.data, shape);
  const links = data && linksSchema.safeParse(record.links);
  return data && links?.success ? { links: links.data, data } : undefined;
}

/** Parses and maps one SignalWire logs body; `next` is `links.next` exactly as sent. */
export function parseSignalwireLogs(kind: Kind, body: unknown): { rows: LogRow[]; next?: string } {
  if (kind === 'video') {
    const page =
      fastPage<SignalwireVideoLog>(body, signalwireVideoLogShape) ?? parseWithSchema(signalwireVideoLogsPageSchema, body, 'SignalWire video logs');
    return { rows: page.data.map(mapSignalwireVideoLog), next: page.links?.next ?? undefined };
  }
  const page: z.output<typeof signalwireVoiceLogsPageSchema> =
    fastPage<SignalwireVoiceLog>(body, signalwireVoiceLogShape) ?? parseWithSchema(signalwireVoiceLogsPageSchema, body, 'SignalWire voice logs');
  return { rows: page.data.map(mapSignalwireVoiceLog), next: page.links?.next ?? undefined };
}

/** SignalWire tokens are scoped per API; a 403 on one stream says which scope is missing. */
export function adaptSignalwireError(kind: Kind, error: unknown): unknown {
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
 * cursor): its path and query, always on the configured origin (see `SignalwireLinks`).
 */
export class SignalwireLogsClient extends BaseStreamClient {

  constructor(
    definition: StreamDefinition,
    private readonly kind: Kind,
    private readonly http: HttpClient,
    logger: Logger,
    private readonly links: SignalwireLinks,
  ) {
    super(definition, logger);
  }

  query(request: PageRequest): QueryParams {
    const { filters } = request;
    const params: Array<[string, string]> = [];
    const add = (name: string, value: string | undefined) => value !== undefined && params.push([name, value]);
    const bounds = request.range ? signalwireBounds(filters, request.range) : undefined;
    add('created_after', bounds ? bounds.after : dateParam(filters, 'created_after'));
    add('created_before', bounds ? bounds.before : dateParam(filters, 'created_before'));
    add('created_on', dateParam(filters, 'created_on'));
    add('include_deleted', booleanValue(filters, 'include_deleted') ? 'true' : undefined);
    params.push(['page_size', String(this.pageSize(request))]);
    return params;
  }

  async load(request: PageRequest): Promise<unknown> {
    try {
      const endpoint = `/api/${this.kind}/logs`;
      const target = request.cursor === undefined ? endpoint : this.links.target(request.cursor, endpoint, `${this.kind} logs`);
      return await this.http.getJson(target, request.cursor === undefined ? this.query(request) : undefined, request);
    } catch (error) {
      throw adaptSignalwireError(this.kind, error);
    }
  }

  peekNext(body: unknown, request: PageRequest): string | undefined {
    const next = (body as { links?: { next?: unknown } } | null)?.links?.next;
    return typeof next === 'string' && next !== request.cursor ? next : undefined;
  }

  decode(body: unknown, request: PageRequest): Page {
    const { rows, next } = parseSignalwireLogs(this.kind, body);
    const repeatedCursor = next === request.cursor;
    return { rows: applySignalwireLocalFilters(rows, request.filters), next: repeatedCursor ? undefined : next, scannedTo: rows.at(-1)?.time, repeatedCursor };
  }
}
