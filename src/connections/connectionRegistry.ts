import * as vscode from 'vscode';
import type { AccountStore } from '../auth/accountStore';
import type { TokenStore } from '../auth/tokenStore';
import { isProviderError } from '../http/providerError';
import type { ProviderConnection } from '../providers/connection';
import { createProviderConnection } from '../providers/providerRegistry';
import type { ProviderKind } from '../protocol/streamDefinition';
import type { Logger } from '../util/logging';
import type { Settings } from '../util/settings';
import { toConnectionConfig } from './connectionConfig';
import type { ConnectionStatus } from './connectionStatus';

const statusStateKey = 'apiLogs.connectionStatus';

export interface ConnectionKey {
  readonly accountId: string;
  readonly provider: ProviderKind;
}

/**
 * Live provider connections, one per account and provider, built from the stored settings and token on first use
 * and rebuilt whenever either changes. Also remembers each connection's last test result.
 */
export class ConnectionRegistry implements vscode.Disposable {
  private readonly open = new Map<string, { readonly settings: string; readonly connection: Promise<ProviderConnection> }>();
  private readonly changed = new vscode.EventEmitter<ConnectionKey>();
  readonly onDidChange = this.changed.event;
  private readonly subscriptions: vscode.Disposable[] = [];
  /** Runs before a connection is built: the sample data starts its servers on first use. */
  beforeConnect: ((key: ConnectionKey) => Promise<void>) | undefined;

  constructor(
    private readonly accounts: AccountStore,
    private readonly tokens: TokenStore,
    private readonly settings: Settings,
    private readonly state: vscode.Memento,
    private readonly logger: Logger,
  ) {
    this.subscriptions.push(
      accounts.onDidChange(() => this.closeChanged()),
      settings.onDidChange(() => this.closeAll()),
      tokens.onDidChange((key) => this.close(key)),
    );
  }

  /** The connection for an account's provider. Throws a readable Error when the account, settings or token is gone. */
  async connect(key: ConnectionKey): Promise<ProviderConnection> {
    await this.beforeConnect?.(key);
    const id = keyOf(key);
    const existing = this.open.get(id);
    if (existing) return existing.connection;
    const connection = this.build(key);
    this.open.set(id, { settings: this.settingsOf(key), connection });
    connection.catch(() => this.open.delete(id));
    return connection;
  }

  status(key: ConnectionKey): ConnectionStatus {
    return this.state.get<Record<string, ConnectionStatus>>(statusStateKey, {})[keyOf(key)] ?? { state: 'untested' };
  }

  /** Runs the provider's cheap check request and records the result. */
  async test(key: ConnectionKey): Promise<ConnectionStatus> {
    await this.setStatus(key, { state: 'testing' });
    let status: ConnectionStatus;
    try {
      const connection = await this.connect(key);
      await connection.testConnection();
      status = { state: 'connected', at: Date.now() };
    } catch (error) {
      status = {
        state: 'failed',
        kind: isProviderError(error) ? error.kind : 'missingToken',
        message: error instanceof Error ? error.message : String(error),
        at: Date.now(),
      };
      this.logger.warn(`Connection test failed for ${key.provider}: ${status.message}`);
    }
    await this.setStatus(key, status);
    return status;
  }

  /** Drops the cached connection and status of a removed connection. */
  async forget(key: ConnectionKey): Promise<void> {
    this.close(key);
    const statuses = { ...this.state.get<Record<string, ConnectionStatus>>(statusStateKey, {}) };
    delete statuses[keyOf(key)];
    await this.state.update(statusStateKey, statuses);
  }

  dispose(): void {
    this.closeAll();
    this.subscriptions.forEach((subscription) => subscription.dispose());
    this.changed.dispose();
  }

  private async build(key: ConnectionKey): Promise<ProviderConnection> {
    const settings = this.accounts.connection(key.accountId, key.provider);
    if (!settings) throw new Error('This connection no longer exists.');
    const token = await this.tokens.get(key.accountId, key.provider);
    if (!token) throw new Error('No token is stored for this connection. Use Edit Connection to enter it.');
    const logger = this.logger.child(`http:${key.provider}`);
    return createProviderConnection(toConnectionConfig(settings, token), { timeoutMs: this.settings.timeoutMs }, logger);
  }

  private async setStatus(key: ConnectionKey, status: ConnectionStatus): Promise<void> {
    const statuses = this.state.get<Record<string, ConnectionStatus>>(statusStateKey, {});
    await this.state.update(statusStateKey, { ...statuses, [keyOf(key)]: status });
    this.changed.fire(key);
  }

  private settingsOf(key: ConnectionKey): string {
    return JSON.stringify(this.accounts.connection(key.accountId, key.provider) ?? null);
  }

  /** Closes the connections whose account settings changed or were removed; the rest stay open. */
  private closeChanged(): void {
    for (const [id, entry] of [...this.open]) {
      const [accountId, provider] = id.split('/') as [string, ProviderKind];
      if (entry.settings !== this.settingsOf({ accountId, provider })) this.close({ accountId, provider });
    }
  }

  private close(key: ConnectionKey): void {
    const entry = this.open.get(keyOf(key));
    this.open.delete(keyOf(key));
    entry?.connection.then((c) => c.dispose(), () => undefined);
  }

  private closeAll(): void {
    for (const entry of this.open.values()) entry.connection.then((c) => c.dispose(), () => undefined);
    this.open.clear();
  }
}

function keyOf(key: ConnectionKey): string {
  return `${key.accountId}/${key.provider}`;
}
