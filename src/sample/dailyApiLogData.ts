import { Random, descendingTimes, isoTime } from './random';

/** A `/logs/api` record exactly as the spec shapes it. */
export interface DailyApiLogRecord {
  id: string;
  userId: string;
  domainId: string;
  source: 'api' | 'webhook';
  ip: string;
  method: string;
  url: string;
  status: number;
  createdAt: string;
  request: string | null;
  response: string | null;
}

const userId = 'bbbbbbbb-0000-0000-0000-000000000001';
const domainId = 'cccccccc-0000-0000-0000-000000000001';

/** The three records of the spec's example response (oldest in the sample set). */
export const dailySpecExamples: readonly DailyApiLogRecord[] = [
  {
    id: 'aaaaaaaa-0000-0000-0000-000000000001', userId, domainId, source: 'api', ip: '203.0.113.10', method: 'GET',
    url: '/v1/rooms', status: 200, createdAt: '2024-03-15T18:42:00.000Z', request: null,
    response: '{"total_count":3,"data":[{"id":"room-1","name":"hello"},{"id":"room-2","name":"world"},{"id":"room-3","name":"test"}]}',
  },
  {
    id: 'aaaaaaaa-0000-0000-0000-000000000002', userId, domainId, source: 'api', ip: '203.0.113.10', method: 'POST',
    url: '/v1/rooms', status: 200, createdAt: '2024-03-15T18:41:30.000Z',
    request: '{"name":"my-room","properties":{"exp":1710527690}}',
    response: '{"id":"aaaaaaaa-0000-0000-0000-000000000099","name":"my-room","api_created":true}',
  },
  {
    id: 'aaaaaaaa-0000-0000-0000-000000000003', userId, domainId, source: 'api', ip: '203.0.113.10', method: 'POST',
    url: '/v1/meeting-tokens', status: 400, createdAt: '2024-03-15T18:41:00.000Z',
    request: '{"properties":{"room_name":"nonexistent-room"}}',
    response: '{"error":"invalid-request-error","info":"room not found"}',
  },
];

export const sampleRooms = ['standup', 'sales-demo', 'support-1', 'support-2', 'all-hands', 'interview-a', 'webinar'];

interface Call {
  method: string;
  url: (random: Random) => string;
  request?: (random: Random) => string;
  ok: (random: Random) => string;
}

const calls: readonly Call[] = [
  { method: 'GET', url: () => '/v1/rooms', ok: (r) => JSON.stringify({ total_count: r.int(3, 40), data: [] }) },
  {
    method: 'POST', url: () => '/v1/rooms',
    request: (r) => JSON.stringify({ name: `${r.pick(sampleRooms)}-${r.hex(4)}`, privacy: r.pick(['public', 'private']) }),
    ok: (r) => JSON.stringify({ id: r.uuid(), name: r.pick(sampleRooms), api_created: true }),
  },
  { method: 'DELETE', url: (r) => `/v1/rooms/${r.pick(sampleRooms)}`, ok: (r) => JSON.stringify({ deleted: true, name: r.pick(sampleRooms) }) },
  {
    method: 'POST', url: () => '/v1/meeting-tokens',
    request: (r) => JSON.stringify({ properties: { room_name: r.pick(sampleRooms), is_owner: r.chance(0.2) } }),
    ok: (r) => JSON.stringify({ token: `eyJhbGciOi.${r.hex(24)}` }),
  },
  { method: 'GET', url: () => '/v1/recordings', ok: (r) => JSON.stringify({ total_count: r.int(0, 12), data: [] }) },
  { method: 'GET', url: () => '/v1/meetings', ok: (r) => JSON.stringify({ total_count: r.int(1, 90), data: [] }) },
  { method: 'GET', url: (r) => `/v1/rooms/${r.pick(sampleRooms)}/presence`, ok: () => JSON.stringify({ total_count: 0, data: [] }) },
];

const failures: readonly (readonly [number, string, number])[] = [
  [400, '{"error":"invalid-request-error","info":"name must be a string"}', 4],
  [401, '{"error":"authentication-error","info":"API key is not valid"}', 1],
  [404, '{"error":"not-found","info":"room not found"}', 3],
  [429, '{"error":"rate-limit-error","info":"Too many requests"}', 1],
  [500, '{"error":"server-error","info":"internal error"}', 1],
];

const webhookEvents = ['meeting.started', 'meeting.ended', 'participant.joined', 'participant.left', 'recording.ready-to-download'];
const webhookUrls = ['https://hooks.example.com/daily', 'https://api.example.org/webhooks/video'];

function apiRecord(random: Random, time: number): DailyApiLogRecord {
  const call = random.pick(calls);
  const failure = random.chance(0.12) ? random.weighted(failures.map((f) => [f, f[2]] as const)) : undefined;
  return {
    id: random.uuid(), userId, domainId, source: 'api', ip: random.pick(['203.0.113.10', '198.51.100.7', random.ipv4()]),
    method: call.method, url: call.url(random), status: failure?.[0] ?? 200, createdAt: isoTime(time),
    request: call.request?.(random) ?? null, response: failure?.[1] ?? call.ok(random),
  };
}

function webhookRecord(random: Random, time: number): DailyApiLogRecord {
  const status = random.weighted([[200, 90], [500, 4], [502, 3], [404, 3]] as const);
  const event = random.pick(webhookEvents);
  return {
    id: random.uuid(), userId, domainId, source: 'webhook', ip: '3.208.112.45', method: 'POST',
    url: random.pick(webhookUrls), status, createdAt: isoTime(time),
    request: JSON.stringify({ version: '1.0.0', type: event, id: random.uuid(), payload: { room: random.pick(sampleRooms) }, event_ts: time / 1000 }),
    response: status === 200 ? '{"ok":true}' : status === 502 ? '<html>Bad Gateway</html>' : '{"error":"failed"}',
  };
}

/** `count` records of one source over the last `days`, newest first; api logs end with the spec examples. */
export function generateDailyApiLogs(source: 'api' | 'webhook', seed: number, count: number, now: number, days = 7): DailyApiLogRecord[] {
  const random = new Random(seed ^ (source === 'api' ? 0x1a2b : 0x3c4d));
  const times = descendingTimes(random, count, now, days * 86_400_000);
  const records = times.map((time) => (source === 'api' ? apiRecord(random, time) : webhookRecord(random, time)));
  return source === 'api' ? [...records, ...dailySpecExamples] : records;
}
