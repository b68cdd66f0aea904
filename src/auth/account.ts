import type { ProviderKind } from '../protocol/streamDefinition';

/** Non-secret settings of one provider connection; the token lives in SecretStorage only. */
export type ConnectionSettings =
  | { readonly provider: 'daily'; readonly baseUrlOverride?: string }
  | {
      readonly provider: 'lago';
      readonly region: LagoRegion;
      /** The self-hosted server's origin (region `selfHosted`); `/api/v1` is appended. */
      readonly selfHostedUrl?: string;
      readonly baseUrlOverride?: string;
    }
  | {
      readonly provider: 'signalwire';
      readonly space: string;
      readonly projectId: string;
      readonly baseUrlOverride?: string;
    };

export type LagoRegion = 'us' | 'eu' | 'selfHosted';

/** A named group of provider connections for one organisation or environment. Stored in globalState. */
export interface Account {
  readonly id: string;
  readonly name: string;
  readonly connections: readonly ConnectionSettings[];
}

export const providerLabels: Readonly<Record<ProviderKind, string>> = {
  daily: 'Daily',
  lago: 'Lago',
  signalwire: 'SignalWire',
};

export const providerKinds: readonly ProviderKind[] = ['daily', 'lago', 'signalwire'];

/** The SecretStorage key of a connection's token. */
export function secretKey(accountId: string, provider: ProviderKind): string {
  return `apiLogs.secret.${accountId}.${provider}`;
}

/** The inverse of `secretKey`, for `secrets.onDidChange`; undefined for keys that are not ours. */
export function parseSecretKey(key: string): { accountId: string; provider: ProviderKind } | undefined {
  const match = /^apiLogs\.secret\.([A-Za-z0-9-]+)\.(daily|lago|signalwire)$/.exec(key);
  return match ? { accountId: match[1], provider: match[2] as ProviderKind } : undefined;
}
