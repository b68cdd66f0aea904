import * as assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join } from 'node:path';
import * as vscode from 'vscode';
import type { ApiLogsApi } from '../../src/extension';
import { providerLabels } from '../../src/providers/providerRegistry';
import type { ProviderKind } from '../../src/protocol/streamDefinition';
import { startFakeServer, type Fault, type FaultOptions } from '../../src/sample/fakeServers';
import { activateApi, ourExtension } from './support/extensionApi';
import {
  addProviderAccount,
  assertIdle,
  assertUniqueRows,
  openWatchedPanel,
  resetPanel,
  settled,
  until,
  type WatchedPanel,
} from './support/providerPanels';
import { filesUnder } from './support/secretSearch';

type Trigger = 'loadOlder' | 'filterChange';

interface FailureCase {
  readonly name: string;
  /** A server fault, or 'refused': the connection is pointed at a closed port. */
  readonly fault: Fault | 'refused';
  readonly options?: FaultOptions;
  readonly trigger: Trigger;
  readonly kind: string;
  readonly message: (provider: ProviderKind) => RegExp;
  readonly providers?: readonly ProviderKind[];
}

const label = (provider: ProviderKind) => providerLabels[provider];
const perProvider = (patterns: Record<ProviderKind, RegExp>) => (provider: ProviderKind) => patterns[provider];

