import type { ConnectionSettings } from '../auth/account';
import type { ConnectionConfig } from '../providers/connection';
import { lagoSelfHostedBaseUrl } from '../providers/lago/lagoBaseUrl';

const lagoRegionUrls = {
  us: 'https://api.getlago.com/api/v1',
  eu: 'https://api.eu.getlago.com/api/v1',
} as const;

/** The base URL requests go to: the override when set, else the provider's documented default. */
export function resolveBaseUrl(settings: ConnectionSettings): string {
  if (settings.baseUrlOverride) return withoutTrailingSlash(settings.baseUrlOverride);
  switch (settings.provider) {
    case 'daily':
      return 'https://api.daily.co/v1';
    case 'lago':
      return settings.region === 'selfHosted'
        ? lagoSelfHostedBaseUrl(settings.selfHostedUrl ?? '')
        : lagoRegionUrls[settings.region];
    case 'signalwire':
      return `https://${settings.space}.signalwire.com`;
  }
}

export function toConnectionConfig(settings: ConnectionSettings, secret: string): ConnectionConfig {
  const baseUrl = resolveBaseUrl(settings);
  return settings.provider === 'signalwire'
    ? { provider: 'signalwire', baseUrl, projectId: settings.projectId, secret }
    : { provider: settings.provider, baseUrl, secret };
}

function withoutTrailingSlash(url: string): string {
  return url.replace(/\/+$/, '');
}
