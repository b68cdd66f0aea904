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
      { key: 'source', title: 'Source', type: 'source', width: 220, values: sources.map((source) => source.label) },
      { key: 'level', title: 'Level', type: 'level', width: 70 },
      { key: 'status', title: 'Status', type: 'httpStatus', width: 90 },
      { key: 'method', title: 'Method', type: 'method', width: 80 },
      { key: 'path', title: 'Path', type: 'text', width: 280 },
      { key: 'message', title: 'Message', type: 'text', width: 320 },
      { key: 'ip', title: 'IP', type: 'text', width: 130, hidden: true },
    ],
    filters: [],
    details,
    hasHttpRequest: false,
  };
}
