import type { StreamDefinition } from '../../protocol/streamDefinition';

/**
 * Daily meeting (client) logs: `GET /logs`, paged by `offset` + `limit`. One of `mtgSessionId` / `userSessionId`
 * is required by the API; the UI asks for a meeting session first (picker from `GET /meetings` or a pasted id).
 */
export const dailyMeetingLogsStream: StreamDefinition = {
  id: 'daily.meeting',
  provider: 'daily',
  label: 'Meeting logs',
  paging: 'offset',
  maxPageSize: 100,
  columns: [
    { key: 'time', title: 'Time', type: 'time', width: 205 },
    { key: 'level', title: 'Level', type: 'level', width: 70 },
    { key: 'code', title: 'Code', type: 'number', width: 70 },
    { key: 'message', title: 'Message', type: 'text', width: 360 },
    { key: 'userSessionId', title: 'Participant session', type: 'text', width: 280 },
    { key: 'peerId', title: 'Peer ID', type: 'text', width: 280 },
    { key: 'clientTime', title: 'Client time', type: 'time', width: 205, hidden: true },
    { key: 'mtgSessionId', title: 'Meeting session', type: 'text', width: 280, hidden: true },
    { key: 'domainName', title: 'Domain', type: 'text', width: 120, hidden: true },
  ],
  filters: [
    {
      key: 'mtgSessionId',
      kind: 'session',
      label: 'Meeting session',
      description: 'A recent session from the list, or a pasted session ID. Or give a participant session instead.',
      serverSide: true,
      required: true,
      requiredAlternatives: ['userSessionId'],
    },
    {
      key: 'userSessionId',
      kind: 'session',
      label: 'Participant session',
      description: "A participant's session ID (participant_id): pasted, or picked from a meeting's participants.",
      serverSide: true,
    },
    {
      key: 'logLevel',
      kind: 'enum',
      label: 'Level',
      serverSide: true,
      multiple: false,
      options: [
        { value: 'ERROR', label: 'Error' },
        { value: 'INFO', label: 'Info' },
        { value: 'DEBUG', label: 'Debug' },
      ],
    },
    {
      key: 'order',
      kind: 'enum',
      label: 'Order',
      serverSide: true,
      multiple: false,
      defaultValue: 'DESC',
      options: [
        { value: 'DESC', label: 'Newest first' },
        { value: 'ASC', label: 'Oldest first' },
      ],
    },
    { key: 'startTime', kind: 'datetime', label: 'From', serverSide: true },
    { key: 'endTime', kind: 'datetime', label: 'To', description: 'Defaults to now.', serverSide: true },
    {
      key: 'includeMetrics',
      kind: 'boolean',
      label: 'Include metrics',
      description: 'Adds network and media metrics samples as rows.',
      serverSide: true,
      defaultValue: false,
    },
    {
      key: 'includeLogs',
      kind: 'boolean',
      label: 'Include log lines',
      description: 'Off: metrics samples only (includeLogs=false, includeMetrics=true).',
      serverSide: true,
      defaultValue: true,
    },
  ],
  details: [
    { title: 'Record', field: 'record', format: 'fields' },
    { title: 'Metrics', field: 'metrics', format: 'json' },
  ],
  hasHttpRequest: false,
};
