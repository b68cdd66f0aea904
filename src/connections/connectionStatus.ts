import type { ProviderErrorKind } from '../protocol/providerErrorKind';

/** The last known health of a connection, shown in the tree item's description and tooltip. */
export type ConnectionStatus =
  | { readonly state: 'untested' }
  | { readonly state: 'testing' }
  | { readonly state: 'connected'; readonly at: number }
  | { readonly state: 'failed'; readonly kind: ProviderErrorKind | 'missingToken'; readonly message: string; readonly at: number };

export interface StatusPresentation {
  readonly description: string;
  readonly tooltip: string;
  /** The failure is fixed by entering a new token: the node's click opens Edit Connection. */
  readonly needsToken: boolean;
}

export function presentStatus(status: ConnectionStatus): StatusPresentation {
  switch (status.state) {
    case 'untested':
      return { description: 'Not tested', tooltip: 'Not tested yet: use Test Connection.', needsToken: false };
    case 'testing':
      return { description: 'Testing…', tooltip: 'Testing the connection…', needsToken: false };
    case 'connected':
      return {
        description: 'Connected',
        tooltip: `Connected (checked ${new Date(status.at).toLocaleString()}).`,
        needsToken: false,
      };
    case 'failed': {
      const needsToken = status.kind === 'auth' || status.kind === 'missingToken';
      return {
        description: needsToken ? 'Token rejected — click to update' : status.message,
        tooltip: `${status.message}${needsToken ? '\nClick to update the token.' : ''}`,
        needsToken,
      };
    }
  }
}
