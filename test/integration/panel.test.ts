import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { ApiLogsApi } from '../../src/extension';
import type { LogTablePanel } from '../../src/panel/logTablePanel';
import type { HostNotification, PanelIdentity } from '../../src/protocol/logTable';
import type { FakeProviderServer } from '../../src/sample/fakeServers';
import { startFakeServer } from '../../src/sample/fakeServers';
import { activateApi } from './support/extensionApi';
import { addDailyAccount, removeAllAccounts } from './support/testAccounts';

async function until(check: () => boolean | Promise<boolean>, what: string, timeoutMs = 20_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** Everything the panel posted to its webview since the call. */
function recordPosts(panel: LogTablePanel): HostNotification[] {
  const posted: HostNotification[] = [];
  panel.onDidPost((notification) => posted.push(notification));
  return posted;
}

const logRequests = (server: FakeProviderServer) => server.requests.filter((r) => r.pathname === '/v1/logs/api');

describe('log table panel', () => {
  let api: ApiLogsApi;
  let server: FakeProviderServer;
  let identity: PanelIdentity;

  before(async () => {
    api = await activateApi();
    server = await startFakeServer('daily');
  });
  beforeEach(async () => {
    const account = await addDailyAccount(api, 'Acme production', server.token, server.baseUrl);
    identity = { accountId: account.id, provider: 'daily', streamId: 'daily.api', filters: {} };
    server.setFault(undefined);
  });
  afterEach(async () => {
    api.panels.all().forEach((panel) => panel.dispose());
    await removeAllAccounts(api);
  });
  after(() => server?.close());

  async function openPanel(): Promise<LogTablePanel> {
    await vscode.commands.executeCommand('apiLogs.openStream', identity);
    const panel = api.panels.get(identity);
    assert.ok(panel, 'apiLogs.openStream opened no panel');
    await until(() => panel.session.rows.length > 0 && !panel.session.busy, 'the first page');
    return panel;
  }

  it('opens a stream in a panel, posts its rows on ready, and reveals it when opened again', async () => {
    const panel = await openPanel();
    assert.equal(panel.webviewPanel.viewType, 'apiLogs.table');
    assert.equal(panel.webviewPanel.title, 'Daily · API logs — Acme production');
    assert.match(panel.webviewPanel.webview.html, /<meta property="csp-nonce" content="[^"]+">/);
    assert.equal(panel.webviewPanel.options.retainContextWhenHidden, false);

    const posted = recordPosts(panel);
    panel.handleMessage({ type: 'ready' });
    await until(() => posted.some((n) => n.type === 'status'), 'the snapshot');
    const init = posted.find((n) => n.type === 'init');
    assert.ok(init?.type === 'init' && init.definition.id === 'daily.api' && init.identity !== undefined && 'accountId' in init.identity && init.identity.accountId === identity.accountId);
    const rows = posted.find((n) => n.type === 'rows');
    assert.ok(rows?.type === 'rows' && rows.mode === 'replace');
    assert.equal(rows.rows.length, panel.session.rows.length);
    assert.ok(rows.rows.every((row) => typeof row.id === 'string' && typeof row.time === 'number'));

    await vscode.commands.executeCommand('apiLogs.openStream', identity);
    assert.equal(api.panels.all().length, 1);
    assert.equal(api.panels.get(identity), panel);
  });

  it('loads the real page under the CSP, which asks for its snapshot by itself', async () => {
    const posted: HostNotification[] = [];
    const subscription = api.panels.onDidCreatePanel((panel) => panel.onDidPost((notification) => posted.push(notification)));
    try {
      await vscode.commands.executeCommand('apiLogs.openStream', identity);
      await until(() => posted.some((n) => n.type === 'init') && posted.some((n) => n.type === 'rows' && n.rows.length > 0), 'the page to say ready', 20_000);
    } finally {
      subscription.dispose();
    }
  });

  it('holds pushes while hidden, pauses the tail, and re-sends a snapshot when shown again', async () => {
    // Recorded from the panel's creation, so the real page's own `ready` (answered with `init`) is never missed.
    const posted: HostNotification[] = [];
    const subscription = api.panels.onDidCreatePanel((created) => created.onDidPost((notification) => posted.push(notification)));
    const panel = await openPanel().finally(() => subscription.dispose());
    await until(() => posted.some((n) => n.type === 'init'), 'the page to say ready', 20_000);
    panel.handleMessage({ type: 'setLiveTail', enabled: true });
    await until(() => panel.session.status().liveTail, 'live tail on');

    await vscode.commands.executeCommand('apiLogs.openStream', { ...identity, streamId: 'daily.webhook' });
    await until(() => !panel.webviewPanel.visible, 'the first panel to be hidden');
    assert.equal(panel.session.status().tailPaused, true, 'a hidden panel does not poll');
    posted.length = 0;
    panel.handleMessage({ type: 'loadOlder' });
    await until(() => !panel.session.busy, 'the older page');
    assert.equal(posted.length, 0, 'nothing is posted to a hidden webview');

    panel.reveal();
    await until(() => posted.some((n) => n.type === 'init'), 'the snapshot after showing again', 20_000);
    const rows = posted.filter((n) => n.type === 'rows').flatMap((n) => (n.type === 'rows' ? n.rows : []));
    assert.equal(rows.length, panel.session.rows.length, 'the snapshot holds every row, the hidden load included');
    assert.equal(panel.session.status().tailPaused, false);
  });

  it('opens from the palette by asking for the stream', async () => {
    const { ScriptedPrompter } = await import('./support/scriptedPrompter');
    const prompter = new ScriptedPrompter({ stream: 'Webhook logs' });
    api.setPrompter(prompter);
    await vscode.commands.executeCommand('apiLogs.openStream');
    assert.deepEqual(prompter.problems, []);
    assert.ok(api.panels.get({ ...identity, streamId: 'daily.webhook' }));
  });

  it('refetches from the newest page when the filters change', async () => {
    const panel = await openPanel();
    panel.handleMessage({ type: 'ready' });
    const posted = recordPosts(panel);
    const before = logRequests(server).length;
    panel.handleMessage({ type: 'setFilters', filters: { url: '/v1/rooms' } });
    await until(() => posted.some((n) => n.type === 'rows' && n.mode === 'replace') && !panel.session.busy, 'refetched rows');
    const request = logRequests(server).slice(before).at(-1);
    assert.ok(request, 'no request after the filter change');
    const query = new URLSearchParams(request.search);
    assert.equal(query.get('url'), '/v1/rooms');
    assert.equal(query.get('starting_after'), null, 'a filter change starts from the newest page');
    assert.deepEqual(panel.identity.filters, { url: '/v1/rooms' });
  });

  it('keeps the rows on an error, shows the banner, and a retry repeats the failed load', async () => {
    const panel = await openPanel();
    panel.handleMessage({ type: 'ready' });
    const posted = recordPosts(panel);
    const loaded = panel.session.rows.length;
    assert.equal(panel.session.status().more, true, 'the sample stream has older pages');

    server.setFault('unprocessable', { count: 1 });
    panel.handleMessage({ type: 'loadOlder' });
    await until(() => posted.some((n) => n.type === 'error' && n.error !== null), 'the error banner');
    const banner = posted.find((n) => n.type === 'error' && n.error !== null);
    assert.equal(banner?.type === 'error' && banner.error?.kind, 'invalid');
    assert.equal(panel.session.rows.length, loaded, 'rows stay after an error');

    panel.handleMessage({ type: 'retry' });
    await until(() => panel.session.rows.length > loaded && !panel.session.busy, 'the retried page');
    assert.ok(posted.some((n) => n.type === 'error' && n.error === null), 'the banner was cleared');
    assert.equal(panel.session.error, null);
  });

  it('offers a token update on an auth error, and reloads after the token is updated', async () => {
    server.setFault('unauthorized');
    await vscode.commands.executeCommand('apiLogs.openStream', identity);
    const panel = api.panels.get(identity);
    assert.ok(panel);
    await until(() => panel.session.error !== null, 'the auth error');
    assert.equal(panel.session.error?.kind, 'auth');
    assert.equal(panel.session.error?.canUpdateToken, true);

    server.setFault(undefined);
    const { ScriptedPrompter } = await import('./support/scriptedPrompter');
    const prompter = new ScriptedPrompter({ dailyApiKey: server.token, baseUrlOverride: server.baseUrl });
    api.setPrompter(prompter);
    panel.handleMessage({ type: 'updateToken' });
    await until(() => panel.session.error === null && panel.session.rows.length > 0, 'the reload after Update Token');
    assert.ok(prompter.asked.includes('dailyApiKey'), 'Update Token ran the Edit Connection flow');
    assert.deepEqual(prompter.problems, []);
  });

  it('opens a row as a JSON document and copies its request as cURL without the token', async () => {
    const panel = await openPanel();
    const row = [...panel.session.rows].find((candidate) => typeof candidate.fields.method === 'string');
    assert.ok(row);
    panel.handleMessage({ type: 'openRowAsJson', rowId: row.id });
    await until(() => vscode.window.activeTextEditor?.document.languageId === 'json', 'the JSON editor');
    const document = vscode.window.activeTextEditor?.document;
    assert.deepEqual(JSON.parse(document?.getText() ?? ''), row);
    assert.equal(document?.isUntitled, true);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');

    await vscode.env.clipboard.writeText('');
    panel.handleMessage({ type: 'copyCurl', rowId: row.id });
    let copied = '';
    await until(async () => (copied = await vscode.env.clipboard.readText()).startsWith('curl '), 'the cURL command on the clipboard');
    assert.match(copied, /^curl -X '[A-Z]+' 'http:\/\/127\.0\.0\.1:\d+\/v1\//);
    assert.ok(copied.includes('$DAILY_API_KEY'));
    assert.ok(!copied.includes(server.token), 'the token leaked into the cURL command');
  });

  it('drops invalid webview messages without acting on them', async () => {
    const panel = await openPanel();
    const requests = logRequests(server).length;
    panel.handleMessage({ type: 'loadAll', extra: true });
    panel.handleMessage({ type: 'deleteEverything' });
    panel.handleMessage('retry');
    // Messages are handled in order: once a valid one that follows has run, the invalid ones had their chance.
    panel.handleMessage({ type: 'loadOlder' });
    await until(() => !panel.session.busy, 'the valid message after them');
    assert.equal(logRequests(server).length, requests + 1, 'only the valid loadOlder sent a request');
  });

  it('restores a panel from its saved identity and refetches with its filters', async () => {
    const webviewPanel = vscode.window.createWebviewPanel('apiLogs.table', 'restored', vscode.ViewColumn.Active, {});
    const before = logRequests(server).length;
    const panel = api.panels.restore(webviewPanel, { ...identity, filters: { url: '/v1/rooms' } });
    assert.ok(panel);
    assert.equal(api.panels.get(identity), panel);
    assert.equal(webviewPanel.webview.options.enableScripts, true, 'the restored webview options are reset');
    assert.equal(webviewPanel.title, 'Daily · API logs — Acme production');
    await until(() => panel.session.rows.length > 0 && !panel.session.busy, 'the refetched rows');
    const request = logRequests(server).slice(before)[0];
    assert.equal(new URLSearchParams(request?.search).get('url'), '/v1/rooms');
  });

  it('keeps its own record of open panels and restores by title a panel whose webview state was lost', async () => {
    const records = () => api.services.context.workspaceState.get<{ title: string; identity: PanelIdentity }[]>('apiLogs.openPanels', []);
    const panel = await openPanel();
    const title = panel.webviewPanel.title;
    panel.handleMessage({ type: 'setFilters', filters: { url: '/v1/rooms' } });
    await until(() => records().some((r) => r.title === title && r.identity.filters.url === '/v1/rooms'), 'the record with the new filters');
    const saved = records();
    panel.dispose();
    await until(() => !records().some((r) => r.title === title), 'a closed panel to be forgotten');

    // A browser reload can lose the webview state while the host's record (kept at shutdown) survives.
    await api.services.context.workspaceState.update('apiLogs.openPanels', saved);
    const before = logRequests(server).length;
    const restored = api.panels.restore(vscode.window.createWebviewPanel('apiLogs.table', title, vscode.ViewColumn.Active, {}), undefined);
    assert.ok(restored, 'restored from the record');
    assert.deepEqual(restored.identity, { ...identity, filters: { url: '/v1/rooms' } });
    await until(() => restored.session.rows.length > 0 && !restored.session.busy, 'the refetched rows');
    assert.equal(new URLSearchParams(logRequests(server).slice(before)[0]?.search).get('url'), '/v1/rooms');

    const unknown = vscode.window.createWebviewPanel('apiLogs.table', 'Daily · API logs — nobody', vscode.ViewColumn.Active, {});
    let unknownClosed = false;
    unknown.onDidDispose(() => (unknownClosed = true));
    assert.equal(api.panels.restore(unknown, undefined), undefined);
    assert.equal(unknownClosed, true);
  });

  it('closes a restored panel whose connection no longer exists, and an open one when it is removed', async () => {
    const orphan = vscode.window.createWebviewPanel('apiLogs.table', 'restored', vscode.ViewColumn.Active, {});
    let orphanClosed = false;
    orphan.onDidDispose(() => (orphanClosed = true));
    assert.equal(api.panels.restore(orphan, { ...identity, accountId: 'no-such-account' }), undefined);
    assert.equal(orphanClosed, true);

    const panel = await openPanel();
    let closed = false;
    panel.onDidDispose(() => (closed = true));
    await api.services.accounts.removeConnection(identity.accountId, 'daily');
    await until(() => closed, 'the panel to close');
    assert.equal(api.panels.get(identity), undefined);
  });
});
