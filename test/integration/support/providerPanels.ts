import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { Account } from '../../../src/auth/account';
import type { ApiLogsApi } from '../../../src/extension';
import type { LogTablePanel } from '../../../src/panel/logTablePanel';
import type { PanelIdentity } from '../../../src/protocol/logTable';
import type { ProviderKind, StreamId } from '../../../src/protocol/streamDefinition';
import type { SessionEvent } from '../../../src/query/logSession';
import type { FakeProviderServer } from '../../../src/sample/fakeServers';
import type { Answers } from './scriptedPrompter';
import { ScriptedPrompter } from './scriptedPrompter';
import { accountNamed } from './testAccounts';

export const providerStreams: Readonly<Record<ProviderKind, StreamId>> = {
  daily: 'daily.api',
  lago: 'lago.api',
  signalwire: 'signalwire.video',
};

/** The Add Account answers for a fake server of any provider, with its token and base URL. */
export function accountAnswers(name: string, server: FakeProviderServer, token = server.token): Answers {
  const common = { accountName: name, baseUrlOverride: server.baseUrl };
  switch (server.provider) {
    case 'daily':
      return { ...common, provider: 'Daily', dailyApiKey: token };
    case 'lago':
      return { ...common, provider: 'Lago', lagoRegion: 'US', lagoApiKey: token };
    case 'signalwire':
      return { ...common, provider: 'SignalWire', signalwireSpace: 'hardening', signalwireProjectId: server.projectId ?? '', signalwireToken: token };
  }
}

/** Runs "Add Account" end to end for the server's provider with a scripted prompter. */
export async function addProviderAccount(api: ApiLogsApi, name: string, server: FakeProviderServer, token?: string): Promise<Account> {
  const prompter = new ScriptedPrompter(accountAnswers(name, server, token));
  api.setPrompter(prompter);
  await vscode.commands.executeCommand('apiLogs.addAccount');
  assert.deepEqual(prompter.problems, []);
  api.setPrompter(undefined);
  return accountNamed(api, name);
}

export async function until(check: () => boolean, what: string, timeoutMs = 15_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** A panel opened through `apiLogs.openStream`, with every session event it emitted (what its webview is sent). */
export interface WatchedPanel {
  readonly provider: ProviderKind;
  readonly server: FakeProviderServer;
  readonly identity: PanelIdentity;
  readonly panel: LogTablePanel;
  readonly events: SessionEvent[];
}

export async function openWatchedPanel(api: ApiLogsApi, server: FakeProviderServer, account: Account): Promise<WatchedPanel> {
  const identity: PanelIdentity = { accountId: account.id, provider: server.provider, streamId: providerStreams[server.provider], filters: {} };
  await vscode.commands.executeCommand('apiLogs.openStream', identity);
  const panel = api.panels.get(identity);
  assert.ok(panel, `no ${server.provider} panel opened`);
  const events: SessionEvent[] = [];
  panel.session.onEvent((event) => events.push(event));
  await until(() => panel.session.rows.length > 0 && !panel.session.busy, `the first ${server.provider} page`);
  return { provider: server.provider, server, identity, panel, events };
}

/** Waits until the panel's session has nothing in flight. */
export function settled(watched: WatchedPanel, timeoutMs = 45_000): Promise<void> {
  return until(() => !watched.panel.session.busy, `${watched.provider} to settle`, timeoutMs);
}

/** The panel is idle: no load in flight, and the last status it sent says so too (no spinner left). */
export function assertIdle(watched: WatchedPanel): void {
  const { session } = watched.panel;
  assert.equal(session.busy, false, `${watched.provider}: still busy`);
  assert.equal(session.status().activity, 'idle', `${watched.provider}: activity`);
  const lastStatus = [...watched.events].reverse().find((event) => event.type === 'status');
  assert.equal(lastStatus?.type === 'status' && lastStatus.status.activity, 'idle', `${watched.provider}: the last status sent is not idle`);
}

/** Starts over from the newest page, clean: no fault, no error. */
export async function resetPanel(watched: WatchedPanel): Promise<void> {
  watched.server.setFault(undefined);
  await watched.panel.session.refresh();
  assert.equal(watched.panel.session.error, null, `${watched.provider}: error after a clean refresh`);
  assert.ok(watched.panel.session.rows.length > 0 && watched.panel.session.status().more, `${watched.provider}: no rows after a refresh`);
}

export function assertUniqueRows(watched: WatchedPanel): void {
  const ids = [...watched.panel.session.rows].map((row) => row.id);
  assert.equal(new Set(ids).size, ids.length, `${watched.provider}: duplicate rows`);
}
