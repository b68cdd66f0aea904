import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { ApiLogsApi } from '../../../src/extension';
import type { LogTablePanel } from '../../../src/panel/logTablePanel';
import type { HostNotification, PanelIdentity } from '../../../src/protocol/logTable';
import type { FakeProviderServer } from '../../../src/sample/fakeServers';
import { startFakeServer } from '../../../src/sample/fakeServers';
import type { SavedViewNode } from '../../../src/tree/savedViewNode';
import { saveViewToWorkspace } from '../../../src/views/viewManagementCommands';
import { activateApi } from '../support/extensionApi';
import { until } from '../support/providerPanels';
import { ScriptedPrompter, type Answers } from '../support/scriptedPrompter';
import { addDailyAccount, labelOf, removeAllAccounts, treeChildren } from '../support/testAccounts';

describe('saved views', () => {
  let api: ApiLogsApi;
  let server: FakeProviderServer;
  let identity: PanelIdentity;
  const workspaceFile = () => vscode.Uri.joinPath(vscode.workspace.workspaceFolders![0]!.uri, '.vscode', 'api-logs.json');

  before(async () => {
    api = await activateApi();
    server = await startFakeServer('daily');
  });
  beforeEach(async () => {
    const account = await addDailyAccount(api, 'Views account', server.token, server.baseUrl);
    identity = { accountId: account.id, provider: 'daily', streamId: 'daily.api', filters: {}, query: 'status:>=400', timeRange: { kind: 'relative', preset: '1h' } };
  });
  afterEach(async () => {
    api.panels.all().forEach((panel) => panel.dispose());
    for (const view of api.services.views.list()) await api.services.views.remove(view.id);
    await vscode.workspace.fs.delete(workspaceFile()).then(undefined, () => undefined);
    await api.services.workspaceViews.reload();
    await removeAllAccounts(api);
  });
  after(() => server?.close());

  function answer(answers: Answers): ScriptedPrompter {
    const prompter = new ScriptedPrompter(answers);
    api.setPrompter(prompter);
    return prompter;
  }

  async function openPanel(): Promise<LogTablePanel> {
    await vscode.commands.executeCommand('apiLogs.openStream', identity);
    const panel = api.panels.get(identity);
    assert.ok(panel, 'no panel opened');
    await until(() => panel.session.rows.length > 0 && !panel.session.busy, 'the first page');
    return panel;
  }

  async function viewNodes(): Promise<{ node: SavedViewNode; item: vscode.TreeItem }[]> {
    const [account] = (await treeChildren(api)).filter(({ item }) => labelOf(item) === 'Views account');
    const [daily] = await treeChildren(api, account!.node);
    const stream = (await treeChildren(api, daily!.node)).find(({ item }) => labelOf(item) === 'API logs');
    return (await treeChildren(api, stream!.node)) as { node: SavedViewNode; item: vscode.TreeItem }[];
  }

  it('saves what the panel shows (query, relative range, the layout the page reported) and restores it after a reload', async () => {
    const panel = await openPanel();
    await until(() => panel.layout.hiddenColumns !== undefined, 'the layout the page reports after init');
    answer({ viewName: 'Failures' });
    await vscode.commands.executeCommand('apiLogs.saveViewAs', panel);
    const [view] = api.services.views.list();
    assert.ok(view, 'no view stored');
    assert.equal(view.name, 'Failures');
    assert.equal(view.query, 'status:>=400');
    assert.deepEqual(view.timeRange, { kind: 'relative', preset: '1h' });
    assert.deepEqual(view.layout, panel.layout);
    assert.equal(panel.identity.viewId, `account:${view.id}`);
    assert.equal(panel.webviewPanel.title, 'Failures · Daily · API logs — Views account');

    const nodes = await viewNodes();
    assert.deepEqual(nodes.map(({ item }) => labelOf(item)), ['Failures']);
    assert.equal(nodes[0]!.item.command?.command, 'apiLogs.openView');
    await vscode.commands.executeCommand('apiLogs.openView', nodes[0]!.node);
    assert.equal(api.panels.all().length, 1, 'opening the view again reveals its panel');

    const saved = panel.identity;
    panel.dispose();
    const restoredPanel = vscode.window.createWebviewPanel('apiLogs.table', 'restored', vscode.ViewColumn.Active, {});
    const posted: HostNotification[] = [];
    const restored = api.panels.restore(restoredPanel, saved);
    assert.ok(restored, 'the view panel was not restored');
    restored.onDidPost((message) => posted.push(message));
    assert.equal(restored.webviewPanel.title, 'Failures · Daily · API logs — Views account');
    await until(() => posted.some((message) => message.type === 'init'), 'init to the restored page');
    const init = posted.find((message) => message.type === 'init');
    assert.ok(init?.type === 'init');
    assert.equal(init.query, 'status:>=400');
    assert.deepEqual(init.timeRange, { kind: 'relative', preset: '1h' });
  });

  it('Save updates the open view; rename retitles its panel; delete asks, removes it and closes its panel', async () => {
    const panel = await openPanel();
    answer({ viewName: 'Errors' });
    await vscode.commands.executeCommand('apiLogs.saveView', panel);
    const view = api.services.views.list()[0]!;
    panel.handleMessage({ type: 'queryChanged', query: 'status:5xx' });
    await vscode.commands.executeCommand('apiLogs.saveView', panel);
    assert.equal(api.services.views.list().length, 1, 'Save made no second view');
    assert.equal(api.services.views.get(view.id)?.query, 'status:5xx');

    const [node] = await viewNodes();
    answer({ viewName: 'Server errors' });
    await vscode.commands.executeCommand('apiLogs.renameView', node!.node);
    assert.equal(api.services.views.get(view.id)?.name, 'Server errors');
    assert.match(panel.webviewPanel.title, /^Server errors · /);

    answer({ viewName: 'Server errors copy' });
    await vscode.commands.executeCommand('apiLogs.duplicateView', node!.node);
    assert.deepEqual(api.services.views.list().map((v) => v.name).sort(), ['Server errors', 'Server errors copy']);

    const refused = answer({ confirmDeleteView: false });
    await vscode.commands.executeCommand('apiLogs.deleteView', node!.node);
    assert.deepEqual(refused.asked, ['confirmDeleteView']);
    assert.ok(api.services.views.get(view.id), 'kept when the user says no');
    answer({ confirmDeleteView: true });
    const closed = new Promise<void>((resolve) => panel.onDidDispose(() => resolve()));
    await vscode.commands.executeCommand('apiLogs.deleteView', node!.node);
    assert.equal(api.services.views.get(view.id), undefined);
    await closed;
  });

  it('shares a view in .vscode/api-logs.json without the account, and follows edits of the file on disk', async () => {
    const panel = await openPanel();
    answer({ viewName: 'Team failures' });
    await vscode.commands.executeCommand('apiLogs.saveViewAs', panel);
    const [own] = await viewNodes();
    await vscode.commands.executeCommand('apiLogs.saveViewToWorkspace', own!.node);
    const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(workspaceFile()));
    assert.match(text, /"name": "Team failures"/);
    assert.ok(!text.includes(identity.accountId), 'the account id must not be shared');
    assert.ok(!text.includes(server.token), 'no token');
    await until(() => api.services.workspaceViews.list().length === 1, 'the shared view to load');

    const edited = JSON.parse(text) as { views: { name: string }[] };
    edited.views.push({ ...edited.views[0]!, name: 'Hand edited' }, { name: 'Broken', provider: 'daily', streamId: 'lago.api' } as never);
    await vscode.workspace.fs.writeFile(workspaceFile(), new TextEncoder().encode(JSON.stringify(edited)));
    await until(() => api.services.workspaceViews.list().length === 2, 'the watcher to pick up the edit');
    const labels = (await viewNodes()).map(({ item }) => `${labelOf(item)}|${item.description ?? ''}`);
    assert.deepEqual(labels, ['Team failures|', 'Team failures|workspace', 'Hand edited|workspace']);
  });

  it('opens a shared view with the connection the user picks when several fit', async () => {
    await addDailyAccount(api, 'Second account', server.token, server.baseUrl);
    await vscode.workspace.fs.writeFile(
      workspaceFile(),
      new TextEncoder().encode(JSON.stringify({ version: 1, views: [{ name: 'Shared', provider: 'daily', streamId: 'daily.api', query: 'method:POST' }] })),
    );
    await api.services.workspaceViews.reload();
    const prompter = answer({ view: 'Shared', connection: 'Second account' });
    await vscode.commands.executeCommand('apiLogs.openView');
    assert.deepEqual(prompter.problems, []);
    assert.deepEqual(prompter.asked, ['view', 'connection']);
    const panel = api.panels.all()[0];
    assert.ok(panel);
    assert.equal(api.services.accounts.get(panel.identity.accountId)?.name, 'Second account');
    assert.equal(panel.identity.query, 'method:POST');
    assert.match(panel.webviewPanel.title, /^Shared · Daily · API logs — Second account$/);
  });

  it('imports views from JSON; a malformed file changes nothing; removing the connection removes its views', async () => {
    const panel = await openPanel();
    answer({ viewName: 'Existing' });
    await vscode.commands.executeCommand('apiLogs.saveViewAs', panel);
    const folder = vscode.workspace.workspaceFolders![0]!.uri;
    const bad = vscode.Uri.joinPath(folder, 'bad-views.json');
    await vscode.workspace.fs.writeFile(bad, new TextEncoder().encode('{ "views": [ oops'));
    await vscode.commands.executeCommand('apiLogs.importViews', bad);
    assert.deepEqual(api.services.views.list().map((view) => view.name), ['Existing']);

    const good = vscode.Uri.joinPath(folder, 'good-views.json');
    const views = [
      { name: 'Existing', provider: 'daily', streamId: 'daily.api', query: 'x' },
      { name: 'Lago only', provider: 'lago', streamId: 'lago.api' },
    ];
    await vscode.workspace.fs.writeFile(good, new TextEncoder().encode(JSON.stringify({ version: 1, views })));
    answer({});
    await vscode.commands.executeCommand('apiLogs.importViews', good);
    assert.deepEqual(api.services.views.list().map((view) => view.name), ['Existing', 'Existing (2)']);
    await vscode.workspace.fs.delete(bad);
    await vscode.workspace.fs.delete(good);

    await api.services.accounts.removeConnection(identity.accountId, 'daily');
    await until(() => api.services.views.list().length === 0, 'views of the removed connection to go');
  });

  it('Save As tells the page to persist the view, so a reload restores the panel as that view', async () => {
    const panel = await openPanel();
    const posted: HostNotification[] = [];
    panel.onDidPost((message) => posted.push(message));
    panel.handleMessage({ type: 'ready' });
    await until(() => posted.some((message) => message.type === 'status'), 'the snapshot');
    answer({ viewName: 'Persisted' });
    await vscode.commands.executeCommand('apiLogs.saveViewAs', panel);
    const view = api.services.views.list()[0]!;
    await until(() => posted.some((message) => message.type === 'identity'), 'the identity message');
    const message = posted.find((m) => m.type === 'identity');
    assert.ok(message?.type === 'identity' && !('kind' in message.identity));
    assert.equal(message.identity.viewId, `account:${view.id}`);
    assert.equal(message.identity.query, 'status:>=400');
  });

  it('refuses to share a view whose filter holds a URL with a password, and writes nothing', async () => {
    const panel = await openPanel();
    answer({ viewName: 'Leaky' });
    await vscode.commands.executeCommand('apiLogs.saveViewAs', panel);
    const [own] = api.services.views.list();
    await api.services.views.update(own!.id, { ...own!, filters: { url: 'https://ops:hunter22@hooks.example.com/daily' } });
    const [node] = await viewNodes();
    await assert.rejects(saveViewToWorkspace(api.services, api.panels, node!.node), /"Leaky" was not shared: its filter "url" holds a URL with a user name and password/);
    await vscode.commands.executeCommand('apiLogs.saveViewToWorkspace', node!.node);
    await assert.rejects(Promise.resolve(vscode.workspace.fs.stat(workspaceFile())), 'no workspace file was written');
  });
});
