import { providerLabels } from '../auth/account';
import type { DetailSection, ProviderKind, StreamDefinition } from '../protocol/streamDefinition';
import type { SourceInfo } from './sourceRows';

/**
 * The table a timeline shows: the fields every stream has (see `toTimelineRow`), a Source column with a colour chip,
 * and each provider's original fields as a detail section (the query reads into them as `lago.request_id:…`).
 */
export function timelineDefinition(sources: readonly Pick<SourceInfo, 'provider' | 'label'>[]): StreamDefinition {
  const providers = [...new Set(sources.map((source) => source.provider))];
  const details = providers.map((provider: ProviderKind): DetailSection => ({ title: providerLabels[provider], field: provider, format: 'fields' }));
  return {
    id: 'timeline',
    provider: 'timeline',
    label: 'Timeline',
    paging: 'cursor',
    maxPageSize: 1000,
    columns: [
      { key: 'time', title: 'Time', type: 'time', width: 205 },
      { key: 'source', title: 'Source', type: 'source', width: sourceWidth(sources), values: sources.map((source) => source.label) },
      { key: 'level', title: 'Level', type: 'level', width: 76 },
      { key: 'status', title: 'Status', type: 'httpStatus', width: 96 },
      { key: 'method', title: 'Method', type: 'method', width: 72 },
      { key: 'path', title: 'Path', type: 'text', width: 220 },
      { key: 'message', title: 'Message', type: 'text', width: 320 },
      { key: 'ip', title: 'IP', type: 'text', width: 130, hidden: true },
    ],
    filters: [],
    details,
    hasHttpRequest: false,
  };
}

/** A character of the grid's (editor, monospace) font at its default size, with room to spare; the chip and padding. */
const charPx = 9;
const chipPx = 36;

/** Wide enough for the longest source label ("Acme · SignalWire · Voice logs"): the stream is its last, telling part. */
function sourceWidth(sources: readonly Pick<SourceInfo, 'label'>[]): number {
  const longest = Math.max(0, ...sources.map((source) => source.label.length));
  return Math.min(360, Math.max(160, Math.ceil(longest * charPx) + chipPx));
}
