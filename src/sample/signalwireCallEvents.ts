import { isoTime } from './random';
import type { SignalwireRecord } from './signalwireData';

/** A `GET /api/voice/logs/{id}/events` record. */
export interface SignalwireCallEventRecord {
  event_at: string;
  level: string;
  name: string;
  details: Record<string, string | number | null>;
}

/** How a call ended, by status: the event name, its level and a detail. */
const endings: Readonly<Record<string, readonly [string, string, string]>> = {
  completed: ['call.ended', 'info', 'hangup'],
  failed: ['call.failed', 'error', 'sip 503 service unavailable'],
  busy: ['call.ended', 'warning', 'busy'],
  'no-answer': ['call.ended', 'warning', 'no answer within 30 s'],
  canceled: ['call.ended', 'warning', 'canceled by the caller'],
};

/** The events of one voice call, derived from its record (a discarded call keeps none), oldest first. */
export function callEventsOf(record: SignalwireRecord): SignalwireCallEventRecord[] {
  if (record.discarded_at) return [];
  const start = Date.parse(record.created_at);
  const at = (seconds: number) => isoTime(start + seconds * 1000);
  const status = typeof record.status === 'string' ? record.status : 'completed';
  const duration = typeof record.duration === 'number' ? record.duration : 0;
  const events: SignalwireCallEventRecord[] = [
    { event_at: at(0), level: 'info', name: 'call.created', details: { from: String(record.from ?? ''), to: String(record.to ?? '') } },
    { event_at: at(1), level: 'info', name: 'call.ringing', details: { direction: (record.direction as string | undefined) ?? null } },
  ];
  if (status === 'completed' || status === 'answered' || status === 'in-progress') {
    events.push({ event_at: at(4), level: 'info', name: 'call.answered', details: { answered_by: 'human' } });
  }
  const [name, level, reason] = endings[status] ?? ['call.state', 'info', status];
  if (status !== 'in-progress') events.push({ event_at: at(4 + duration), level, name, details: { reason, duration } });
  return events;
}
