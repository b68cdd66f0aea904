import type { HttpClient } from '../../http/httpClient';
import { parseWithSchema } from '../../http/parseWithSchema';
import type { MeetingSession } from '../../protocol/streamDefinition';
import { adaptDailyError } from './dailyErrors';
import { mapDailyMeetings } from './dailyMappers';
import { dailyMeetingsPageSchema } from './dailySchemas';

/** Parses and maps one `GET /meetings` body. */
export function parseDailyMeetings(body: unknown): MeetingSession[] {
  return mapDailyMeetings(parseWithSchema(dailyMeetingsPageSchema, body, 'Daily meetings'));
}

/** Recent meeting sessions (newest first) for the meeting-logs session picker: one page of `GET /meetings`. */
export async function listDailyMeetingSessions(
  http: HttpClient,
  signal?: AbortSignal,
  limit = 100,
): Promise<MeetingSession[]> {
  try {
    return parseDailyMeetings(await http.getJson('/meetings', [['limit', String(limit)]], signal));
  } catch (error) {
    throw adaptDailyError(error);
  }
}
