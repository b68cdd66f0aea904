import * as vscode from 'vscode';
import { commandIds } from '../constants';
import type { PanelIdentity } from '../protocol/logTable';
import type { LogSession } from '../query/logSession';

/**
 * The auth banner's "Update Token": runs the tree's Edit Connection flow for this panel's connection, then repeats
 * the failed load with the new credentials (the connection registry rebuilds the client when the token changes).
 */
export async function updateToken(identity: PanelIdentity, session: LogSession): Promise<void> {
  await vscode.commands.executeCommand(commandIds.editConnection, {
    accountId: identity.accountId,
    provider: identity.provider,
  });
  await session.retry();
}
