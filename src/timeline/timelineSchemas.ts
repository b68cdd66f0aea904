import * as z from 'zod';
import type { TimelineIdentity } from '../protocol/logTable';
import { filterValuesSchema, panelIdentitySchema, timeRangeSchema, type ParseResult } from '../protocol/logTableSchemas';

/** Most streams one timeline merges (the Source column has eight colours; more would not be readable). */
export const maxTimelineSources = 8;

const sourceSchema = panelIdentitySchema
  .pick({ accountId: true, provider: true, streamId: true })
  .extend({ filters: filterValuesSchema.optional() })
  .refine((source) => source.streamId.startsWith(`${source.provider}.`), { message: 'the stream does not belong to the provider' });

export const timelineIdentitySchema = z.object({
  kind: z.literal('timeline'),
  sources: z.array(sourceSchema).min(1).max(maxTimelineSources),
  query: z.string().max(10_000).optional(),
  timeRange: timeRangeSchema.optional(),
  viewId: z.string().min(1).max(200).optional(),
});

/** A timeline panel's saved state (the serializer's input); anything else is not a timeline. */
export function parseTimelineIdentity(raw: unknown): ParseResult<TimelineIdentity> {
  const result = timelineIdentitySchema.safeParse(raw);
  return result.success ? { ok: true, value: result.data as TimelineIdentity } : { ok: false, reason: result.error.issues[0]?.message ?? 'invalid' };
}
