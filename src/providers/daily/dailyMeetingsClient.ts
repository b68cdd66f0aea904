import type { HttpClient, QueryParams } from '../../http/httpClient';
import { parseWithSchema } from '../../http/parseWithSchema';
import type { MeetingQuery, MeetingSession, MeetingSessionPage } from '../../protocol/streamDefinition';
import { adaptDailyError } from './dailyErrors';
import { mapDailyMeetings } from './dailyMappers';
import { dailyMeetingsPageSchema } from './dailySchemas';

/** Daily's list limit (and the picker's page). */
const meetingsPageSize = 100;

/** Parses and maps one `GET /meetings` body. */
export function parseDailyMeetings(body: unknown): MeetingSession[] {
  return mapDailyMeetings(parseWithSchema(dailyMeetingsPageSchema, body, 'Daily meetings'));
}

/** The documented `GET /meetings` parameters for a picker query; times go as epoch seconds. */
export function meetingsQuery(query: MeetingQuery, limit = meetingsPageSize): QueryParams {
  const params: Array<[string, string]> = [['limit', String(limit)]];
  const add = (name: string, value: string | undefined) => value !== undefined && value !== '' && params.push([name, value]);
  const seconds = (ms: number | undefined) => (ms === undefined ? undefined : String(Math.floor(ms / 1000)));
  add('room', query.room?.trim());
  add('timeframe_start', seconds(query.from));
  add('timeframe_end', seconds(query.to));
  add('starting_after', query.after);
  add('ending_before', query.before);
  return params;
}

/** One page of meeting sessions (newest first) for the meeting-logs session picker. */
export async function listDailyMeetingSessions(
  http: HttpClient,
  query: MeetingQuery = {},
  signal?: AbortSignal,
  limit = meetingsPageSize,
): Promise<MeetingSessionPage> {
  try {
    const sessions = parseDailyMeetings(await http.getJson('/meetings', meetingsQuery(query, limit), signal));
    return { sessions, more: sessions.length >= limit };
  } catch (error) {
    throw adaptDailyError(error);
  }
}
