import type { StreamDefinition } from '../../protocol/streamDefinition';
import { localEnumFilter, phoneLocalFilter, signalwireDateFilters } from './signalwireFilters';

/** Every `type` the voice spec's variants name (Relay/LAML, video-room legs, Dialogflow, Fabric). */
const voiceTypes = [
  'laml_call', 'relay_pstn_call', 'relay_sip_call', 'relay_webrtc_call',
  'video_room_pstn_leg', 'video_room_sip_leg', 'dialogflow_call', 'fabric_subscriber_device_leg',
];

const voiceStatuses = [
  'queued', 'initiated', 'ringing', 'in-progress', 'busy', 'failed', 'no-answer',
  'canceled', 'completed', 'ended', 'answered', 'created', 'ending', 'joined',
];

/**
 * SignalWire voice logs: `GET /api/voice/logs`, paged by following `links.next`; needs the Voice token scope.
 * Discarded logs (only id and dates) carry the `discarded` flag: a badge in the row and their own toggle.
 */
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
    { key: 'discarded', title: 'Discarded', type: 'flag', width: 90 },
    { key: 'id', title: 'ID', type: 'text', width: 280, hidden: true },
    { key: 'source', title: 'Source', type: 'text', width: 110, hidden: true },
    { key: 'parent_id', title: 'Parent ID', type: 'text', width: 280, hidden: true },
    { key: 'discarded_at', title: 'Discarded', type: 'time', width: 205, hidden: true },
  ],
  filters: [
    ...signalwireDateFilters,
    localEnumFilter('type', 'Type', voiceTypes),
    localEnumFilter('direction', 'Direction', ['inbound', 'outbound', 'outbound-api', 'outbound-dial']),
    localEnumFilter('status', 'Status', voiceStatuses),
    phoneLocalFilter,
  ],
  details: [
    { title: 'Charges', field: 'charge_details', format: 'json' },
    { title: 'Call', field: 'call', format: 'fields' },
    { title: 'Call events', field: 'id', format: 'callEvents' },
  ],
  hasHttpRequest: false,
};
