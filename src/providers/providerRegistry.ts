import { normalizeBaseUrl, validateBaseUrl } from '../http/baseUrl';
import { ProviderError } from '../http/providerError';
import type { Logger } from '../util/logging';
import type { ConnectionConfig, ConnectionOptions, ProviderConnection } from './connection';
import { DailyConnection, dailyStreams } from './daily/dailyConnection';
import { lagoSelfHostedBaseUrl } from './lago/lagoBaseUrl';
import { LagoConnection, lagoStreams } from './lago/lagoConnection';
import { SignalwireConnection, signalwireStreams } from './signalwire/signalwireConnection';
import type { ProviderKind, StreamDefinition } from '../protocol/streamDefinition';

export type LagoRegion = 'us' | 'eu';

/** Provider display names for messages and log topics. */
export const providerLabels: Readonly<Record<ProviderKind, string>> = {
  daily: 'Daily',
  lago: 'Lago',
  signalwire: 'SignalWire',
};

/** The stream definitions of a provider, in tree order. */
export function streamDefinitionsFor(provider: ProviderKind): readonly StreamDefinition[] {
  switch (provider) {
    case 'daily':
      return dailyStreams;
    case 'lago':
      return lagoStreams;
    case 'signalwire':
      return signalwireStreams;
  }
}

/**
 * The public base URL: Daily `…/v1`, Lago `…/api/v1` (US, EU, or a self-hosted origin + `/api/v1`),
 * SignalWire the space origin. `hint` is the Lago region or self-hosted URL, or the SignalWire space name.
 */
export function defaultBaseUrl(provider: ProviderKind, hint?: string): string {
  switch (provider) {
    case 'daily':
      return 'https://api.daily.co/v1';
    case 'lago':
      return lagoBaseUrl(hint ?? 'us');
    case 'signalwire':
      return `https://${(hint ?? 'example').trim().toLowerCase()}.signalwire.com`;
  }
}

function lagoBaseUrl(regionOrUrl: string): string {
  if (regionOrUrl === 'us') {
    return 'https://api.getlago.com/api/v1';
  }
  if (regionOrUrl === 'eu') {
    return 'https://api.eu.getlago.com/api/v1';
  }
  return lagoSelfHostedBaseUrl(regionOrUrl);
}

/** Builds a connection; throws `ProviderError('invalid')` when the base URL is not acceptable. */
export function createProviderConnection(
  config: ConnectionConfig,
  options: ConnectionOptions,
  logger: Logger,
): ProviderConnection {
  const problem = validateBaseUrl(config.baseUrl);
  if (problem !== undefined) {
    throw new ProviderError('invalid', problem);
  }
  const baseUrl = normalizeBaseUrl(config.baseUrl);
  const httpLogger = logger.child(`http:${config.provider}`);
  switch (config.provider) {
    case 'daily':
      return new DailyConnection(baseUrl, config.secret, options, httpLogger);
    case 'lago':
      return new LagoConnection(baseUrl, config.secret, options, httpLogger);
    case 'signalwire':
      return new SignalwireConnection(baseUrl, config.projectId, config.secret, options, httpLogger);
  }
}
