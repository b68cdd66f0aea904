import * as assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import * as vscode from 'vscode';
import type { ApiLogsApi } from '../../src/extension';
import { writeExport } from '../../src/export/writeExport';
import type { ProviderKind } from '../../src/protocol/streamDefinition';
import { startFakeServer, type FakeProviderServer } from '../../src/sample/fakeServers';
import { activateApi } from './support/extensionApi';
import { accountAnswers, addProviderAccount, openWatchedPanel, until, type WatchedPanel } from './support/providerPanels';
import { ScriptedPrompter } from './support/scriptedPrompter';
import { filesUnder, hitsIn, mementoText, tokenForms } from './support/secretSearch';
import { secretOf } from './support/testAccounts';

const providers: readonly ProviderKind[] = ['daily', 'lago', 'signalwire'];

/** The clipboard once something was copied, or '' after `timeoutMs` (streams without a request have no cURL). */
async function clipboardAfter(timeoutMs: number): Promise<string> {
  const end = Date.now() + timeoutMs;
  let text = '';
  while (text === '' && Date.now() < end) {
    await new Promise((resolve) => setTimeout(resolve, 50));
    text = await vscode.env.clipboard.readText();
  }
  return text;
}

describe('secrets in the extension host: every token stays in SecretStorage only', function () {
  this.timeout(60_000);
  const accountName = `Secret Holdings ${randomUUID().slice(0, 8)}`;
  const exportDir = mkdtempSync(join(tmpdir(), 'api-logs-export-'));
  const servers = new Map<ProviderKind, FakeProviderServer>();
  let api: ApiLogsApi;
  let accountId = '';
  let panels: WatchedPanel[] = [];

  before(async () => {
    api = await activateApi();
    for (const provider of providers) servers.set(provider, await startFakeServer(provider, { token: `hardening-${provider}-${randomUUID()}`, rowCount: 300 }));
    const daily = servers.get('daily')!;
    accountId = (await addProviderAccount(api, accountName, daily)).id;
    for (const provider of ['lago', 'signalwire'] as const) {
      const answers = { ...accountAnswers(accountName, servers.get(provider)!), accountName: undefined };
      const prompter = new ScriptedPrompter(answers);
      api.setPrompter(prompter);
      await vscode.commands.executeCommand('apiLogs.addProvider', { accountId });
      assert.deepEqual(prompter.problems, []);
    }
    api.setPrompter(undefined);
  });

  after(async () => {
    panels.forEach(({ panel }) => panel.dispose());
    panels = [];
    if (api.services.accounts.get(accountId)) {
      for (const provider of providers) await api.services.tokens.delete(accountId, provider);
      await api.services.accounts.remove(accountId);
    }
    await Promise.all([...servers.values()].map((server) => server.close()));
    rmSync(exportDir, { recursive: true, force: true });
  });

  /** Logs a unique line and waits until the log files hold it: every line logged before it is on disk too. */
  async function logsFlushed(): Promise<void> {
    const marker = `leak search marker ${randomUUID()}`;
    api.services.logger.info(marker);
    await until(() => hitsIn(stores(), [marker]).length > 0, 'the extension log to reach its file', 30_000);
  }

  const needles = () => [...servers.values()].flatMap((server) => tokenForms(server.token, server.projectId));

  /** Every store the extension writes to that the extension host can read, as text per place. */
  function stores(): Record<string, string> {
    const context = api.services.context;
    const logsRoot = dirname(dirname(context.logUri.fsPath));
    const userDir = dirname(dirname(context.globalStorageUri.fsPath));
    return {
      ...mementoText('globalState', context.globalState),
      ...mementoText('workspaceState', context.workspaceState),
      settings: JSON.stringify(vscode.workspace.getConfiguration('apiLogs')),
      ...filesUnder(join(userDir, 'settings.json')),
      ...filesUnder(logsRoot),
      ...filesUnder(exportDir),
      ...Object.fromEntries(panels.map((w) => [`panel state ${w.provider}`, JSON.stringify(w.panel.identity)])),
    };
  }

  it('holds each token in SecretStorage under its own key', async () => {
    for (const provider of providers) assert.equal(await secretOf(api, accountId, provider), servers.get(provider)!.token);
  });

  it('after browsing, failing, exporting and copying cURL, no token is in state, settings, logs, panel state or exports', async () => {
    for (const provider of providers) panels.push(await openWatchedPanel(api, servers.get(provider)!, api.services.accounts.get(accountId)!));
    for (const watched of panels) {
      watched.server.setFault('unauthorized', { count: 1 });
      watched.panel.handleMessage({ type: 'loadOlder' });
      await until(() => !watched.panel.session.busy, 'the failed load');
      assert.equal(watched.panel.session.error?.kind, 'auth');
      const file = join(exportDir, `${watched.provider}.ndjson`);
      await writeExport(file, watched.panel.session.rows, { format: 'ndjson', columns: watched.panel.definition.columns });
      await vscode.env.clipboard.writeText('');
      watched.panel.handleMessage({ type: 'copyCurl', rowId: watched.panel.session.rows.at(0)!.id });
      const copied = await clipboardAfter(2000);
      if (copied) assert.ok(!needles().some((needle) => copied.includes(needle)), `${watched.provider}: the token is in the cURL command`);
    }
    await logsFlushed();
    const places = stores();
    assert.ok(hitsIn(places, [accountName]).some((place) => place.startsWith('globalState')), 'the search does not see globalState');
    assert.ok(hitsIn(places, ['Activated in']).length > 0, 'the search does not see the API Logs output log');
    assert.ok(hitsIn(places, [panels[0]!.panel.session.rows.at(0)!.id]).length > 0, 'the search does not see the exports');
    assert.deepEqual(hitsIn(places, needles()), []);
  });

  it('Remove Connection deletes that token only; Remove Account deletes the rest; no token is left anywhere', async () => {
    api.setPrompter(new ScriptedPrompter({ confirmRemove: true }));
    await vscode.commands.executeCommand('apiLogs.removeConnection', { accountId, provider: 'lago' });
    assert.equal(await secretOf(api, accountId, 'lago'), undefined);
    assert.equal(await secretOf(api, accountId, 'daily'), servers.get('daily')!.token);
    await vscode.commands.executeCommand('apiLogs.removeAccount', { accountId });
    api.setPrompter(undefined);
    for (const provider of providers) assert.equal(await secretOf(api, accountId, provider), undefined, `${provider} token left`);
    assert.equal(api.services.accounts.get(accountId), undefined);
    await until(() => panels.every(({ panel }) => api.panels.get(panel.identity) === undefined), 'the panels to close');
    await logsFlushed();
    assert.deepEqual(hitsIn(stores(), needles()), []);
  });

  it('refuses a non-loopback http:// base URL found in stored settings before sending anything', async () => {
    const account = await api.services.accounts.add(`Plain http ${randomUUID().slice(0, 8)}`);
    try {
      await api.services.tokens.set(account.id, 'daily', `plain-${randomUUID()}`);
      await api.services.accounts.putConnection(account.id, { provider: 'daily', baseUrlOverride: 'http://api.daily.co/v1' });
      const error = await api.services.connections.connect({ accountId: account.id, provider: 'daily' }).then(
        () => undefined,
        (failure: unknown) => failure as Error & { kind?: string },
      );
      assert.equal(error?.kind, 'invalid');
      assert.match(error?.message ?? '', /https:\/\//);
      const status = await api.services.connections.test({ accountId: account.id, provider: 'daily' });
      assert.equal(status.state, 'failed');
    } finally {
      await api.services.tokens.delete(account.id, 'daily');
      await api.services.connections.forget({ accountId: account.id, provider: 'daily' });
      await api.services.accounts.remove(account.id);
    }
  });
});
