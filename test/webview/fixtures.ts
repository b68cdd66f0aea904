import type { HostNotification, PanelStatus } from '../../src/protocol/logTable';
import type { LogRow, Severity, StreamDefinition } from '../../src/protocol/streamDefinition';

/** Shaped like the Daily API logs definition (request/response arrive as JSON strings). */
export const apiDefinition: StreamDefinition = {
  id: 'daily.api',
  provider: 'daily',
  label: 'API logs',
  paging: 'cursor',
  maxPageSize: 100,
  columns: [
    { key: 'createdAt', title: 'Time', type: 'time', width: 200 },
    { key: 'method', title: 'Method', type: 'method', width: 80 },
    { key: 'url', title: 'URL', type: 'text', width: 320 },
    { key: 'status', title: 'Status', type: 'httpStatus', width: 70 },
    { key: 'ip', title: 'IP', type: 'text', width: 120 },
    { key: 'userAgent', title: 'User agent', type: 'text', width: 160, hidden: true },
  ],
  filters: [{ key: 'url', label: 'URL', kind: 'text', serverSide: true, placeholder: '/v1/rooms' }],
  details: [
    { title: 'Request', field: 'request', format: 'json' },
    { title: 'Response', field: 'response', format: 'json' },
  ],
  hasHttpRequest: true,
};

/** Shaped like Daily meeting logs: a required session, an enum, datetimes and a host-side (local) filter. */
export const meetingDefinition: StreamDefinition = {
  id: 'daily.meeting',
  provider: 'daily',
  label: 'Meeting logs',
  paging: 'offset',
  maxPageSize: 1000,
  columns: [
    { key: 'time', title: 'Time', type: 'time', width: 200 },
    { key: 'level', title: 'Level', type: 'level', width: 80 },
    { key: 'code', title: 'Code', type: 'number', width: 70 },
    { key: 'message', title: 'Message', type: 'text', width: 400 },
  ],
  filters: [
    { key: 'mtgSessionId', label: 'Session', kind: 'session', serverSide: true, required: true },
    {
      key: 'logLevel',
      label: 'Level',
      kind: 'enum',
      multiple: false,
      serverSide: true,
      options: [
        { value: 'ERROR', label: 'Error' },
        { value: 'INFO', label: 'Info' },
      ],
    },
    {
      key: 'methods',
      label: 'Methods',
      kind: 'enum',
      multiple: true,
      serverSide: false,
      options: [
        { value: 'post', label: 'POST' },
        { value: 'put', label: 'PUT' },
        { value: 'delete', label: 'DELETE' },
      ],
    },
    { key: 'startTime', label: 'From', kind: 'datetime', serverSide: true },
    { key: 'fromDate', label: 'Since', kind: 'date', serverSide: true },
    { key: 'includeMetrics', label: 'Metrics', kind: 'boolean', serverSide: true },
  ],
  details: [{ title: 'Metrics', field: 'metrics', format: 'fields' }],
  hasHttpRequest: false,
};

const severityCycle: readonly Severity[] = ['info', 'info', 'warning', 'error', 'debug'];
const statuses = [200, 201, 404, 500, 200];
export const baseTime = Date.UTC(2026, 10, 23, 12, 0, 0);

/** API log rows, newest first, one second apart; row i has status statuses[i % 5]. */
export function apiRows(count: number, start = 0): LogRow[] {
  return Array.from({ length: count }, (_, n) => {
    const i = start + n;
    const time = baseTime - i * 1000;
    return {
      id: `log-${i}`,
      time,
      severity: severityCycle[i % 5],
      fields: {
        createdAt: time,
        method: i % 2 ? 'POST' : 'GET',
        url: `/v1/rooms/room-${i}`,
        status: statuses[i % 5],
        ip: `10.0.${i % 256}.${i % 7}`,
        userAgent: 'curl/8.5',
        request: JSON.stringify({ name: `room-${i}`, privacy: 'public', properties: { max: i, ok: true, none: null } }),
        response: `{"error":"not found","info":"see https://docs.daily.co/reference/rest-api"}`,
      },
    };
  });
}

export function status(patch: Partial<PanelStatus> = {}): PanelStatus {
  return { activity: 'idle', loaded: 0, more: false, dropped: 0, liveTail: false, tailPaused: false, ...patch };
}

export function init(definition: StreamDefinition = apiDefinition, filters = {}): HostNotification {
  return {
    type: 'init',
    title: `Acme production · Daily · ${definition.label}`,
    definition,
    filters,
    settings: { timeZone: 'utc', maxRows: 100000, liveTailIntervalSeconds: 5 },
    identity: definition.provider === 'timeline' ? undefined : { accountId: 'acme', provider: definition.provider, streamId: definition.id, filters },
  };
}

/** init + rows + status, as the host answers `ready`. */
export function snapshot(rows: LogRow[], statusPatch: Partial<PanelStatus> = {}, definition = apiDefinition): HostNotification[] {
  return [
    init(definition),
    { type: 'rows', mode: 'replace', rows },
    { type: 'status', status: status({ loaded: rows.length, lastRefresh: baseTime + 3723000, ...statusPatch }) },
  ];
}
