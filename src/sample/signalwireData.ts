import { Random, descendingTimes, isoTime } from './random';

export type SignalwireRecord = Record<string, unknown> & { id: string; created_at: string; deleted?: boolean };

const rooms = ['my_room', 'standup', 'town_hall', 'support_desk', 'webinar_42'];

/** The spec's example video log (its `url` host is the spec's `example` space). */
export const signalwireVideoSpecExample: SignalwireRecord = {
  id: 'c22d24f6-5a47-4597-9a23-c7d01e696b92',
  source: 'realtime_api',
  type: 'video_conference_session',
  url: 'https://example.signalwire.com/api/video/room_sessions/a1b2c3d4-5e6f-7890-abcd-ef1234567890',
  room_name: 'my_room',
  status: 'completed',
  locked: false,
  started_at: '2022-01-01T10:00:00Z',
  ended_at: '2022-01-01T11:00:00Z',
  charge: 0.01,
  created_at: '2022-01-01T10:00:00Z',
  charge_details: [{ description: 'Video conference session charge', charge: 0.005 }],
};

function videoRecord(random: Random, time: number, origin: string): SignalwireRecord {
  const minutes = random.int(2, 120);
  const status = random.weighted([['completed', 85], ['in-progress', 5], ['failed', 6], ['canceled', 4]] as const);
  const charge = Number((minutes * 0.0015 * random.int(1, 8)).toFixed(4));
  return {
    id: random.uuid(),
    source: random.weighted([['realtime_api', 8], ['rest_api', 2]] as const),
    type: random.weighted([['video_conference_session', 8], ['video_room_session', 2]] as const),
    url: `${origin}/api/video/room_sessions/${random.uuid()}`,
    room_name: random.pick(rooms),
    status,
    locked: random.chance(0.1),
    started_at: isoTime(time),
    // An ongoing session has no end yet: the spec types ended_at as a string, so it is left out rather than null.
    ...(status === 'in-progress' ? {} : { ended_at: isoTime(time + minutes * 60_000) }),
    charge,
    created_at: isoTime(time),
    charge_details: [{ description: 'Video conference session charge', charge }],
    deleted: random.chance(0.03),
  };
}

const voiceTypes = [
  ['laml_call', 30], ['relay_pstn_call', 25], ['relay_sip_call', 10], ['relay_webrtc_call', 10],
  ['video_room_pstn_leg', 5], ['video_room_sip_leg', 3], ['dialogflow_call', 4], ['fabric_subscriber_device_leg', 5],
] as const;

const voiceStatuses = [['completed', 70], ['failed', 6], ['busy', 6], ['no-answer', 8], ['canceled', 4], ['in-progress', 2], ['answered', 4]] as const;

function voiceRecord(random: Random, time: number, origin: string, parent: string | null): SignalwireRecord {
  const type = random.weighted(voiceTypes);
  const seconds = random.int(0, 1800);
  const charge = Number((Math.ceil(seconds / 60) * 0.0085).toFixed(4));
  const base = {
    id: random.uuid(), from: random.phone(), to: random.phone(), source: type.startsWith('laml') ? 'laml' : type === 'dialogflow_call' ? 'dialogflow' : 'realtime_api',
    charge, charge_details: [{ description: 'Voice minutes', charge }], created_at: isoTime(time), type,
  };
  if (random.chance(0.03)) {
    return { id: base.id, created_at: base.created_at, discarded_at: isoTime(time + random.int(1, 30) * 86_400_000 / 10), deleted: true };
  }
  const status = type === 'fabric_subscriber_device_leg' ? null : random.weighted(voiceStatuses);
  const direction = random.pick(['inbound', 'outbound', 'outbound-api', 'outbound-dial']);
  const url = type === 'laml_call' ? `${origin}/api/laml/2010-04-01/Accounts/${random.uuid()}/Calls/${base.id}` : null;
  if (type === 'dialogflow_call') {
    return { ...base, url: null, status, duration: seconds };
  }
  if (type === 'fabric_subscriber_device_leg') {
    return { ...base, url: null, direction, status };
  }
  const variant = { ...base, url, direction, status, duration: seconds, duration_ms: seconds * 1000 + random.int(0, 999) };
  return type.startsWith('video_room') ? variant : { ...variant, billing_ms: Math.ceil(seconds / 60) * 60_000, parent_id: parent };
}

/** Video logs over the last `days`, newest first, ending with the spec example; some marked deleted. */
export function generateVideoLogs(seed: number, count: number, now: number, origin: string, days = 7): SignalwireRecord[] {
  const random = new Random(seed ^ 0x71de0);
  return [...descendingTimes(random, count, now, days * 86_400_000).map((time) => videoRecord(random, time, origin)), signalwireVideoSpecExample];
}

/** Voice logs over the last `days`, newest first: every variant by `type`, child legs with `parent_id`, discarded ones. */
export function generateVoiceLogs(seed: number, count: number, now: number, origin: string, days = 7): SignalwireRecord[] {
  const random = new Random(seed ^ 0x701ce);
  const records: SignalwireRecord[] = [];
  for (const time of descendingTimes(random, count, now, days * 86_400_000)) {
    const previous = records.at(-1);
    const parent = previous && random.chance(0.1) ? previous.id : null;
    records.push(voiceRecord(random, time, origin, parent));
  }
  return records;
}
