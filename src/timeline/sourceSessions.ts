import { providerLabels } from '../auth/account';
import { ProviderError, isProviderError } from '../http/providerError';
import type { TimelineIdentity, TimelineSourceRef } from '../protocol/logTable';
import { requiredGroup } from '../protocol/filterValues';
import type { StreamDefinition } from '../protocol/streamDefinition';
import type { ProviderConnection } from '../providers/connection';
import { streamDefinitionsFor } from '../providers/providerRegistry';
import { walkedTimeRangeStreams } from '../providers/timeRangeParams';
import { LogSession, type SessionSettings } from '../query/logSession';
import type { Services } from '../services';
import type { TimelineSource } from './timelineModel';
import { perSourceSettings } from './timelineModel';

export function definitionOf(ref: TimelineSourceRef): StreamDefinition {
  const definition = streamDefinitionsFor(ref.provider).find((stream) => stream.id === ref.streamId);
  if (!definition) throw new Error(`Unknown log stream ${ref.streamId}.`);
  return definition;
}

/**
 * "Acme production · Lago · API logs" (the account name when it still exists). `withAccount: false` leaves the
 * account out: a timeline whose streams are all of one account would repeat it on every row.
 */
export function sourceLabel(services: Services, ref: TimelineSourceRef, withAccount = true): string {
  const stream = `${providerLabels[ref.provider]} · ${definitionOf(ref).label}`;
  return withAccount ? `${services.accounts.get(ref.accountId)?.name ?? 'Removed account'} · ${stream}` : stream;
}

/**
 * A session per stream of the timeline, each fetching through its own connection (opened per request, so an
 * updated token applies to the next page) and keeping its share of `apiLogs.maxRows`.
 */
export function timelineSources(services: Services, identity: TimelineIdentity, settings: SessionSettings): TimelineSource[] {
  const share = perSourceSettings(settings, identity.sources.length);
  const severalAccounts = new Set(identity.sources.map((ref) => ref.accountId)).size > 1;
  return identity.sources.map((ref, index) => {
    const definition = definitionOf(ref);
    const stream = async () => (await connect(services, ref)).stream(definition.id);
    const session = new LogSession({
      ...share,
      fetchPage: async (request) => (await stream()).fetchPage(request),
      fetchPages: async function* (request) {
        yield* (await stream()).pages(request);
      },
      filters: ref.filters ?? {},
      timeRange: identity.timeRange,
      walkTimeRange: walkedTimeRangeStreams.has(definition.id),
      requiredFilters: definition.filters.filter((filter) => filter.required).map(requiredGroup),
    });
    return { info: { index, provider: ref.provider, label: sourceLabel(services, ref, severalAccounts), definition }, session };
  });
}

async function connect(services: Services, ref: TimelineSourceRef): Promise<ProviderConnection> {
  try {
    return await services.connections.connect({ accountId: ref.accountId, provider: ref.provider });
  } catch (error) {
    if (isProviderError(error)) throw error;
    throw new ProviderError('auth', error instanceof Error ? error.message : String(error), { cause: error });
  }
}