const failureCases: readonly FailureCase[] = [
  { name: '401', fault: 'unauthorized', trigger: 'loadOlder', kind: 'auth', message: (p) => new RegExp(`^${label(p)} rejected the credentials \\(401\\): \\w+`) },
  {
    name: '403', fault: 'forbidden', trigger: 'loadOlder', kind: 'auth',
    message: perProvider({ daily: /^Daily denied access \(403\): This API key cannot read logs$/, lago: /^Lago denied access \(403\): Forbidden$/, signalwire: /^The SignalWire API token is not allowed to read video logs \(403\)/ }),
  },
  { name: '403 feature_unavailable', fault: 'featureUnavailable', trigger: 'loadOlder', kind: 'auth', providers: ['lago'], message: () => /not included in this organisation's plan \(403 feature_unavailable\).*premium plan/ },
  { name: '404', fault: 'notFound', trigger: 'loadOlder', kind: 'notFound', message: (p) => new RegExp(`^${label(p)} has no such resource \\(404\\)`) },
  {
    name: '422', fault: 'unprocessable', trigger: 'filterChange', kind: 'invalid',
    message: perProvider({ daily: /\(422\): limit must be a number$/, lago: /\(422\): per_page: invalid_value$/, signalwire: /\(422\): page_size: page_size must be between 1 and 1000$/ }),
  },
  { name: '429 + Retry-After', fault: 'rateLimited', options: { retryAfterSeconds: 1 }, trigger: 'loadOlder', kind: 'rateLimited', message: (p) => new RegExp(`^${label(p)} is rate limiting requests \\(429\\)\\. Try again in 1 s\\.$`) },
  { name: '500', fault: 'serverError', trigger: 'loadOlder', kind: 'server', message: (p) => new RegExp(`^${label(p)} had a server error \\(500\\)`) },
  { name: '502 HTML page', fault: 'badGatewayHtml', trigger: 'loadOlder', kind: 'server', message: (p) => new RegExp(`^${label(p)} had a server error \\(502\\)\\.$`) },
  { name: 'connection reset mid-body', fault: 'connectionReset', trigger: 'loadOlder', kind: 'network', message: (p) => new RegExp(`^Could not reach ${label(p)}: the connection was reset before the response was complete\\.$`) },
  { name: 'connection refused', fault: 'refused', trigger: 'filterChange', kind: 'network', message: (p) => new RegExp(`^Could not reach ${label(p)}: the connection was refused \\(ECONNREFUSED\\)\\.$`) },
  { name: 'malformed JSON', fault: 'malformedJson', trigger: 'loadOlder', kind: 'badResponse', message: (p) => new RegExp(`^${label(p)} sent malformed JSON instead of a JSON response\\.$`) },
  {
    name: 'wrong field types', fault: 'wrongTypes', trigger: 'loadOlder', kind: 'badResponse',
    message: perProvider({ daily: /unexpected shape at (items)?\[1\]\.status\b/, lago: /unexpected shape at api_logs\[1\]\.http_status\b/, signalwire: /unexpected shape at data\[1\]\.created_at \(expected string\)/ }),
  },
];

const slowCase: FailureCase = { name: 'slower than the timeout (1 s)', fault: 'slow', options: { delayMs: 5000 }, trigger: 'loadOlder', kind: 'network', message: (p) => new RegExp(`^Could not reach ${label(p)}: the request timed out`) };

/** One line, short, no markup or JSON, naming the provider: what a person can read in the banner. */
function assertReadable(message: string, provider: ProviderKind): void {
  assert.ok(!/[\r\n]/.test(message) && message.length <= 300, `not one short line: ${message}`);
  assert.ok(!/[<>{}]/.test(message), `markup or JSON in the message: ${message}`);
  assert.ok(message.includes(label(provider)), `the message does not name ${label(provider)}: ${message}`);
}

function closedPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer().once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

describe('fault matrix through the table panel, for every provider', function () {
  // A hang guard, not a speed check: three providers load at once, on a busy 2-core machine in CI.
  this.timeout(150_000);
  const providers: readonly ProviderKind[] = ['daily', 'lago', 'signalwire'];
  const rejections: unknown[] = [];
  const onRejection = (reason: unknown) => rejections.push(reason);
  const matrix: string[] = [];
  let api: ApiLogsApi;
  let panels: WatchedPanel[] = [];
  const accountIds: string[] = [];

  before(async () => {
    process.on('unhandledRejection', onRejection);
    api = await activateApi();
    for (const provider of providers) {
      const server = await startFakeServer(provider);
      const account = await addProviderAccount(api, `Faults ${label(provider)}`, server);
      accountIds.push(account.id);
      panels.push(await openWatchedPanel(api, server, account));
    }
  });

  after(async () => {
    process.off('unhandledRejection', onRejection);
    panels.forEach(({ panel }) => panel.dispose());
    for (const [index, accountId] of accountIds.entries()) {
      await api.services.tokens.delete(accountId, providers[index]);
      await api.services.connections.forget({ accountId, provider: providers[index] });
      await api.services.accounts.remove(accountId);
    }
    await Promise.all(panels.map(({ server }) => server.close()));
    writeMatrix(matrix);
    panels = [];
  });

  const forEachProvider = (only: readonly ProviderKind[] | undefined, body: (watched: WatchedPanel) => Promise<string>) =>
    Promise.all(panels.filter((w) => !only || only.includes(w.provider)).map(async (w) => matrix.push(`${w.provider}\t${await body(w)}`)));

  async function pointAt(watched: WatchedPanel, baseUrl: string | undefined): Promise<void> {
    const settings = api.services.accounts.connection(watched.identity.accountId, watched.provider);
    assert.ok(settings);
    await api.services.accounts.putConnection(watched.identity.accountId, { ...settings, baseUrlOverride: baseUrl ?? watched.server.baseUrl });
  }

  async function switchOn(watched: WatchedPanel, testCase: FailureCase): Promise<void> {
    if (testCase.fault === 'refused') {
      await pointAt(watched, `http://127.0.0.1:${await closedPort()}${new URL(watched.server.baseUrl).pathname}`);
    } else {
      watched.server.setFault(testCase.fault, testCase.options);
    }
  }

  async function switchOff(watched: WatchedPanel, testCase: FailureCase): Promise<void> {
    watched.server.setFault(undefined);
    if (testCase.fault === 'refused') await pointAt(watched, undefined);
  }

  function trigger(watched: WatchedPanel, how: Trigger): void {
    watched.panel.handleMessage(how === 'loadOlder' ? { type: 'loadOlder' } : { type: 'setFilters', filters: {} });
    assert.equal(watched.panel.session.busy, true, `${watched.provider}: ${how} started no load`);
  }

  async function failAndRecover(watched: WatchedPanel, testCase: FailureCase): Promise<string> {
    const { panel } = watched;
    await resetPanel(watched);
    const before = [...panel.session.rows].map((row) => row.id);
    const mark = watched.events.length;
    await switchOn(watched, testCase);
    const started = Date.now();
    trigger(watched, testCase.trigger);
    await until(() => !panel.session.busy && panel.session.error !== null, `${watched.provider} ${testCase.name} error`, 25_000);
    const failedAfter = Date.now() - started;
    const error = panel.session.error;
    assert.ok(error);
    assert.equal(error.kind, testCase.kind, `${watched.provider} ${testCase.name}: ${error.message}`);
    assert.match(error.message, testCase.message(watched.provider));
    assertReadable(error.message, watched.provider);
    const planGated = testCase.fault === 'featureUnavailable';
    assert.equal(error.canUpdateToken, testCase.kind === 'auth' && !planGated, 'Update Token only where a new token can help');
    assert.equal(error.canRetry !== false, !planGated, 'Retry only where repeating can help');
    assert.ok(watched.events.slice(mark).some((e) => e.type === 'error' && e.error?.message === error.message), 'the banner was not sent');
    assert.deepEqual([...panel.session.rows].map((row) => row.id), before, `${watched.provider} ${testCase.name}: the loaded rows changed`);
    assertIdle(watched);

    await switchOff(watched, testCase);
    panel.handleMessage({ type: 'retry' });
    await settled(watched);
    assert.equal(panel.session.error, null, `${watched.provider} ${testCase.name}: retry failed: ${panel.session.error?.message}`);
    assert.ok(watched.events.slice(mark).some((e) => e.type === 'error' && e.error === null), 'the banner was not cleared');
    const grew = testCase.trigger === 'loadOlder' ? panel.session.rows.length > before.length : panel.session.rows.length > 0;
    assert.ok(grew, `${watched.provider} ${testCase.name}: retry loaded no rows`);
    assertIdle(watched);
    assertUniqueRows(watched);
    return `${testCase.name}\t${error.kind}: ${error.message}\t(after ${failedAfter} ms) rows kept, idle, retry ok`;
  }

  for (const testCase of failureCases) {
    it(`${testCase.name}: one readable sentence, rows kept, idle, retry recovers`, async () => {
      await forEachProvider(testCase.providers, (watched) => failAndRecover(watched, testCase));
    });
  }

  it(`${slowCase.name}: a timeout error, rows kept, idle, retry recovers`, async () => {
    const config = vscode.workspace.getConfiguration('apiLogs');
    await config.update('requestTimeoutSeconds', 1, vscode.ConfigurationTarget.Global);
    try {
      await until(() => api.services.settings.timeoutMs === 1000, 'the timeout setting');
      await forEachProvider(undefined, (watched) => failAndRecover(watched, slowCase));
    } finally {
      await config.update('requestTimeoutSeconds', undefined, vscode.ConfigurationTarget.Global);
    }
  });

  it('a repeating cursor ends Load all without an error or duplicates; a refresh pages on afterwards', async () => {
    await forEachProvider(undefined, async (watched) => {
      const { session } = watched.panel;
      await resetPanel(watched);
      watched.server.setFault('repeatingCursor');
      watched.panel.handleMessage({ type: 'loadAll' });
      await settled(watched);
      assert.equal(session.error, null);
      assert.equal(session.status().more, false, 'paging did not stop');
      assertUniqueRows(watched);
      assertIdle(watched);
      const held = session.rows.length;
      await resetPanel(watched);
      const fresh = session.rows.length;
      await session.loadOlder();
      assert.ok(session.rows.length > fresh && session.error === null, 'no older page after the refresh');
      return `repeating cursor\tno error; Load all stopped with ${held} unique rows, more=false; refresh + Load older ok`;
    });
  });

  it('empty pages in the middle: Load all goes on past them (Daily: an empty page is its end) without an error', async () => {
    await forEachProvider(undefined, async (watched) => {
      const { session } = watched.panel;
      await resetPanel(watched);
      const first = session.rows.length;
      watched.server.setFault('emptyPages', { count: 2 });
      watched.panel.handleMessage({ type: 'loadAll' });
      await settled(watched, 90_000);
      assert.equal(session.error, null);
      assert.equal(session.status().more, false);
      if (watched.provider === 'daily') assert.equal(session.rows.length, first, 'Daily: a short (empty) page means nothing older');
      else assert.ok(session.rows.length > first + 1000, `${watched.provider}: paging stopped at the empty pages (${session.rows.length} rows)`);
      assertUniqueRows(watched);
      assertIdle(watched);
      return `empty pages (2)\tno error; Load all ended with ${session.rows.length} rows${watched.provider === 'daily' ? ' (short page = end)' : ' (went past the empty pages)'}`;
    });
  });

  it('a 10 MB page loads as rows without an error', async () => {
    await forEachProvider(undefined, async (watched) => {
      const { session } = watched.panel;
      await resetPanel(watched);
      const before = session.rows.length;
      watched.server.setFault('hugePage', { count: 1 });
      const started = Date.now();
      watched.panel.handleMessage({ type: 'loadOlder' });
      await settled(watched);
      assert.equal(session.error, null);
      assert.equal(session.rows.length, before * 2, 'the 10 MB page added a full page');
      assertIdle(watched);
      return `10 MB page\tloaded ${session.rows.length - before} rows in ${Date.now() - started} ms, no error`;
    });
  });

  it('Cancel during Load all stops paging: idle, no request after that, rows kept', async () => {
    await forEachProvider(undefined, async (watched) => {
      const { session } = watched.panel;
      await resetPanel(watched);
      watched.server.setFault('slow', { delayMs: 250 });
      watched.panel.handleMessage({ type: 'loadAll' });
      await until(() => (session.status().pagesLoaded ?? 0) >= 2, `${watched.provider}: two pages of Load all`);
      watched.panel.handleMessage({ type: 'cancelLoad' });
      await until(() => !session.busy, 'the cancel');
      const sentBeforeIdle = watched.server.requests.length;
      const rows = session.rows.length;
      // Proving that nothing happens needs a quiet period; a slow machine can only make this check pass later,
      // never fail it (requests sent before the session went idle are not counted, however late they arrive).
      await new Promise((resolve) => setTimeout(resolve, 1200));
      const late = watched.server.requests.length - sentBeforeIdle;
      assert.equal(late, 0, `${watched.provider}: ${late} request(s) after the cancel`);
      assert.equal(session.rows.length, rows, 'rows changed after the cancel');
      assert.equal(session.error, null, 'a cancel is not an error');
      assertIdle(watched);
      watched.server.setFault(undefined);
      return `cancel during Load all\tidle, 0 requests after the cancel, ${rows} rows kept`;
    });
  });

  it('left no unhandled promise rejection in the extension host, nor in its log', () => {
    assert.deepEqual(rejections.map(String), []);
    const logsRoot = dirname(dirname(api.services.context.logUri.fsPath));
    const hostLogs = Object.entries(filesUnder(logsRoot)).filter(([path]) => /exthost\.log$/.test(path));
    assert.ok(hostLogs.length > 0, `no extension host log under ${logsRoot}`);
    const unhandled = hostLogs.flatMap(([, text]) => text.split('\n').filter((line) => /not handled|unhandled/i.test(line)));
    assert.deepEqual(unhandled, []);
  });

  function writeMatrix(lines: readonly string[]): void {
    const dir = join(ourExtension().extensionPath, 'test-results');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'fault-matrix.tsv'), `provider\tfault\tresult\n${[...lines].sort().join('\n')}\n`);
  }
});
