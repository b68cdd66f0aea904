import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { ApiLogsApi } from '../../../src/extension';
import type { SavedView } from '../../../src/protocol/savedView';
import type { DailyApiLogRecord } from '../../../src/sample/dailyApiLogData';
import type { FakeProviderServer } from '../../../src/sample/fakeServers';
import { startFakeServer } from '../../../src/sample/fakeServers';
import type { SavedViewNode } from '../../../src/tree/savedViewNode';
import { ErrorWatcher } from '../../../src/watch/errorWatcher';
import type { Watch } from '../../../src/watch/watch';
import { activateApi } from '../support/extensionApi';
import { until } from '../support/providerPanels';
import { ScriptedPrompter } from '../support/scriptedPrompter';
import { addDailyAccount, labelOf, removeAllAccounts, treeChildren } from '../support/testAccounts';

function apiLog(id: string, method: string, url: string, status: number, at: string): DailyApiLogRecord {
  return { id, userId: 'u', domainId: 'd', source: 'api', ip: '203.0.113.10', method, url, status, createdAt: at, request: '{}', response: '{"error":"invalid-request-error"}' };
}

describe('Watch for Errors on a saved view, and across a reload', function () {
  this.timeout(120_000);
  let api: ApiLogsApi;
  let server: FakeProviderServer;
  let view: SavedView;

  before(async () => {
    api = await activateApi();
    server = await startFakeServer('daily');
    const account = await addDailyAccount(api, 'Watch views account', server.token, server.baseUrl);
    view = await api.services.views.add(account.id, { name: 'Room posts', provider: 'daily', streamId: 'daily.api', filters: {}, query: 'method:POST', layout: {} });
  });

  after(async () => {
    await api.watch.watcher.stop(api.watch.watcher.list().map((watch) => watch.id));
    api.panels.all().forEach((panel) => panel.dispose());
    for (const saved of api.services.views.list()) await api.services.views.remove(saved.id);
    await removeAllAccounts(api);
    await server.close();
  });

  const viewWatch = (): Watch | undefined => api.watch.watcher.list().find((watch) => watch.target.kind === 'view');

  it('watches a view from its tree node and counts only the errors its query keeps; Show New Errors opens them in the view\'s query', async () => {
    const [account] = (await treeChildren(api)).filter(({ item }) => labelOf(item) === 'Watch views account');
    const [daily] = await treeChildren(api, account!.node);
    const stream = (await treeChildren(api, daily!.node)).find(({ item }) => labelOf(item) === 'API logs');
    const node = (await treeChildren(api, stream!.node)).find(({ item }) => labelOf(item) === 'Room posts')?.node as SavedViewNode;
    await vscode.commands.executeCommand('apiLogs.watchForErrors', node);
    await until(() => viewWatch()?.seenUntil !== undefined, 'the baseline poll of the view');
    assert.equal(viewWatch()?.label, '"Room posts" · Daily · API logs — Watch views account');
    const at = new Date(Date.now() + 1000).toISOString();
    server.addApiLogs?.([apiLog('view-post-400', 'POST', '/v1/rooms', 400, at), apiLog('view-get-500', 'GET', '/v1/rooms/x', 500, at)]);
    api.watch.watcher.pollNow();
    await until(() => viewWatch()?.newErrorCount !== 0, 'a poll to count the new error');
    assert.deepEqual(viewWatch()?.newErrors.map((error) => error.id), ['view-post-400'], 'the GET is not in the view');
    await vscode.commands.executeCommand('apiLogs.showNewErrors', viewWatch()?.id);
    const panel = api.panels.get({ accountId: view.accountId, provider: 'daily', streamId: 'daily.api' });
    assert.equal(panel?.identity.query, `method:POST status:>=400 time:>=${at}`);
    assert.equal(viewWatch()?.newErrorCount, 0);
  });

  it('is offered in the palette next to streams, and follows a renamed view', async () => {
    await api.watch.watcher.stop([viewWatch()!.id]);
    const prompter = new ScriptedPrompter({ watchKind: '$(bookmark) A saved view', view: 'Room posts' });
    api.setPrompter(prompter);
    await vscode.commands.executeCommand('apiLogs.watchForErrors');
    assert.deepEqual(prompter.problems, []);
    assert.deepEqual(prompter.asked, ['watchKind', 'view']);
    await until(() => viewWatch()?.seenUntil !== undefined, 'the baseline poll');
    view = await api.services.views.update(view.id, { ...view, name: 'Room writes' });
    api.watch.watcher.pollNow();
    await until(() => viewWatch()?.label === '"Room writes" · Daily · API logs — Watch views account', 'the label to follow the view');
  });

  it('survives a reload: the watcher of the next activation reads the watch back, keeps its count and goes on counting', async () => {
    server.addApiLogs?.([apiLog('before-reload', 'POST', '/v1/rooms', 422, new Date(Date.now() + 2000).toISOString())]);
    api.watch.watcher.pollNow();
    await until(() => viewWatch()?.newErrorCount === 1, 'the error before the reload');
    const before = viewWatch();
    server.addApiLogs?.([apiLog('after-reload', 'POST', '/v1/rooms', 400, new Date(Date.now() + 3000).toISOString())]);
    const requests = server.requests.length;
    const reloaded = new ErrorWatcher(api.services);
    try {
      assert.deepEqual(reloaded.list(), api.watch.watcher.list(), 'the same watches from globalState');
      assert.equal(reloaded.paused, !vscode.window.state.focused);
      // Every round of this watcher starts after the new error was logged.
      const polled = new Promise<void>((resolve) => reloaded.onDidPoll(() => resolve()));
      reloaded.pollNow();
      await polled;
      assert.ok(server.requests.length > requests, 'the reloaded watcher polled the server');
      assert.deepEqual(reloaded.list().find((watch) => watch.id === before?.id)?.newErrors.map((error) => error.id), ['after-reload', 'before-reload']);
    } finally {
      reloaded.dispose();
    }
  });

  it('drops the watch of a deleted view', async () => {
    assert.ok(viewWatch());
    await api.services.views.remove(view.id);
    await until(() => viewWatch() === undefined, 'the view\'s watch to go');
  });
});
