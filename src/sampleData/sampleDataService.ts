import type * as vscode from 'vscode';
import type { ConnectionSettings } from '../auth/account';
import { providerKinds } from '../auth/account';
import type { ProviderKind } from '../protocol/streamDefinition';
import type { FakeProviderServer, SampleServers } from '../sample/fakeServers';
import type { Services } from '../services';
import { loadSampleServers } from './loadSampleServers';

const sampleAccountKey = 'apiLogs.sampleAccountId';
const sampleAccountName = 'Sample';
/** A fixed, valid-looking space name: the base URL override points the connection at the local server anyway. */
const sampleSpace = 'sample';

type RunningServers = SampleServers;

/**
 * "Try with Sample Data": built-in provider servers on 127.0.0.1 (random port, random token per session) and a
 * "Sample" account whose connections point at them, so every code path of a real account runs unchanged.
 * The servers live as long as the extension; on the next activation they restart and the account is re-pointed.
 */
export class SampleDataService implements vscode.Disposable {
  private running: Promise<RunningServers> | undefined;
  private starting: Promise<string> | undefined;
  private pointing: Promise<string> | undefined;
  /** Whether the Sample account's connections point at the running servers. */
  private pointed = false;

  constructor(private readonly services: Services) {
    // Only what the first request needs: the connection tests would hold the user's first page back (they make the
    // servers generate three streams' data, ~0.7 s in the extension host), and the last results are still shown.
    services.connections.beforeConnect = async (key) => {
      if (!this.pointed && key.accountId === this.accountId) await this.point();
    };
  }

  get accountId(): string | undefined {
    const id = this.services.context.globalState.get<string>(sampleAccountKey);
    return id && this.services.accounts.get(id) ? id : undefined;
  }

  /**
   * Starts the servers if needed, creates (or re-points) the Sample account and tests its connections. Returns its
   * id. Calls made while one is running share it, so a double click does not add a second account.
   */
  start(): Promise<string> {
    this.starting ??= this.startOnce().finally(() => (this.starting = undefined));
    return this.starting;
  }

  private async startOnce(): Promise<string> {
    const accountId = await this.point();
    await Promise.all(providerKinds.map((provider) => this.services.connections.test({ accountId, provider })));
    return accountId;
  }

  /**
   * After a reload the old servers are gone: restart them for an existing Sample account. Activation does not call
   * this; the servers start when a Sample connection is first used (`beforeConnect`).
   */
  async resumeIfPresent(): Promise<void> {
    if (this.accountId) await this.point();
  }

  /** The servers running and the Sample account (created if needed) pointing at them; concurrent calls share one. */
  private point(): Promise<string> {
    this.pointing ??= this.pointOnce().finally(() => (this.pointing = undefined));
    return this.pointing;
  }

  private async pointOnce(): Promise<string> {
    const { servers } = await this.ensureServers();
    const accountId = this.accountId ?? (await this.createAccount());
    // The three secrets are independent (each store is a round trip to the window in VS Code for the Web); the
    // connections go one after another, as each rewrites the account.
    await Promise.all(providerKinds.map((provider) => this.services.tokens.set(accountId, provider, servers[provider].token)));
    for (const provider of providerKinds) await this.services.accounts.putConnection(accountId, sampleConnection(provider, servers[provider]));
    this.pointed = true;
    this.services.logger.info(`Sample data servers: ${providerKinds.map((p) => `${p} ${servers[p].baseUrl}`).join(', ')}`);
    return accountId;
  }

  /** Stops the servers and removes the Sample account and its tokens. */
  async remove(): Promise<void> {
    const accountId = this.accountId;
    if (accountId) {
      for (const provider of providerKinds) {
        await this.services.tokens.delete(accountId, provider);
        await this.services.connections.forget({ accountId, provider });
      }
      await this.services.accounts.remove(accountId);
    }
    await this.services.context.globalState.update(sampleAccountKey, undefined);
    await this.stopServers();
  }

  /** The running servers, for tests that switch faults on. */
  servers(): Promise<RunningServers> | undefined {
    return this.running;
  }

  dispose(): void {
    void this.stopServers();
  }

  private ensureServers(): Promise<RunningServers> {
    this.running ??= loadSampleServers().then(({ startSampleServers }) => startSampleServers({ specExamples: 'beforeGenerated' }));
    this.running.catch(() => (this.running = undefined));
    return this.running;
  }

  private async stopServers(): Promise<void> {
    const running = this.running;
    this.running = undefined;
    this.pointed = false;
    if (running) await (await running).close();
  }

  private async createAccount(): Promise<string> {
    const taken = new Set(this.services.accounts.list().map((account) => account.name.toLowerCase()));
    let name = sampleAccountName;
    for (let n = 2; taken.has(name.toLowerCase()); n++) name = `${sampleAccountName} ${n}`;
    const account = await this.services.accounts.add(name);
    await this.services.context.globalState.update(sampleAccountKey, account.id);
    return account.id;
  }
}

function sampleConnection(provider: ProviderKind, server: FakeProviderServer): ConnectionSettings {
  switch (provider) {
    case 'daily':
      return { provider, baseUrlOverride: server.baseUrl };
    case 'lago':
      return { provider, region: 'us', baseUrlOverride: server.baseUrl };
    case 'signalwire':
      return { provider, space: sampleSpace, projectId: server.projectId ?? '', baseUrlOverride: server.baseUrl };
  }
}
