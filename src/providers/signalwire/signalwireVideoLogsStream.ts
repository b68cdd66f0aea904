import type { StreamDefinition } from '../../protocol/streamDefinition';
import { localListFilter, signalwireDateFilters } from './signalwireFilters';

/** SignalWire video logs: `GET /api/video/logs`, paged by following `links.next`; needs the Video token scope. */
export const signalwireVideoLogsStream: StreamDefinition = {
  id: 'signalwire.video',
  provider: 'signalwire',
  label: 'Video logs',
  paging: 'link',
  maxPageSize: 1000,
  columns: [
    { key: 'created_at', title: 'Created', type: 'time', width: 205 },
    { key: 'type', title: 'Type', type: 'text', width: 180 },
    { key: 'room_name', title: 'Room', type: 'text', width: 160 },
    { key: 'status', title: 'Status', type: 'text', width: 100 },
    { key: 'started_at', title: 'Started', type: 'time', width: 205 },
    { key: 'ended_at', title: 'Ended', type: 'time', width: 205 },
    { key: 'charge', title: 'Charge', type: 'money', width: 80 },
    { key: 'id', title: 'ID', type: 'text', width: 280, hidden: true },
    { key: 'source', title: 'Source', type: 'text', width: 120, hidden: true },
    { key: 'url', title: 'URL', type: 'text', width: 300, hidden: true },
  ],
  filters: [
    ...signalwireDateFilters,
    localListFilter('type', 'Type', 'video_conference_session'),
    localListFilter('status', 'Status', 'completed, failed'),
    {
      key: 'room_name',
      kind: 'text',
      label: 'Room',
      description: 'Applied to the loaded rows (the API has no room filter).',
      serverSide: false,
    },
  ],
  details: [{ title: 'Charges', field: 'charge_details', format: 'json' }],
  hasHttpRequest: false,
};
