import * as z from 'zod';
import type { RowShape } from '../fastRows';
import { isoTimeSchema } from '../rowHelpers';

const optionalText = z.string().nullish();
const money = z.union([z.number(), z.string().regex(/^-?\d+(\.\d+)?$/).transform(Number)]).nullish();
const chargeDetailsSchema = z
  .array(z.object({ description: z.string().nullish(), charge: money }))
  .nullish();

/** `links.next` is the only way forward (page_token is required past page 0); absent on the last page. */
export const linksSchema = z
  .object({ self: optionalText, first: optionalText, next: optionalText, prev: optionalText })
  .nullish();

export const signalwireVideoLogSchema = z.object({
  id: z.string().min(1),
  created_at: isoTimeSchema,
  source: optionalText,
  type: optionalText,
  url: optionalText,
  room_name: optionalText,
  status: optionalText,
  locked: z.boolean().nullish(),
  started_at: isoTimeSchema.nullish(),
  ended_at: isoTimeSchema.nullish(),
  charge: money,
  charge_details: chargeDetailsSchema,
});

/** `signalwireVideoLogSchema` for the fast path (see fastRows.ts). */
export const signalwireVideoLogShape: RowShape = {
  id: 'id', created_at: 'time', source: 'text?', type: 'text?', url: 'text?', room_name: 'text?', status: 'text?', locked: 'bool?',
  started_at: 'time?', ended_at: 'time?', charge: 'money?', charge_details: 'charges?',
};

export type SignalwireVideoLog = z.output<typeof signalwireVideoLogSchema>;

/**
 * Every voice variant in one liberal shape: Relay/LAML, video-room legs, Dialogflow and Fabric records differ only
 * in which fields they carry (told apart by `type`); a discarded record has just `id`, `created_at`, `discarded_at`.
 */
export const signalwireVoiceLogSchema = z.object({
  id: z.string().min(1),
  created_at: isoTimeSchema,
  discarded_at: isoTimeSchema.nullish(),
  type: optionalText,
  source: optionalText,
  from: optionalText,
  to: optionalText,
  direction: optionalText,
  status: optionalText,
  url: z.unknown().optional(),
  charge: money,
  charge_details: chargeDetailsSchema,
  duration: z.number().nullish(),
  duration_ms: z.number().nullish(),
  billing_ms: z.number().nullish(),
  parent_id: optionalText,
});

/** `signalwireVoiceLogSchema` for the fast path (see fastRows.ts). */
export const signalwireVoiceLogShape: RowShape = {
  id: 'id', created_at: 'time', discarded_at: 'time?', type: 'text?', source: 'text?', from: 'text?', to: 'text?',
  direction: 'text?', status: 'text?', url: 'any', charge: 'money?', charge_details: 'charges?', duration: 'number?',
  duration_ms: 'number?', billing_ms: 'number?', parent_id: 'text?',
};

export type SignalwireVoiceLog = z.output<typeof signalwireVoiceLogSchema>;

/** One call event; `details` is free-form JSON. */
export const signalwireCallEventSchema = z.object({
  event_at: isoTimeSchema,
  level: optionalText,
  name: optionalText,
  details: z.json().optional(),
});

/**
 * `GET /api/voice/logs/{id}/events`: the logs' `{links, data}` envelope, or a bare list. One schema per shape, so
 * a failure's field path reads as in the body received.
 */
export const signalwireCallEventListSchema = z.array(signalwireCallEventSchema);
export const signalwireCallEventsPageSchema = z.object({ links: linksSchema, data: signalwireCallEventListSchema });

export const signalwireVideoLogsPageSchema = z.object({ links: linksSchema, data: z.array(signalwireVideoLogSchema) });
export const signalwireVoiceLogsPageSchema = z.object({ links: linksSchema, data: z.array(signalwireVoiceLogSchema) });
