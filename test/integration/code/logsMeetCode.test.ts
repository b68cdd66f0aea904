import * as assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import type { CallSiteSearch } from '../../../src/code/callSiteFinder';
import type { ApiLogsApi } from '../../../src/extension';
import type { LogTablePanel } from '../../../src/panel/logTablePanel';
import type { PanelIdentity } from '../../../src/protocol/logTable';
import type { LogRow } from '../../../src/protocol/streamDefinition';
import type { FakeProviderServer } from '../../../src/sample/fakeServers';
import { startFakeServer } from '../../../src/sample/fakeServers';
import { activateApi, ourExtension } from '../support/extensionApi';
import { until } from '../support/providerPanels';
import { addDailyAccount, removeAllAccounts } from '../support/testAccounts';

const presencePath = /^\/v1\/rooms\/[^/]+\/presence$/;

/** The fixture files, copied into the test workspace under `api-calls/`, with the lines marked `presence-call`. */
async function copyFixtures(): Promise<{ folder: vscode.Uri; expected: string[] }> {
  const source = join(ourExtension().extensionPath, 'test', 'fixtures', 'callSites');
  const root = vscode.workspace.workspaceFolders?.[0];
  assert.ok(root, 'the test window has no workspace folder');
  const folder = vscode.Uri.joinPath(root.uri, 'api-calls');
  const expected: string[] = [];
  for (const name of readdirSync(source)) {
    const text = readFileSync(join(source, name), 'utf8');
    await vscode.workspace.fs.writeFile(vscode.Uri.joinPath(folder, name), Buffer.from(text));
    text.split('\n').forEach((line, index) => line.includes('presence-call') && expected.push(`api-calls/${name}:${index}`));
  }
  return { folder, expected };
}

function nextSearch(api: ApiLogsApi): Promise<CallSiteSearch> {
  return new Promise((resolve) => {
    const listener = api.code.callSites.onDidFinish((search) => {
      listener.dispose();
      resolve(search);
    });
  });
}

