import * as vscode from 'vscode';
import type { Account } from '../auth/account';
import { providerLabels } from '../auth/account';
import type { ConnectionKey } from '../connections/connectionRegistry';
import type { ProviderKind } from '../protocol/streamDefinition';
import type { Services } from '../services';

/** What a node command receives: a tree node, a plain `{ accountId, provider }` (tests, panels) or nothing (palette). */
export interface AccountTarget {
  readonly accountId: string;
}

export interface ConnectionTarget extends AccountTarget {
  readonly provider: ProviderKind;
}

/** The account the command acts on; asks with a quick pick when called from the palette. */
export async function resolveAccount(services: Services, target?: AccountTarget): Promise<Account> {
  if (target?.accountId) {
    const account = services.accounts.get(target.accountId);
    if (!account) throw new Error('That account no longer exists.');
    return account;
  }
  const accounts = services.accounts.list();
  if (accounts.length === 0) throw new Error('There are no accounts yet. Use "API Logs: Add Account" first.');
  if (accounts.length === 1) return accounts[0];
  const picked = await services.prompter.pick(
    'account',
    accounts.map((account) => ({ label: account.name, account })),
    { title: 'Choose an account', placeHolder: 'Account' },
  );
  if (!picked) throw new vscode.CancellationError();
  return picked.account;
}

/** The connection the command acts on; asks with a quick pick over all connections when called from the palette. */
export async function resolveConnection(services: Services, target?: Partial<ConnectionTarget>): Promise<ConnectionKey> {
  if (target?.accountId && target.provider) {
    if (!services.accounts.connection(target.accountId, target.provider)) {
      throw new Error('That connection no longer exists.');
    }
    return { accountId: target.accountId, provider: target.provider };
  }
  const items = services.accounts.list().flatMap((account) =>
    account.connections.map(({ provider }) => ({
      label: providerLabels[provider],
      description: account.name,
      key: { accountId: account.id, provider },
    })),
  );
  if (items.length === 0) throw new Error('There are no provider connections yet. Use "API Logs: Add Provider Connection" first.');
  if (items.length === 1) return items[0].key;
  const picked = await services.prompter.pick('connection', items, { title: 'Choose a connection', placeHolder: 'Connection' });
  if (!picked) throw new vscode.CancellationError();
  return picked.key;
}
