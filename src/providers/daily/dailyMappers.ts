import type { MeetingSession } from '../../protocol/streamDefinition';
import type { JsonValue, LogRow } from '../../protocol/streamDefinition';
import { describeDailyLevel, type DailyLevelName } from './dailyLevelNames';
import { formatIsoTime } from '../isoTime';
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
  const level = levelNumber === null ? noLevel : describeDailyLevel(levelNumber, levelName(levelNumber));
  const record = {
    time: formatIsoTime(time),
    clientTime: clientTime === null ? null : formatIsoTime(clientTime),
    level: levelNumber, code, message, mtgSessionId, userSessionId, peerId, domainName,
  };
  return {
    id: `${contentHash(time, clientTime, userSessionId, peerId, code, message)}-${occurrence}`,
    time,
    severity: level.severity,
    fields: { time, clientTime, level: level.text, levelNumber, code, message, userSessionId, peerId, mtgSessionId, domainName, record },
  };
}

const noLevel = { text: null, severity: 'info' } as const;

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

const fnvOffset = 0x811c9dc5;
const fnvPrime = 0x01000193;
const separator = '|'.charCodeAt(0);
const zero = '0'.charCodeAt(0);

function fnv(value: number, text: string): number {
  for (let i = 0; i < text.length; i++) value = Math.imul(value ^ text.charCodeAt(i), fnvPrime);
  return value;
}

/** `fnv(value, String(n))` for a number, reading the digits of a safe non-negative integer arithmetically. */
function fnvNumber(value: number, n: number | null): number {
  if (n === null || !Number.isSafeInteger(n) || n < 0) return fnv(value, String(n));
  // Doubles' `%` is slow; split the ms timestamps (13 digits) into int32 halves of up to 8 digits.
  const high = Math.floor(n / 1e8);
  const low = n - high * 1e8;
  if (high > 0) {
    value = fnvNumber(value, high);
    for (let power = 1e7; power >= 1; power = (power / 10) | 0) {
      value = Math.imul(value ^ (zero + (((low / power) | 0) % 10)), fnvPrime);
    }
    return value;
  }
  let power = 1;
  while (power * 10 <= low) power *= 10;
  for (; power >= 1; power = (power / 10) | 0) value = Math.imul(value ^ (zero + (((low / power) | 0) % 10)), fnvPrime);
  return value;
}

const hexBytes = Array.from({ length: 256 }, (_, byte) => byte.toString(16).padStart(2, '0'));

/** The 32-bit value as 8 hex digits, `(value >>> 0).toString(16).padStart(8, '0')`. */
function hex(value: number): string {
  return hexBytes[(value >>> 24) & 255] + hexBytes[(value >>> 16) & 255] + hexBytes[(value >>> 8) & 255] + hexBytes[value & 255];
}

/** FNV-1a, hex: short, stable ids from record content. */
function hash(text: string): string {
  return hex(fnv(fnvOffset, text));
}

const next = (value: number) => Math.imul(value ^ separator, fnvPrime);

/**
 * `hash([time, clientTime, userSessionId, peerId, code, message].map(String).join('|'))` without building the
 * parts or the joined string (most of a meeting row's mapping time).
 */
function contentHash(time: number, clientTime: number | null, user: string | null, peer: string | null, code: number | null, message: string | null): string {
  let value = fnvNumber(fnvOffset, time);
  value = fnvNumber(next(value), clientTime);
  value = fnv(next(value), String(user));
  value = fnv(next(value), String(peer));
  value = fnvNumber(next(value), code);
  return hex(fnv(next(value), String(message)));
}
