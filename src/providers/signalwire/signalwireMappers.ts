import type { JsonValue, LogRow, Severity } from '../../protocol/streamDefinition';
import type { SignalwireVideoLog, SignalwireVoiceLog } from './signalwireSchemas';

type ChargeDetails = SignalwireVideoLog['charge_details'];

function chargeDetails(details: ChargeDetails): JsonValue {
  return (details ?? []).map((detail) => ({ description: detail.description ?? '', charge: detail.charge ?? null }));
}

const voiceWarnings = new Set(['busy', 'no-answer', 'canceled']);

export function voiceSeverity(status: string | null | undefined): Severity {
  if (status === 'failed') {
    return 'error';
  }
  return status && voiceWarnings.has(status) ? 'warning' : 'info';
}

export function mapSignalwireVideoLog(log: SignalwireVideoLog): LogRow {
  const time = log.created_at;
  return {
    id: log.id,
    time,
    severity: log.status === 'failed' || log.status === 'error' ? 'error' : 'info',
    fields: {
      id: log.id,
      created_at: time,
      type: log.type ?? null,
      room_name: log.room_name ?? null,
      status: log.status ?? null,
      started_at: log.started_at ?? null,
      ended_at: log.ended_at ?? null,
      charge: log.charge ?? null,
      source: log.source ?? null,
      url: log.url ?? null,
      locked: log.locked ?? null,
      charge_details: chargeDetails(log.charge_details),
    },
  };
}

/**
 * A discarded voice record shows only its id and dates and is flagged `discarded` (the API gives it no status);
 * the other variants share one set of fields.
 */
export function mapSignalwireVoiceLog(log: SignalwireVoiceLog): LogRow {
  const time = log.created_at;
  if (log.discarded_at !== undefined && log.discarded_at !== null) {
    return {
      id: log.id,
      time,
      severity: 'debug',
      fields: { id: log.id, created_at: time, discarded_at: log.discarded_at, discarded: true },
    };
  }
  const url = typeof log.url === 'string' ? log.url : null;
  const source = log.source ?? null;
  const durationMs = log.duration_ms ?? null;
  const billingMs = log.billing_ms ?? null;
  const parentId = log.parent_id ?? null;
  return {
    id: log.id,
    time,
    severity: voiceSeverity(log.status),
    fields: {
      id: log.id,
      created_at: time,
      discarded: false,
      type: log.type ?? null,
      direction: log.direction ?? null,
      from: log.from ?? null,
      to: log.to ?? null,
      status: log.status ?? null,
      duration: log.duration ?? null,
      charge: log.charge ?? null,
      source,
      url,
      duration_ms: durationMs,
      billing_ms: billingMs,
      parent_id: parentId,
      charge_details: chargeDetails(log.charge_details),
      call: { parent_id: parentId, url, duration_ms: durationMs, billing_ms: billingMs, source },
    },
  };
}
