import type { MeetingSession } from '../../protocol/streamDefinition';
import type { JsonValue, LogRow } from '../../protocol/streamDefinition';
import { describeDailyLevel, type DailyLevelName } from './dailyLevelNames';
import { bodyText, severityForHttpStatus } from '../rowHelpers';
import type { DailyApiLog, DailyMeetingLog, DailyMeetingsPage } from './dailySchemas';

export function mapDailyApiLog(log: DailyApiLog): LogRow {
  const time = (log.createdAt ?? log.created_at) as number;
  const status = log.status ?? undefined;
  const id = String(log.id);
  return {
    id,
    time,
    severity: severityForHttpStatus(status),
    fields: {
      id,
      createdAt: time,
      method: log.method?.toUpperCase() ?? null,
      url: log.url ?? null,
      status: status ?? null,
      ip: log.ip ?? null,
      source: log.source ?? null,
      userId: log.userId ?? log.user_id ?? null,
      domainId: log.domainId ?? log.domain_id ?? null,
      request: bodyText(log.request),
      response: bodyText(log.response),
    },
  };
}

/** The confirmed name of a level number, if the API has told it. */
export type LevelNameOf = (level: number) => DailyLevelName | undefined;

/**
 * Meeting log records have no id. The id is built from the record's content, so it stays the same across pages
 * and live-tail polls; `occurrence` separates identical records within one response.
 */
export function mapDailyMeetingLog(log: DailyMeetingLog, occurrence: number, levelName: LevelNameOf = () => undefined): LogRow {
  const { time, message = '', code = null, peerId = null } = log;
  const clientTime = log.clientTime ?? null;
  const userSessionId = log.userSessionId ?? null;
  const mtgSessionId = log.mtgSessionId ?? null;
  const domainName = log.domainName ?? null;
  const levelNumber = log.level ?? null;
  const level = levelNumber === null ? { text: null, severity: 'info' as const } : describeDailyLevel(levelNumber, levelName(levelNumber));
  const record = {
    time: new Date(time).toISOString(),
    clientTime: clientTime === null ? null : new Date(clientTime).toISOString(),
    level: levelNumber, code, message, mtgSessionId, userSessionId, peerId, domainName,
  };
  return {
    id: `${hash(`${time}|${clientTime}|${userSessionId}|${peerId}|${code}|${message}`)}-${occurrence}`,
    time,
    severity: level.severity,
    fields: { time, clientTime, level: level.text, levelNumber, code, message, userSessionId, peerId, mtgSessionId, domainName, record },
  };
}

/** A metrics sample shown as a debug row whose detail is the whole sample. */
export function mapDailyMetric(metric: Record<string, JsonValue>, fallbackTime: number, index: number): LogRow {
  const rawTime = typeof metric.time === 'string' ? Date.parse(metric.time) : Number.NaN;
  const time = Number.isNaN(rawTime) ? fallbackTime : rawTime;
  const user = typeof metric.userSessionId === 'string' ? metric.userSessionId : null;
  return {
    id: `metric-${hash(JSON.stringify(metric))}-${index}`,
    time,
    severity: 'debug',
    fields: { time, level: 'debug', message: 'metrics sample', userSessionId: user, metrics: metric },
  };
}

export function mapDailyMeetings(page: DailyMeetingsPage): MeetingSession[] {
  return page.data.map((meeting) => ({
    id: meeting.id,
    room: meeting.room,
    startTime: meeting.start_time * 1000,
    duration: meeting.duration ?? 0,
    ongoing: meeting.ongoing ?? false,
    participants: (meeting.participants ?? []).map((participant) => ({
      id: participant.participant_id,
      name: participant.user_name ?? participant.user_id ?? 'Guest',
    })),
  }));
}

/** FNV-1a, hex: short, stable ids from record content. */
function hash(text: string): string {
  let value = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    value ^= text.charCodeAt(i);
    value = Math.imul(value, 0x01000193);
  }
  return (value >>> 0).toString(16).padStart(8, '0');
}
