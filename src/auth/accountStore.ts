import { randomUUID } from 'node:crypto';
import * as vscode from 'vscode';
import { stateKeys } from '../constants';
import type { ProviderKind } from '../protocol/streamDefinition';
import type { Account, ConnectionSettings } from './account';

/** Accounts and their non-secret connection settings, persisted in globalState. Tokens never pass through here. */
export class AccountStore implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;

  constructor(private readonly state: vscode.Memento) {}

  list(): readonly Account[] {
    return this.state.get<Account[]>(stateKeys.accounts, []);
  }

  get(accountId: string): Account | undefined {
    return this.list().find((account) => account.id === accountId);
  }

  connection(accountId: string, provider: ProviderKind): ConnectionSettings | undefined {
    return this.get(accountId)?.connections.find((connection) => connection.provider === provider);
  }

  async add(name: string): Promise<Account> {
    const account: Account = { id: randomUUID(), name: name.trim(), connections: [] };
    await this.save([...this.list(), account]);
    return account;
  }

  async rename(accountId: string, name: string): Promise<void> {
    await this.update(accountId, (account) => ({ ...account, name: name.trim() }));
  }

  async remove(accountId: string): Promise<void> {
    await this.save(this.list().filter((account) => account.id !== accountId));
  }

  /** Adds the connection, or replaces the account's connection to the same provider. */
  async putConnection(accountId: string, settings: ConnectionSettings): Promise<void> {
    await this.update(accountId, (account) => ({
      ...account,
      connections: [...account.connections.filter((c) => c.provider !== settings.provider), settings],
    }));
  }

  async removeConnection(accountId: string, provider: ProviderKind): Promise<void> {
    await this.update(accountId, (account) => ({
      ...account,
      connections: account.connections.filter((connection) => connection.provider !== provider),
    }));
  }

  dispose(): void {
    this.changed.dispose();
  }

  private async update(accountId: string, change: (account: Account) => Account): Promise<void> {
    const accounts = this.list();
    if (!accounts.some((account) => account.id === accountId)) {
      throw new Error('That account no longer exists.');
    }
    await this.save(accounts.map((account) => (account.id === accountId ? change(account) : account)));
  }

  private async save(accounts: readonly Account[]): Promise<void> {
    await this.state.update(stateKeys.accounts, accounts);
    this.changed.fire();
  }
}
