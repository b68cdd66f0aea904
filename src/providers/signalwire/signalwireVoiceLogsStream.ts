import type { StreamDefinition } from '../../protocol/streamDefinition';
import { signalwireDateFilters } from './signalwireFilters';

const option = (value: string) => ({ value, label: value });

/** SignalWire voice logs: `GET /api/voice/logs`, paged by following `links.next`; needs the Voice token scope. */
export const signalwireVoiceLogsStream: StreamDefinition = {
  id: 'signalwire.voice',
  provider: 'signalwire',
  label: 'Voice logs',
  paging: 'link',
  maxPageSize: 1000,
  columns: [
    { key: 'created_at', title: 'Created', type: 'time', width: 205 },
    { key: 'type', title: 'Type', type: 'text', width: 160 },
    { key: 'direction', title: 'Direction', type: 'text', width: 100 },
    { key: 'from', title: 'From', type: 'text', width: 150 },
    { key: 'to', title: 'To', type: 'text', width: 150 },
    { key: 'status', title: 'Status', type: 'text', width: 100 },
    { key: 'duration', title: 'Duration', type: 'duration', width: 80 },
    { key: 'charge', title: 'Charge', type: 'money', width: 80 },
    { key: 'id', title: 'ID', type: 'text', width: 280, hidden: true },
    { key: 'source', title: 'Source', type: 'text', width: 110, hidden: true },
    { key: 'parent_id', title: 'Parent ID', type: 'text', width: 280, hidden: true },
    { key: 'discarded_at', title: 'Discarded', type: 'time', width: 205, hidden: true },
  ],
  filters: [
    ...signalwireDateFilters,
    {
      key: 'direction',
      kind: 'enum',
      label: 'Direction',
      description: 'Applied to the loaded rows (the API has no direction filter).',
      serverSide: false,
      multiple: true,
      options: ['inbound', 'outbound', 'outbound-api', 'outbound-dial'].map(option),
    },
    {
      key: 'status',
      kind: 'enum',
      label: 'Status',
      description: 'Applied to the loaded rows (the API has no status filter).',
      serverSide: false,
      multiple: true,
      options: [
        'queued', 'initiated', 'ringing', 'in-progress', 'busy', 'failed', 'no-answer',
        'canceled', 'completed', 'ended', 'answered', 'created', 'ending', 'joined',
      ].map(option),
    },
  ],
  details: [
    { title: 'Charges', field: 'charge_details', format: 'json' },
    { title: 'Call', field: 'call', format: 'fields' },
  ],
  hasHttpRequest: false,
};
