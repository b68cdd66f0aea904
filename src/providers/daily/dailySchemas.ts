import * as z from 'zod';
import type { RowShape } from '../fastRows';
import { httpStatusSchema, isoTimeSchema } from '../rowHelpers';

const optionalText = z.string().nullish();
/** Daily sends request/response bodies as JSON strings; older clients saw them as objects (kept as they come). */
const bodySchema = z.unknown().optional();

/** One `/logs/api` record, accepting both camelCase (the spec) and snake_case keys and a numeric-string status. */
export const dailyApiLogSchema = z
  .object({
    id: z.union([z.string().min(1), z.number()]),
    userId: optionalText,
    user_id: optionalText,
    domainId: optionalText,
    domain_id: optionalText,
    source: optionalText,
    ip: optionalText,
    method: optionalText,
    url: optionalText,
    status: httpStatusSchema.nullish(),
    createdAt: isoTimeSchema.optional(),
    created_at: isoTimeSchema.optional(),
    request: bodySchema,
    response: bodySchema,
  })
  .refine((log) => log.createdAt !== undefined || log.created_at !== undefined, {
    message: 'expected createdAt or created_at',
    path: ['createdAt'],
  });

/** `dailyApiLogSchema` for the fast path (see fastRows.ts); the refinement is checked by `parseDailyApiLogs`. */
export const dailyApiLogShape: RowShape = {
  id: 'idOrNumber', userId: 'text?', user_id: 'text?', domainId: 'text?', domain_id: 'text?', source: 'text?', ip: 'text?',
  method: 'text?', url: 'text?', status: 'status?', createdAt: 'time|absent', created_at: 'time|absent', request: 'any', response: 'any',
};

export type DailyApiLog = z.output<typeof dailyApiLogSchema>;

/**
 * `/logs/api` answers a bare array (the spec) or `{total_count, data}` (seen in older clients). Each shape has its
 * own schema so a failure's field path reads as in the body received: `[3].status` or `data[3].status`.
 */
export const dailyApiLogListSchema = z.array(dailyApiLogSchema);

export const dailyWrappedApiLogsSchema = z.object({
  data: dailyApiLogListSchema,
  total_count: z.unknown().transform((value) => (Number.isInteger(value) ? (value as number) : undefined)),
});

export function isWrappedDailyPage(body: unknown): boolean {
  return body !== null && typeof body === 'object' && !Array.isArray(body) && 'data' in body;
}

export const dailyMeetingLogSchema = z.object({
  time: isoTimeSchema,
  clientTime: isoTimeSchema.nullish(),
  message: z.string().nullish(),
  mtgSessionId: optionalText,
  userSessionId: optionalText,
  peerId: optionalText,
  domainName: optionalText,
  level: z.union([z.number().int(), z.string().regex(/^\d+$/).transform(Number)]).nullish(),
  code: z.number().int().nullish(),
});

/** `dailyMeetingLogSchema` for the fast path (see fastRows.ts). */
export const dailyMeetingLogShape: RowShape = {
  time: 'time', clientTime: 'time?', message: 'text?', mtgSessionId: 'text?', userSessionId: 'text?', peerId: 'text?',
  domainName: 'text?', level: 'level?', code: 'int?',
};

export type DailyMeetingLog = z.output<typeof dailyMeetingLogSchema>;

/** `/logs`: `logs` (unless includeLogs=false) and `metrics` (with includeMetrics=true). */
export const dailyMeetingLogsPageSchema = z.object({
  logs: z.array(dailyMeetingLogSchema).nullish(),
  metrics: z.array(z.record(z.string(), z.json())).nullish(),
});

const participantSchema = z.object({
  user_id: optionalText,
  participant_id: z.string(),
  user_name: optionalText,
  join_time: z.number().nullish(),
  duration: z.number().nullish(),
});

/** `GET /meetings` (Daily meeting analytics); times are epoch seconds. */
export const dailyMeetingsPageSchema = z.object({
  total_count: z.number().optional(),
  data: z.array(
    z.object({
      id: z.string(),
      room: z.string(),
      start_time: z.number(),
      duration: z.number().nullish(),
      ongoing: z.boolean().nullish(),
      max_participants: z.number().nullish(),
      participants: z.array(participantSchema).nullish(),
    }),
  ),
});

export type DailyMeetingsPage = z.output<typeof dailyMeetingsPageSchema>;
