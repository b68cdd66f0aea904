/**
 * zod schemas for everything the log-table webview sends to the host, and for the panel identity the serializer
 * restores. The webview is treated as untrusted input: every message is parsed here before any other code sees it,
 * with bounds on every string and array so a broken or hostile page cannot make the host allocate without limit.
 */
import * as z from 'zod';
import type { PanelIdentity, WebviewMessage } from './logTable';

const maxTextLength = 10_000_000;
const maxIdLength = 1_000;
const maxExportIds = 1_000_000;

const filterValueSchema = z.union([
  z.string().max(10_000),
  z.number().finite(),
  z.boolean(),
  z.array(z.string().max(10_000)).max(1_000),
  z.undefined(),
]);

/** Filter values by filter key; bounded in keys and sizes. */
export const filterValuesSchema = z
  .record(z.string().max(200), filterValueSchema)
  .refine((values) => Object.keys(values).length <= 100, 'too many filters');

const rowIdSchema = z.string().min(1).max(maxIdLength);

const maxQueryLength = 10_000;
const epochMsSchema = z.number().finite().min(0).max(8.64e15);

export const timeRangeSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('relative'), preset: z.enum(['15m', '1h', '24h', '7d']) }),
  z.strictObject({ kind: z.literal('absolute'), from: epochMsSchema.optional(), to: epochMsSchema.optional() }),
]);

export const viewLayoutSchema = z.strictObject({
  hiddenColumns: z.array(z.string().max(200)).max(200).optional(),
  columnWidths: z
    .record(z.string().max(200), z.number().finite().min(0).max(10_000))
    .refine((widths) => Object.keys(widths).length <= 200, 'too many columns')
    .optional(),
  sort: z.strictObject({ key: z.string().max(200), direction: z.enum(['asc', 'desc']) }).optional(),
});

const commandSchemas = [
  z.strictObject({ type: z.literal('ready') }),
  z.strictObject({ type: z.literal('setFilters'), filters: filterValuesSchema }),
  z.strictObject({ type: z.literal('loadOlder') }),
  z.strictObject({ type: z.literal('loadAll') }),
  z.strictObject({ type: z.literal('loadGap'), gapId: z.string().min(1).max(100) }),
  z.strictObject({ type: z.literal('cancelLoad') }),
  z.strictObject({ type: z.literal('retry') }),
  z.strictObject({ type: z.literal('setLiveTail'), enabled: z.boolean() }),
  z.strictObject({ type: z.literal('setTailPaused'), paused: z.boolean() }),
  z.strictObject({
    type: z.literal('export'),
    format: z.enum(['csv', 'json', 'ndjson']),
    rowIds: z.array(rowIdSchema).max(maxExportIds).optional(),
  }),
  z.strictObject({ type: z.literal('copyText'), text: z.string().max(maxTextLength) }),
  z.strictObject({ type: z.literal('copyRowAsJson'), rowId: rowIdSchema }),
  z.strictObject({ type: z.literal('openRowAsJson'), rowId: rowIdSchema }),
  z.strictObject({ type: z.literal('copyCurl'), rowId: rowIdSchema }),
  z.strictObject({ type: z.literal('rowSelected'), rowId: rowIdSchema }),
  z.strictObject({ type: z.literal('findCallSites'), rowId: rowIdSchema }),
  z.strictObject({ type: z.literal('rowCommand'), command: z.enum(['showAroundTime', 'findRelated']), rowId: rowIdSchema, query: z.string().max(maxQueryLength) }),
  z.strictObject({ type: z.literal('openLink'), url: z.string().min(1).max(8_192) }),
  z.strictObject({ type: z.literal('updateToken') }),
  z.strictObject({ type: z.literal('setTimeZone'), timeZone: z.enum(['local', 'utc']) }),
  z.strictObject({ type: z.literal('layoutChanged'), layout: viewLayoutSchema }),
  z.strictObject({
    type: z.literal('queryChanged'),
    query: z.string().max(maxQueryLength),
    timeRange: timeRangeSchema.optional(),
  }),
  z.strictObject({
    type: z.literal('listMeetingSessions'),
    id: z.int().nonnegative(),
    query: z
      .strictObject({
        room: z.string().max(200).optional(),
        from: epochMsSchema.optional(),
        to: epochMsSchema.optional(),
        after: z.string().min(1).max(maxIdLength).optional(),
        before: z.string().min(1).max(maxIdLength).optional(),
      })
      .optional(),
  }),
  z.strictObject({ type: z.literal('listCallEvents'), id: z.int().nonnegative(), rowId: rowIdSchema }),
] as const;

/** Every webview → host message (commands and requests). */
export const webviewMessageSchema = z.discriminatedUnion('type', commandSchemas);

export type ParseResult<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly reason: string };

/**
 * Parses one incoming message. The reason names the message type and the failing field path only: message
 * content may be log data and is never echoed into the log.
 */
export function parseWebviewMessage(raw: unknown): ParseResult<WebviewMessage> {
  const result = webviewMessageSchema.safeParse(raw);
  if (result.success) {
    return { ok: true, value: result.data as WebviewMessage };
  }
  return { ok: false, reason: `${describeType(raw)}: ${describeIssues(result.error.issues)}` };
}

export const panelIdentitySchema = z.object({
  accountId: z.string().min(1).max(200),
  provider: z.enum(['daily', 'lago', 'signalwire']),
  streamId: z.enum(['daily.api', 'daily.webhook', 'daily.meeting', 'lago.api', 'signalwire.video', 'signalwire.voice']),
  filters: filterValuesSchema,
  query: z.string().max(maxQueryLength).optional(),
  timeRange: timeRangeSchema.optional(),
  viewId: z.string().min(1).max(300).optional(),
});

/** The serializer's saved state; anything unreadable (an older version, a corrupt state) restores as nothing. */
export function parsePanelIdentity(raw: unknown): ParseResult<PanelIdentity> {
  const result = panelIdentitySchema.safeParse(raw);
  if (!result.success) {
    return { ok: false, reason: describeIssues(result.error.issues) };
  }
  if (!result.data.streamId.startsWith(`${result.data.provider}.`)) {
    return { ok: false, reason: 'streamId does not belong to provider' };
  }
  return { ok: true, value: result.data as PanelIdentity };
}

function describeType(raw: unknown): string {
  if (typeof raw === 'object' && raw !== null && 'type' in raw && typeof raw.type === 'string') {
    return `message '${raw.type.slice(0, 40)}'`;
  }
  return 'message without a type';
}

function describeIssues(issues: readonly { readonly path: readonly PropertyKey[]; readonly code: string }[]): string {
  return issues
    .slice(0, 3)
    .map((issue) => `${issue.path.map(String).join('.') || '(root)'} ${issue.code}`)
    .join('; ');
}
