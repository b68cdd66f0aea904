import * as z from 'zod';
import type { RowShape } from '../fastRows';
import { httpStatusSchema, isoTimeSchema } from '../rowHelpers';

const bodySchema = z.unknown().optional();

/** One `api_logs` entry; liberal about optional text fields and a status sent as a string. */
export const lagoApiLogSchema = z.object({
  request_id: z.string().min(1),
  logged_at: isoTimeSchema,
  created_at: isoTimeSchema.nullish(),
  http_method: z.string(),
  http_status: httpStatusSchema,
  request_path: z.string(),
  api_version: z.string().nullish(),
  client: z.string().nullish(),
  request_origin: z.string().nullish(),
  request_body: bodySchema,
  request_response: bodySchema,
});

/** `lagoApiLogSchema` for the fast path (see fastRows.ts). */
export const lagoApiLogShape: RowShape = {
  request_id: 'id', logged_at: 'time', created_at: 'time?', http_method: 'text', http_status: 'status', request_path: 'text',
  api_version: 'text?', client: 'text?', request_origin: 'text?', request_body: 'any', request_response: 'any',
};

export type LagoApiLog = z.output<typeof lagoApiLogSchema>;

export const lagoMetaSchema = z.object({
  current_page: z.number().int(),
  next_page: z.number().int().nullish(),
  prev_page: z.number().int().nullish(),
  total_pages: z.number().int().nullish(),
  total_count: z.number().int().nullish(),
});

export const lagoApiLogsPageSchema = z.object({ api_logs: z.array(lagoApiLogSchema), meta: lagoMetaSchema });
