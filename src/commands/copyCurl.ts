import * as vscode from 'vscode';
import { resolveBaseUrl } from '../connections/connectionConfig';
import { curlForRow } from '../export/curlCommand';
import type { PanelIdentity } from '../protocol/logTable';
import type { LogRow, StreamDefinition } from '../protocol/streamDefinition';
import type { Services } from '../services';

/** Copies an API-log row's request as cURL; the token is a shell variable placeholder, never the real secret. */
export async function copyCurl(
  services: Services,
  identity: PanelIdentity,
  definition: StreamDefinition,
  row: LogRow,
): Promise<string> {
  const settings = services.accounts.connection(identity.accountId, identity.provider);
  if (!definition.hasHttpRequest || !settings) {
    throw new Error('This log stream does not record HTTP requests.');
  }
  const command = curlForRow(identity.provider, resolveBaseUrl(settings), row);
  if (!command) {
    throw new Error('This row has no request method and URL to build a cURL command from.');
  }
  await vscode.env.clipboard.writeText(command);
  void vscode.window.showInformationMessage('Copied the request as cURL. Set the API key variable before running it.');
  return command;
}
