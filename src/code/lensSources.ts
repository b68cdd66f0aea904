/** Which connections lenses report on, and what names them in code (hosts, resources, keyword). Pure. */
import type { Account } from '../auth/account';
import { providerLabels } from '../auth/account';
import { resolveBaseUrl } from '../connections/connectionConfig';
import type { StreamId } from '../protocol/streamDefinition';
import type { ProviderHints } from './endpointMentions';
import { knownResources } from './endpointMentions';
import type { LensSource } from './lensModels';
import { hostOf, publicHosts } from './loggedRequest';

/** The request stream each provider's lenses report on. */
export const lensStreams: Readonly<Partial<Record<LensSource['provider'], StreamId>>> = { daily: 'daily.api', lago: 'lago.api' };

/** Every connection with a request stream, labelled with its account when a provider is connected twice. */
export function lensSources(accounts: readonly Account[]): LensSource[] {
  const connections = accounts.flatMap((account) =>
    account.connections.flatMap((connection) => {
      const streamId = lensStreams[connection.provider];
      return streamId ? [{ account, provider: connection.provider, streamId }] : [];
    }),
  );
  return connections.map(({ account, provider, streamId }) => {
    const twice = connections.filter((other) => other.provider === provider).length > 1;
    return { accountId: account.id, provider, streamId, label: twice ? `${providerLabels[provider]} (${account.name})` : providerLabels[provider] };
  });
}

/** Per connected provider: its public hosts and the ones its connections are configured with. */
export function lensHints(accounts: readonly Account[], sources: readonly LensSource[]): ProviderHints[] {
  const providers = [...new Set(sources.map((source) => source.provider))];
  return providers.map((provider) => {
    const configured = accounts
      .flatMap((account) => account.connections.filter((connection) => connection.provider === provider))
      .map((connection) => hostOf(resolveBaseUrl(connection)) ?? '');
    return { provider, hosts: [...new Set([...publicHosts[provider], ...configured])], resources: knownResources[provider] ?? [], keyword: provider };
  });
}

/** The id the connection registry and the lens cache know a source's connection by. */
export function connectionId(source: Pick<LensSource, 'accountId' | 'provider'>): string {
  return `${source.accountId}/${source.provider}`;
}
