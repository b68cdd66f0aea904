import * as vscode from 'vscode';
import type { ConnectionSettings } from '../auth/account';
import { providerKinds, providerLabels } from '../auth/account';
import { commandIds } from '../constants';
import type { ConnectionKey } from '../connections/connectionRegistry';
import type { ConnectionStatus } from '../connections/connectionStatus';
import type { Services } from '../services';
import { promptConnection } from './connectionPrompts';
import type { AccountTarget, ConnectionTarget } from './targets';
import { resolveAccount, resolveConnection } from './targets';

export async function addProvider(services: Services, target?: AccountTarget): Promise<void> {
  const account = await resolveAccount(services, target);
  const available = providerKinds.filter((provider) => !account.connections.some((c) => c.provider === provider));
  if (available.length === 0) {
    void vscode.window.showInformationMessage(`"${account.name}" already has a connection to every provider.`);
    return;
  }
  const picked = await services.prompter.pick(
    'provider',
    available.map((provider) => ({ label: providerLabels[provider], provider })),
    { title: `Add Provider Connection to "${account.name}"`, placeHolder: 'Choose a provider' },
  );
  if (!picked) return;
  const answers = await promptConnection(services.prompter, picked.provider);
  if (!answers?.token) return;
  await saveConnection(services, { accountId: account.id, provider: picked.provider }, answers.settings, answers.token);
}

export async function editConnection(services: Services, target?: Partial<ConnectionTarget>): Promise<void> {
  const key = await resolveConnection(services, target);
  const existing = services.accounts.connection(key.accountId, key.provider);
  const answers = await promptConnection(services.prompter, key.provider, existing);
  if (!answers) return;
  await saveConnection(services, key, answers.settings, answers.token);
}

export async function testConnection(services: Services, target?: Partial<ConnectionTarget>): Promise<ConnectionStatus> {
  const key = await resolveConnection(services, target);
  return testAndReport(services, key);
}

/** Removes the connection and deletes its token. */
export async function removeConnection(services: Services, target?: Partial<ConnectionTarget>): Promise<void> {
  const key = await resolveConnection(services, target);
  const account = services.accounts.get(key.accountId);
  const confirmed = await services.prompter.confirm(
    'confirmRemove',
    `Remove the ${providerLabels[key.provider]} connection from "${account?.name}"? Its token is deleted from this machine.`,
    'Remove',
  );
  if (!confirmed) return;
  await services.tokens.delete(key.accountId, key.provider);
  await services.connections.forget(key);
  await services.accounts.removeConnection(key.accountId, key.provider);
  services.logger.info(`Removed ${key.provider} connection of account ${key.accountId}`);
}

/** Stores the token first (so the connection can be built), then the settings, then checks them. */
async function saveConnection(
  services: Services,
  key: ConnectionKey,
  settings: ConnectionSettings,
  token: string | undefined,
): Promise<void> {
  if (token) await services.tokens.set(key.accountId, key.provider, token);
  await services.accounts.putConnection(key.accountId, settings);
  services.logger.info(`Saved ${key.provider} connection of account ${key.accountId}`);
  await testAndReport(services, key);
}

async function testAndReport(services: Services, key: ConnectionKey): Promise<ConnectionStatus> {
  const label = providerLabels[key.provider];
  const status = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: `Testing the ${label} connection…` },
    () => services.connections.test(key),
  );
  const accountName = services.accounts.get(key.accountId)?.name ?? '';
  if (status.state === 'connected') {
    void vscode.window.showInformationMessage(`${label} connected for "${accountName}".`);
  } else if (status.state === 'failed') {
    void vscode.window
      .showWarningMessage(`${label} for "${accountName}": ${status.message}`, 'Edit Connection', 'Show Logs')
      .then((choice) => {
        if (choice === 'Edit Connection') void vscode.commands.executeCommand(commandIds.editConnection, key);
        if (choice === 'Show Logs') services.logger.show();
      });
  }
  return status;
}
