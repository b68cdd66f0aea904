import * as vscode from 'vscode';
import { validateAccountName } from '../auth/accountValidation';
import type { Services } from '../services';
import { addProvider } from './connectionCommands';
import type { AccountTarget } from './targets';
import { resolveAccount } from './targets';

/** Asks for a name, creates the account, then goes straight on to its first provider connection. */
export async function addAccount(services: Services): Promise<void> {
  const existing = services.accounts.list().map((account) => account.name);
  const name = await services.prompter.input('accountName', {
    title: 'Add Account',
    prompt: 'A name for this organisation or environment.',
    placeHolder: 'Acme production',
    validateInput: (value) => validateAccountName(value, existing),
  });
  if (name === undefined) return;
  const account = await services.accounts.add(name);
  services.logger.info(`Added account ${account.id}`);
  await addProvider(services, { accountId: account.id });
}

export async function renameAccount(services: Services, target?: AccountTarget): Promise<void> {
  const account = await resolveAccount(services, target);
  const others = services.accounts
    .list()
    .filter((other) => other.id !== account.id)
    .map((other) => other.name);
  const name = await services.prompter.input('accountName', {
    title: `Rename "${account.name}"`,
    value: account.name,
    validateInput: (value) => validateAccountName(value, others),
  });
  if (name === undefined || name.trim() === account.name) return;
  await services.accounts.rename(account.id, name);
}

/** Removes the account and deletes every token stored for it. */
export async function removeAccount(services: Services, target?: AccountTarget): Promise<void> {
  const account = await resolveAccount(services, target);
  const confirmed = await services.prompter.confirm(
    'confirmRemove',
    `Remove the account "${account.name}" and its ${account.connections.length} connection(s)? Their tokens are deleted from this machine.`,
    'Remove',
  );
  if (!confirmed) return;
  for (const { provider } of account.connections) {
    await services.tokens.delete(account.id, provider);
    await services.connections.forget({ accountId: account.id, provider });
  }
  await services.accounts.remove(account.id);
  services.logger.info(`Removed account ${account.id}`);
  void vscode.window.showInformationMessage(`Removed "${account.name}".`);
}