describe('logs meet code: Find Call Sites, CodeLens, Watch for Errors', function () {
  this.timeout(120_000);
  let api: ApiLogsApi;
  let server: FakeProviderServer;
  let identity: PanelIdentity;
  let panel: LogTablePanel;
  let fixtures: { folder: vscode.Uri; expected: string[] };

  before(async () => {
    api = await activateApi();
    server = await startFakeServer('daily');
    fixtures = await copyFixtures();
    const account = await addDailyAccount(api, 'Code account', server.token, server.baseUrl);
    identity = { accountId: account.id, provider: 'daily', streamId: 'daily.api', filters: {} };
    await vscode.commands.executeCommand('apiLogs.openStream', identity);
    const opened = api.panels.get(identity);
    assert.ok(opened);
    panel = opened;
    await until(() => [...panel.session.rows].some((row) => presencePath.test(String(row.fields.url))) && !panel.session.busy, 'a presence row');
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    api.panels.all().forEach((open) => open.dispose());
    await removeAllAccounts(api);
    await vscode.workspace.fs.delete(fixtures.folder, { recursive: true });
    await server.close();
  });

  it('finds every templated call site of a logged presence request from the detail pane, ranked, and opens the best', async () => {
    // A nested .gitignore hides generated code: its call site must not be among the results.
    await vscode.workspace.fs.writeFile(vscode.Uri.joinPath(fixtures.folder, 'generated', '.gitignore'), Buffer.from('*.gen.js\n'));
    await vscode.workspace.fs.writeFile(vscode.Uri.joinPath(fixtures.folder, 'generated', 'client.gen.js'), Buffer.from('fetch(`${DAILY}/rooms/${room}/presence`);\n'));
    const row = [...panel.session.rows].find((candidate) => presencePath.test(String(candidate.fields.url))) as LogRow;
    const finished = nextSearch(api);
    panel.handleMessage({ type: 'findCallSites', rowId: row.id });
    const search = await finished;
    const found = search.results.map((result) => `${result.file}:${result.line}`);
    assert.equal(search.cancelled, false);
    assert.deepEqual([...found].sort(), [...fixtures.expected].sort(), `searched ${search.files} files`);
    // GET nearby and the Daily host in the file first (ties by file name), the line next to a POST last.
    assert.deepEqual(found, ['api-calls/daily_client.py:7', 'api-calls/presence.js:4', 'api-calls/rooms.ts:6', 'api-calls/daily_client.py:11']);
    assert.deepEqual(search.results[0].reasons, ['GET nearby', 'host in file']);
    assert.deepEqual(search.results[3].reasons, ['another method nearby', 'host in file']);
    await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
    await until(() => vscode.window.activeTextEditor?.document.uri.path.endsWith('/api-calls/daily_client.py') === true, 'the best call site to open');
    assert.equal(vscode.window.activeTextEditor?.selection.active.line, search.results[0].line);
  });

  it('shows a lens with counts from the loaded rows plus one cached fetch, and opens the panel filtered to the path', async () => {
    const uri = vscode.Uri.joinPath(fixtures.folder, 'rooms.ts');
    const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
    const lensesOf = async () => (await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', editor.document.uri)) ?? [];
    const presenceLine = readFileSync(join(ourExtension().extensionPath, 'test/fixtures/callSites/rooms.ts'), 'utf8').split('\n').findIndex((line) => line.includes('presence-call'));
    const before = (await lensesOf()).find((lens) => lens.range.start.line === presenceLine);
    assert.match(String(before?.command?.title), /^Daily · \d+ calls? today/);
    const lensFetches = () => server.requests.filter((request) => request.search.includes('url=%2Fpresence')).length;
    const cachedRows = () => api.code.lensCache.rows(`${identity.accountId}/daily`, 'daily.api', ['rooms', '*', 'presence']);
    await until(() => lensFetches() === 1 && cachedRows().length > 0, 'the one lens fetch').catch((error: Error) => {
      throw new Error(`${error.message}: ${lensFetches()} presence fetches seen by the server, ${api.code.lensCache.fetches} started, ${cachedRows().length} rows`);
    });
    const cached = api.code.lensCache.rows(`${identity.accountId}/daily`, 'daily.api', ['rooms', '*', 'presence']);
    const midnight = new Date().setHours(0, 0, 0, 0);
    const union = new Map([...panel.session.rows, ...cached].map((row) => [row.id, row]));
    const today = [...union.values()].filter((row) => presencePath.test(String(row.fields.url)) && row.time >= midnight);
    const failed = today.filter((row) => Number(row.fields.status) >= 400).length;
    const lens = (await lensesOf()).find((candidate) => candidate.range.start.line === presenceLine);
    const expected = `Daily · ${today.length} call${today.length === 1 ? '' : 's'} today${failed ? ` · ${failed} failed` : ''}`;
    assert.ok(String(lens?.command?.title).startsWith(expected), `${lens?.command?.title} should start with ${expected}`);
    for (let i = 0; i < 3; i++) await lensesOf();
    assert.equal(lensFetches(), 1, 'providing lenses again sends nothing more');
    const unrelatedDocument = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(fixtures.folder, 'unrelated.js'));
    const unrelated = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', unrelatedDocument.uri);
    assert.equal(unrelated?.length ?? 0, 0);
    assert.ok(lens?.command);
    await vscode.commands.executeCommand(lens.command.command, ...(lens.command.arguments ?? []));
    assert.equal(api.panels.get(identity), panel, 'the open panel is reused');
    assert.equal(panel.identity.query, 'path:/v1/rooms/*/presence');
  });

  it('shows no lens while apiLogs.codeLens.enabled is off, and lenses again once it is back on', async () => {
    const uri = vscode.Uri.joinPath(fixtures.folder, 'rooms.ts');
    const ours = async () => ((await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri)) ?? []).filter((lens) => lens.command?.command === 'apiLogs.openLensStream');
    const settings = vscode.workspace.getConfiguration('apiLogs');
    assert.ok((await ours()).length > 0);
    await settings.update('codeLens.enabled', false, vscode.ConfigurationTarget.Global);
    try {
      await until(() => !api.services.settings.codeLensEnabled, 'the setting to apply');
      assert.deepEqual(await ours(), []);
    } finally {
      await settings.update('codeLens.enabled', undefined, vscode.ConfigurationTarget.Global);
    }
    await until(() => api.services.settings.codeLensEnabled, 'the setting to return');
    assert.ok((await ours()).length > 0);
  });

  it('sees a new error from the server, counts it in the status bar, opens it filtered and clears the count', async () => {
    await vscode.commands.executeCommand('apiLogs.watchForErrors', identity);
    const { watcher, statusBar } = api.watch;
    await until(() => watcher.list()[0]?.seenUntil !== undefined, 'the baseline poll');
    assert.equal(statusBar.item.text.startsWith('$(eye) API Logs'), true, statusBar.item.text);
    const at = new Date(Date.now() + 1000).toISOString();
    server.addApiLogs?.([
      { id: 'new-error-1', userId: 'u', domainId: 'd', source: 'api', ip: '203.0.113.10', method: 'POST', url: '/v1/rooms', status: 400, createdAt: at, request: '{}', response: '{"error":"invalid-request-error","info":"name must be a string"}' },
    ]);
    // The baseline round may still be ending (its onDidPoll not yet fired): wait on the count, not on a poll event.
    watcher.pollNow();
    await until(() => statusBar.item.text === '$(bug) API Logs: 1 new error' || statusBar.item.text === '$(bug) API Logs: 1 new error (paused)', `the status bar (${statusBar.item.text})`);
    const tooltip = statusBar.item.tooltip as vscode.MarkdownString;
    assert.match(tooltip.value.replace(/&nbsp;/g, ' '), /Daily · API logs — Code account: 1 new — last 400 POST \/v1\/rooms/);
    await vscode.commands.executeCommand('apiLogs.showNewErrors');
    assert.equal(panel.identity.query, `status:>=400 time:>=${at}`);
    assert.equal(watcher.list()[0].newErrorCount, 0);
    await until(() => statusBar.item.text.startsWith('$(eye) API Logs'), 'the count to clear');
  });

  it('drops a watch when its connection is removed', async () => {
    assert.equal(api.watch.watcher.list().length, 1);
    await api.services.accounts.removeConnection(identity.accountId, 'daily');
    await until(() => api.watch.watcher.list().length === 0, 'the watch to go');
  });
});
