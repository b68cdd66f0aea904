import * as vscode from 'vscode';
import { copyCurl } from '../commands/copyCurl';
import { openLink } from '../commands/openLink';
import { openRowAsJson } from '../commands/openRowAsJson';
import { updateToken } from '../commands/updateToken';
import { rowRequest } from '../code/findCallSites';
import { commandIds } from '../constants';
import { loadExportRows } from '../export/loadExportRows';
import type { HostNotification, PanelIdentity, WebviewMessage } from '../protocol/logTable';
import type { LogRow, MeetingQuery, StreamDefinition } from '../protocol/streamDefinition';
import { isProviderError } from '../http/providerError';
import type { ProviderConnection } from '../providers/connection';
import type { HeldRows } from '../query/heldRows';
import type { LogSession } from '../query/logSession';
import type { Services } from '../services';
import { runRowCommand } from '../timeline/rowCommands';

export interface PanelActionContext {
  readonly services: Services;
  readonly identity: PanelIdentity;
  readonly definition: StreamDefinition;
  readonly session: LogSession;
  readonly reply: (notification: HostNotification) => void;
}

type ActionMessage = Exclude<
  WebviewMessage,
  { type: 'ready' | 'rowSelected' | 'setFilters' | 'loadOlder' | 'loadAll' | 'cancelLoad' | 'retry' | 'setLiveTail' | 'setTailPaused' }
>;

/** The panel's requests that act on the editor rather than on the rows: clipboard, editors, files, links. */
export async function runPanelAction(message: ActionMessage, context: PanelActionContext): Promise<unknown> {
  const { services, session } = context;
  switch (message.type) {
    case 'export':
      return (await loadExportRows()).exportRows(context.definition, exportSelection(session, message.rowIds), message.format);
    case 'copyText':
      return vscode.env.clipboard.writeText(message.text);
    case 'copyRowAsJson':
      return vscode.env.clipboard.writeText(JSON.stringify(loadedRow(session, message.rowId), null, 2));
    case 'openRowAsJson':
      return openRowAsJson(loadedRow(session, message.rowId));
    case 'copyCurl':
      return copyCurl(services, context.identity, context.definition, loadedRow(session, message.rowId));
    case 'openLink':
      return openLink(message.url);
    case 'findCallSites':
      return vscode.commands.executeCommand(
        commandIds.findCallSites,
        rowRequest(services, context.identity, context.definition, loadedRow(session, message.rowId)),
      );
    case 'updateToken':
      return updateToken(context.identity, session);
    case 'setTimeZone':
      return services.settings.setTimeZone(message.timeZone);
    case 'listMeetingSessions':
      return reply(message.id, context, (connection) => meetingSessions(connection, message.query ?? {}));
    case 'listCallEvents':
      return reply(message.id, context, (connection) => callEvents(connection, message.rowId));
    case 'rowCommand':
      return runRowCommand(message);
  }
}

function loadedRow(session: LogSession, rowId: string): LogRow {
  const row = session.getRow(rowId);
  if (!row) {
    throw new Error('That row is no longer loaded. Refresh the panel and try again.');
  }
  return row;
}

/** The rows the webview named (its quick-filtered set, in its order), or every loaded row. */
function exportSelection(session: LogSession, rowIds: readonly string[] | undefined): HeldRows {
  return rowIds ? session.rowsOf(rowIds) : session.rows;
}

/** Answers a webview request with `work`'s result, or with the failure's readable sentence and kind. */
async function reply(id: number, context: PanelActionContext, work: (connection: ProviderConnection) => Promise<unknown>): Promise<void> {
  try {
    const connection = await context.services.connections.connect(context.identity);
    context.reply({ type: 'reply', id, result: await work(connection) });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    context.reply({ type: 'reply', id, error: message, ...(isProviderError(error) ? { errorKind: error.kind } : {}) });
  }
}

function meetingSessions(connection: ProviderConnection, query: MeetingQuery): Promise<unknown> {
  if (!connection.listMeetingSessions) throw new Error('This provider has no meeting sessions.');
  return connection.listMeetingSessions(query);
}

function callEvents(connection: ProviderConnection, rowId: string): Promise<unknown> {
  if (!connection.listCallEvents) throw new Error('This provider has no call events.');
  return connection.listCallEvents(rowId);
}
