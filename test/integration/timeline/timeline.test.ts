import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { ApiLogsApi } from '../../../src/extension';
import type { HostNotification } from '../../../src/protocol/logTable';
import type { SampleServers } from '../../../src/sample/fakeServers';
import type { TimelinePanel } from '../../../src/timeline/timelinePanel';
import { LogTablePanelSerializer } from '../../../src/panel/logTablePanelSerializer';
import { activateApi } from '../support/extensionApi';
import { ScriptedPrompter } from '../support/scriptedPrompter';
import { removeAllAccounts } from '../support/testAccounts';

async function until(check: () => boolean, what: string, timeoutMs = 30_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

function recordPosts(panel: TimelinePanel): HostNotification[] {
  const posted: HostNotification[] = [];
  panel.onDidPost((notification) => posted.push(notification));
  return posted;
}

/** One account's streams: the Source column leaves the account out. */
const daily = 'Daily · API logs';
const lago = 'Lago · API logs';

describe('timeline over the sample Daily and Lago API logs', function () {
  this.timeout(90_000);
  let api: ApiLogsApi;
  let servers: SampleServers['servers'];

  before(async () => {
    api = await activateApi();
    await removeAllAccounts(api);
    await vscode.commands.executeCommand('apiLogs.trySampleData');
    const running = await api.sampleData.servers();
    assert.ok(running, 'the sample servers are not running');
    servers = running.servers;
  });
  afterEach(() => {
    api.setPrompter(undefined);
    api.timelines.all().forEach((panel) => panel.dispose());
  });
  after(async () => {
    api.panels.all().forEach((panel) => panel.dispose());
    await vscode.commands.executeCommand('apiLogs.removeSampleData');
    await removeAllAccounts(api);
  });

  async function openTimeline(): Promise<TimelinePanel> {
    const prompter = new ScriptedPrompter({ streams: 'Daily · API logs|Lago · API logs' });
    api.setPrompter(prompter);
    const marks = { daily: servers.daily.requests.length, lago: servers.lago.requests.length };
    await vscode.commands.executeCommand('apiLogs.openTimeline');
    assert.deepEqual(prompter.problems, []);
    const panel = api.timelines.all()[0];
    assert.ok(panel, 'Open Timeline… opened no timeline');
    const sources = () => new Set(panel.model.rows.map((row) => row.fields.source));
    await until(() => sources().has(daily) && sources().has(lago) && panel.model.status().activity === 'idle', 'rows of both sources');
    assert.ok(servers.daily.requests.slice(marks.daily).some((request) => request.pathname === '/v1/logs/api'), 'Daily was not asked for logs');
    assert.ok(servers.lago.requests.slice(marks.lago).some((request) => request.pathname.endsWith('/api_logs')), 'Lago was not asked for logs');
    return panel;
  }

  it('opens one table panel whose webview gets merged rows with a Source column and the completeness', async () => {
    const panel = await openTimeline();
    assert.equal(panel.webviewPanel.viewType, 'apiLogs.table');
    assert.equal(panel.webviewPanel.title, 'Timeline · Daily API logs, Lago API logs');
    const posted = recordPosts(panel);
    panel.handleMessage({ type: 'ready' });
    await until(() => posted.some((n) => n.type === 'status'), 'the snapshot');
    const init = posted.find((n) => n.type === 'init');
    assert.ok(init?.type === 'init');
    assert.equal(init.definition.columns.find((column) => column.key === 'source')?.type, 'source');
    assert.equal(init.identity && 'kind' in init.identity ? init.identity.sources.length : 0, 2);
    const rows = posted.find((n) => n.type === 'rows');
    assert.ok(rows?.type === 'rows');
    assert.deepEqual(new Set(rows.rows.map((row) => row.fields.source)), new Set([daily, lago]));
    const status = posted.find((n) => n.type === 'status');
    assert.ok(status?.type === 'status');
    assert.equal(status.status.timeline?.completeness.kind, 'since');
  });

  it('Load older from the webview asks only the source furthest behind', async () => {
    const panel = await openTimeline();
    const oldest = (label: string) => panel.model.rows.filter((row) => row.fields.source === label).at(-1)?.time ?? 0;
    const behind = oldest(daily) > oldest(lago) ? 'daily' : 'lago';
    const marks = { daily: servers.daily.requests.length, lago: servers.lago.requests.length };
    const loaded = panel.model.rows.length;
    panel.handleMessage({ type: 'loadOlder' });
    await until(() => panel.model.rows.length > loaded && panel.model.status().activity === 'idle', 'the older page');
    assert.equal(servers[behind].requests.length - marks[behind], 1);
    const other = behind === 'daily' ? 'lago' : 'daily';
    assert.equal(servers[other].requests.length - marks[other], 0);
  });

  it('Show Around This Time puts a visible time range term in the query', async () => {
    const panel = await openTimeline();
    const posted = recordPosts(panel);
    panel.handleMessage({ type: 'ready' });
    await until(() => posted.some((n) => n.type === 'status'), 'the snapshot');
    const row = panel.model.rows.find((candidate) => candidate.fields.source === daily);
    assert.ok(row);
    const prompter = new ScriptedPrompter({ aroundSpan: '± 30 seconds' });
    api.setPrompter(prompter);
    panel.reveal();
    await until(() => panel.webviewPanel.active, 'the timeline to be active');
    await vscode.commands.executeCommand('apiLogs.showAroundTime', { rowId: row.id });
    assert.deepEqual(prompter.problems, []);
    await until(() => posted.some((n) => n.type === 'setQuery'), 'the query to reach the webview');
    const setQuery = posted.find((n) => n.type === 'setQuery');
    assert.ok(setQuery?.type === 'setQuery', 'no query was applied');
    assert.match(setQuery.query, /^time:\S+\.\.\S+$/);
    assert.equal(panel.identity.query, setQuery.query);
  });

  it('a restored panel state with a timeline identity becomes that timeline again (the serializer)', async () => {
    const opened = await openTimeline();
    const identity = { ...opened.identity, query: 'status:5xx' };
    opened.dispose();
    const webviewPanel = vscode.window.createWebviewPanel('apiLogs.table', 'Timeline', vscode.ViewColumn.Active, { enableScripts: true });
    const serializer = new LogTablePanelSerializer(api.panels, api.timelines, api.services.logger);
    await serializer.deserializeWebviewPanel(webviewPanel, { ...identity, filters: {}, ui: { quickFilter: 'status:5xx' } });
    const restored = api.timelines.all()[0];
    assert.ok(restored, 'no timeline was restored');
    assert.equal(restored.webviewPanel, webviewPanel);
    assert.deepEqual(restored.identity.sources, identity.sources);
    assert.equal(restored.identity.query, 'status:5xx');
  });

  it('saves a timeline: its name in the title, a node in the Timelines view that opens, renames and deletes it', async () => {
    const opened = await openTimeline();
    const posted = recordPosts(opened);
    opened.handleMessage({ type: 'ready' });
    await until(() => posted.some((n) => n.type === 'status'), 'the snapshot');
    opened.applyQuery('method:POST');
    api.setPrompter(new ScriptedPrompter({ viewName: 'Checkout incident' }));
    opened.reveal();
    await until(() => opened.webviewPanel.active, 'the timeline to be active');
    await vscode.commands.executeCommand('apiLogs.saveTimelineView');
    const [view] = api.services.timelineViews.list();
    assert.ok(view, 'nothing was saved');
    assert.equal(view.identity.query, 'method:POST');
    assert.deepEqual(view.identity.sources, opened.identity.sources);
    assert.equal(opened.webviewPanel.title, 'Checkout incident · Timeline');
    await until(() => posted.some((n) => n.type === 'identity'), 'the identity message');
    const persisted = posted.find((n) => n.type === 'identity');
    assert.ok(persisted?.type === 'identity' && 'kind' in persisted.identity && persisted.identity.viewId === view.id, 'the page was not told to persist the view');

    const roots = await api.timelinesTree.getChildren();
    assert.equal(roots?.length, 1);
    const node = roots![0]!;
    const item = await api.timelinesTree.getTreeItem(node);
    assert.equal(item.label, 'Checkout incident');
    assert.equal(item.description, '2 streams · method:POST');
    assert.equal(item.command?.command, 'apiLogs.openTimelineView');
    const streams = await Promise.all(((await api.timelinesTree.getChildren(node)) ?? []).map(async (child) => (await api.timelinesTree.getTreeItem(child)).label));
    assert.deepEqual(streams, ['Daily · API logs', 'Lago · API logs']);
    await vscode.commands.executeCommand(item.command.command, ...(item.command.arguments ?? []));
    assert.deepEqual(api.timelines.all(), [opened], 'opening the saved timeline reveals its panel');

    api.setPrompter(new ScriptedPrompter({ viewName: 'Checkout 5xx' }));
    await vscode.commands.executeCommand('apiLogs.renameTimelineView', node);
    assert.equal(opened.webviewPanel.title, 'Checkout 5xx · Timeline');

    const closed = new Promise<void>((resolve) => opened.onDidDispose(() => resolve()));
    api.setPrompter(new ScriptedPrompter({ confirmDeleteView: true }));
    await vscode.commands.executeCommand('apiLogs.deleteTimelineView', node);
    assert.deepEqual(api.services.timelineViews.list(), []);
    await closed;
    assert.deepEqual(await api.timelinesTree.getChildren(), []);
  });

  it('a saved timeline opens from the palette with its query, and comes back from a reload as that timeline', async () => {
    const opened = await openTimeline();
    const saved = await api.services.timelineViews.add('Incident', { ...opened.identity, query: 'status:5xx' });
    opened.dispose();
    api.setPrompter(new ScriptedPrompter({ view: 'Incident' }));
    await vscode.commands.executeCommand('apiLogs.openTimelineView');
    const reopened = api.timelines.all()[0];
    assert.ok(reopened, 'the saved timeline did not open');
    assert.equal(reopened.identity.query, 'status:5xx');
    assert.equal(reopened.identity.viewId, saved.id);
    const identity = reopened.identity;
    reopened.dispose();
    const webviewPanel = vscode.window.createWebviewPanel('apiLogs.table', 'Incident · Timeline', vscode.ViewColumn.Active, { enableScripts: true });
    const serializer = new LogTablePanelSerializer(api.panels, api.timelines, api.services.logger);
    await serializer.deserializeWebviewPanel(webviewPanel, { ...identity, filters: {} });
    const restored = api.timelines.all()[0];
    assert.equal(restored?.webviewPanel.title, 'Incident · Timeline');
    assert.equal(restored?.identity.viewId, saved.id);
    await api.services.timelineViews.remove(saved.id);
  });
});
