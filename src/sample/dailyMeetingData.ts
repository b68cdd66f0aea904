import { Random, isoTime } from './random';
import { sampleRooms } from './dailyApiLogData';

export interface DailyParticipantRecord {
  user_id: string | null;
  participant_id: string;
  user_name: string | null;
  join_time: number;
  duration: number;
}

/** A `GET /meetings` record (times in epoch seconds). */
export interface DailyMeetingRecord {
  id: string;
  room: string;
  start_time: number;
  duration: number;
  ongoing: boolean;
  max_participants: number;
  participants: DailyParticipantRecord[];
}

/** A `GET /logs` record as the spec shapes it. */
export interface DailyMeetingLogRecord {
  time: string;
  clientTime: string;
  message: string;
  mtgSessionId: string;
  userSessionId: string;
  peerId: string | null;
  domainName: string;
  level: number;
  code: number | null;
}

export type DailyMetricRecord = Record<string, string | number>;

const specSessionId = '008c1f0f-6fc5-4e5f-b872-1b9623cb1e7a';
const specUserSessionId = '7a51a4b2-92cf-4ad2-b53b-9d01cc985a38';
const names = ['Ada', 'Grace', 'Linus', 'Margaret', 'Ken', 'Barbara', 'Dennis', 'Frances', null];

/** Daily's documented level names (the `logLevel` filter). */
export type MeetingLogLevelName = 'ERROR' | 'INFO' | 'DEBUG';

/**
 * This server's own numbers for the level names (the spec's example records: 2 for an error, 1 for info). The
 * client has no such table: it learns the numbers from the API, and tests start servers with other numbers.
 */
export const sampleMeetingLogLevels: Readonly<Record<MeetingLogLevelName, number>> = { ERROR: 2, INFO: 1, DEBUG: 0 };

/** [message, code, level name]. */
const messages: readonly (readonly [string, number | null, MeetingLogLevelName])[] = [
  ['joined meeting', 8001, 'INFO'],
  ['participant joined', 8010, 'INFO'],
  ['participant left', 8020, 'INFO'],
  ['camera started', 8101, 'INFO'],
  ['microphone muted', 8110, 'INFO'],
  ['screen share started', 8201, 'INFO'],
  ['switching to sfu mode', 8301, 'INFO'],
  ['ice connection state: checking', null, 'DEBUG'],
  ['ice connection state: connected', null, 'DEBUG'],
  ['bandwidth estimate updated', null, 'DEBUG'],
  ['getUserMedia failed: NotAllowedError', 7101, 'ERROR'],
  ['ice connection failed, restarting', 7201, 'ERROR'],
  ['network connection interrupted', 7301, 'ERROR'],
  ['disconnect on pagehide', 7991, 'ERROR'],
  ['leaving session', 8000, 'INFO'],
];

/** Meeting sessions over the last `days`, newest first; the spec example's session is the oldest. */
export function generateDailyMeetings(seed: number, count: number, now: number, days = 7): DailyMeetingRecord[] {
  const random = new Random(seed ^ 0x5e55);
  const meetings: DailyMeetingRecord[] = [];
  let start = Math.floor(now / 1000) - random.int(60, 1800);
  for (let i = 0; i < count; i++) {
    const ongoing = i === 0;
    const duration = ongoing ? Math.floor(now / 1000) - start : random.int(120, 5400);
    const people = Array.from({ length: random.int(1, 6) }, () => participant(random, start, duration));
    meetings.push({ id: random.uuid(), room: random.pick(sampleRooms), start_time: start, duration, ongoing, max_participants: people.length, participants: people });
    start -= Math.floor(((days * 86_400) / count) * (0.3 + random.next() * 1.4));
  }
  const specStart = Date.parse('2026-03-23T16:20:00Z') / 1000;
  meetings.push({
    id: specSessionId, room: 'your-room', start_time: specStart, duration: 775, ongoing: false, max_participants: 1,
    participants: [{ user_id: null, participant_id: specUserSessionId, user_name: 'Guest', join_time: specStart, duration: 775 }],
  });
  return meetings;
}

function participant(random: Random, start: number, duration: number): DailyParticipantRecord {
  const join = start + random.int(0, Math.max(1, Math.floor(duration / 3)));
  const name = random.pick(names);
  return { user_id: name ? random.uuid() : null, participant_id: random.uuid(), user_name: name, join_time: join, duration: Math.max(30, start + duration - join) };
}

/** The logs of one session, oldest first (the API sorts per `order`). */
export function generateDailyMeetingLogs(
  meeting: DailyMeetingRecord,
  seed: number,
  levels: Readonly<Record<MeetingLogLevelName, number>> = sampleMeetingLogLevels,
): DailyMeetingLogRecord[] {
  if (meeting.id === specSessionId) {
    return specExampleLogs(levels);
  }
  const random = new Random(seed ^ parseInt(meeting.id.slice(0, 8), 16));
  const logs: DailyMeetingLogRecord[] = [];
  for (const person of meeting.participants) {
    const count = random.int(20, 90);
    for (let i = 0; i < count; i++) {
      const at = (person.join_time + (person.duration * i) / count) * 1000 + random.int(0, 900);
      const [message, code, level] = i === 0 ? messages[0] : i === count - 1 ? messages[14] : random.pick(messages.slice(1, 14));
      logs.push({
        time: isoTime(at + random.int(20, 400)), clientTime: isoTime(at), message, mtgSessionId: meeting.id,
        userSessionId: person.participant_id, peerId: message.startsWith('participant') ? random.uuid() : null,
        domainName: 'your-domain', level: levels[level], code,
      });
    }
  }
  return logs.sort((a, b) => Date.parse(a.time) - Date.parse(b.time));
}

/** Network/media metrics samples for a session, one per participant every 30 s (capped), oldest first. */
export function generateDailyMetrics(meeting: DailyMeetingRecord, seed: number): DailyMetricRecord[] {
  const random = new Random(seed ^ 0x3e7 ^ parseInt(meeting.id.slice(0, 8), 16));
  const samples: DailyMetricRecord[] = [];
  for (const person of meeting.participants) {
    for (let t = 0; t < Math.min(person.duration, 3600); t += 30) {
      samples.push({
        time: isoTime((person.join_time + t) * 1000), mtgSessionId: meeting.id, userSessionId: person.participant_id,
        videoRecvBitsPerSecond: random.int(200_000, 2_500_000), videoSendBitsPerSecond: random.int(100_000, 1_500_000),
        videoRecvPacketLoss: Number((random.next() * 0.05).toFixed(4)), roundTripTime: Number((0.02 + random.next() * 0.2).toFixed(3)),
      });
    }
  }
  return samples.sort((a, b) => Date.parse(String(a.time)) - Date.parse(String(b.time)));
}

function specExampleLogs(levels: Readonly<Record<MeetingLogLevelName, number>>): DailyMeetingLogRecord[] {
  const base = { mtgSessionId: specSessionId, userSessionId: specUserSessionId, domainName: 'your-domain' };
  const time = '2026-03-23T16:32:55.473000000Z';
  return [
    { ...base, time, clientTime: '2026-03-23T16:32:54.338000000Z', message: 'participant left', peerId: '6436dbcb-f60a-48c4-90ca-4588f60f6fbc', level: levels.INFO, code: 8020 },
    { ...base, time, clientTime: '2026-03-23T16:32:55.324000000Z', message: 'leaving session', peerId: null, level: levels.INFO, code: 8000 },
    { ...base, time, clientTime: '2026-03-23T16:32:55.324000000Z', message: 'disconnect on pagehide', peerId: null, level: levels.ERROR, code: 7991 },
  ];
}
