import * as vscode from 'vscode';
import * as z from 'zod';
import { resolveBaseUrl } from '../connections/connectionConfig';
import type { LogTablePanel } from '../panel/logTablePanel';
import type { PanelManager } from '../panel/panelManager';
import type { PanelIdentity } from '../protocol/logTable';
import type { LogRow, StreamDefinition } from '../protocol/streamDefinition';
import type { Services } from '../services';
import type { CallSiteFinder } from './callSiteFinder';
import { callSitePattern } from './callSitePatterns';
import { loadWorkspaceCallSites } from './loadWorkspaceCallSites';
import type { LoggedRequest } from './loggedRequest';
import { hostOf, parseTypedRequest, publicHosts, requestOfRow } from './loggedRequest';

/** What the table's row context menu (`webview/context`) passes: VS Code adds `webview`, the row adds the rest. */
const rowContextSchema = z.object({
  webview: z.literal('apiLogs.table'),
  webviewSection: z.string().max(40),
  rowId: z.string().min(1).max(1_000),
});

/** A request given directly (integration tests, other commands). */
const requestSchema = z.object({
  path: z.string().min(1).max(8_192),
  method: z.string().max(20).optional(),
  provider: z.enum(['daily', 'lago', 'signalwire']).optional(),
  hosts: z.array(z.string().max(300)).max(10).optional(),
});

/**
 * The Find Call Sites command: from the row context menu, the palette (the active panel's selected row, or a path
 * the user types) or a request object.
 */
export async function findCallSites(services: Services, panels: PanelManager, finder: CallSiteFinder, target?: unknown): Promise<void> {
  const request = (await requestFromTarget(services, panels, target)) ?? (await askForRequest(services));
  if (!request) throw new vscode.CancellationError();
  const pattern = callSitePattern(request.path);
  await (await loadWorkspaceCallSites()).pickCallSite(finder, request, pattern);
}

async function requestFromTarget(services: Services, panels: PanelManager, target: unknown): Promise<LoggedRequest | undefined> {
  const direct = requestSchema.safeParse(target);
  if (target !== undefined && direct.success) return direct.data;
  const active = panels.all().find((panel) => panel.webviewPanel.active);
  const fromMenu = rowContextSchema.safeParse(target);
  if (fromMenu.success) {
    if (!active) throw new Error('Find Call Sites: the log panel is no longer active.');
    return panelRowRequest(services, active, fromMenu.data.rowId);
  }
  if (target !== undefined) services.logger.child('Code').warn('Find Call Sites ignored an argument it does not understand.');
  const selected = active?.selectedRowId;
  return active && selected && active.session.getRow(selected) ? panelRowRequest(services, active, selected) : undefined;
}

function panelRowRequest(services: Services, panel: LogTablePanel, rowId: string): LoggedRequest {
  const row: LogRow | undefined = panel.session.getRow(rowId);
  if (!row) throw new Error('That row is no longer loaded. Refresh the panel and try again.');
  return rowRequest(services, panel.identity, panel.definition, row);
}

/** The request a row of a panel's stream logged, with the connection's host for ranking. */
export function rowRequest(services: Services, identity: PanelIdentity, definition: StreamDefinition, row: LogRow): LoggedRequest {
  const settings = services.accounts.connection(identity.accountId, identity.provider);
  const configured = settings && hostOf(resolveBaseUrl(settings));
  const request = requestOfRow(definition.id, row, [...(configured ? [configured] : []), ...publicHosts[identity.provider]]);
  if (!request) throw new Error(`Find Call Sites works on request logs; ${definition.label} rows have no request path.`);
  return request;
}

async function askForRequest(services: Services): Promise<LoggedRequest | undefined> {
  const text = await services.prompter.input('callSitePath', {
    title: 'Find Call Sites',
    prompt: 'A logged request path or URL, optionally after its method',
    placeHolder: 'POST /v1/rooms/standup/presence',
    validateInput: (value) => (parseTypedRequest(value) ? undefined : 'Enter a path such as /v1/rooms or a full URL.'),
  });
  return text === undefined ? undefined : parseTypedRequest(text);
}
