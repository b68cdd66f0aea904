import assert from 'node:assert/strict';
import type { PanelStatus } from '../../../src/protocol/logTable';
import type { FilterValues, ProviderKind, StreamId } from '../../../src/protocol/streamDefinition';
import type { ProviderConnection } from '../../../src/providers/connection';
import { LogSession, type SessionEvent } from '../../../src/query/logSession';
import { startFakeServer, type FakeProviderServer } from '../../../src/sample/fakeServers';
import { connect } from '../providers/clientTestSupport';

const streams: readonly (readonly [ProviderKind, StreamId])[] = [
  ['daily', 'daily.api'],
  ['daily', 'daily.meeting'],
  ['lago', 'lago.api'],
  ['signalwire', 'signalwire.voice'],
];

/** The panel says what it did not load: a paging stop, each retry, and what a plan-gated 403 allows. */
describe('the session says what was not loaded and why', function () {
  this.timeout(60_000);
  let server: FakeProviderServer;
  let connection: ProviderConnection;
  let session: LogSession;
  let statuses: PanelStatus[];

  async function open(provider: ProviderKind, stream: StreamId, options: Parameters<typeof connect>[1] = {}): Promise<void> {
    server = await startFakeServer(provider, { rowCount: 500, seed: 5 });
    connection = connect(server, options);
    let filters: FilterValues = {};
    if (stream === 'daily.meeting') filters = { mtgSessionId: (await connection.listMeetingSessions!()).sessions[0].id };
    const client = connection.stream(stream);
    session = new LogSession({ fetchPage: (request) => client.fetchPage(request), filters, pageSize: 20, maxRows: 100_000, tailIntervalMs: 60_000 });
    statuses = [];
    session.onEvent((event: SessionEvent) => event.type === 'status' && statuses.push(event.status));
  }

  afterEach(async () => {
    session?.dispose();
    connection?.dispose();
    await server?.close();
  });

  for (const [provider, stream] of streams) {
    it(`${stream}: a cursor or page that repeats stops paging and says so, never "all loaded"`, async () => {
      await open(provider, stream);
      await session.refresh();
      server.setFault('repeatingCursor');
      const mark = server.requests.length;
      await session.loadAll();
      const status = session.status();
      assert.equal(session.error, null);
      assert.equal(status.more, false);
      assert.ok(status.pagingStopped === 'repeatedCursor' || status.pagingStopped === 'repeatedPage', `pagingStopped: ${status.pagingStopped}`);
      assert.ok(server.requests.length - mark <= 2, 'paging stopped at the first repeat');
      server.setFault(undefined);
      await session.refresh();
      assert.equal(session.status().pagingStopped, undefined, 'a new result set starts afresh');
    });
  }

  it('a timeout is retried within one budget of apiLogs.requestTimeoutSeconds, each retry shown as it happens', async () => {
    const budgetMs = 1000;
    await open('daily', 'daily.api', { timeoutMs: budgetMs, maxRetries: 3, retryBaseDelayMs: 1 });
    server.setFault('slow', { delayMs: 10 * budgetMs });
    const started = Date.now();
    await session.refresh();
    const waited = Date.now() - started;
    assert.equal(session.error?.kind, 'network');
    assert.match(session.error?.message ?? '', /timed out/);
    const retries = statuses.flatMap((status) => (status.retry ? [status.retry] : []));
    const sent = server.requests.length;
    assert.ok(sent >= 2, `${sent} requests`);
    assert.deepEqual(retries.map((retry) => retry.attempt), Array.from({ length: retries.length }, (_, index) => index + 1));
    assert.ok(retries.length >= sent - 1 && retries.length <= 3, `${retries.length} retries shown for ${sent} requests`);
    assert.ok(retries.every((retry) => retry.of === 3 && retry.reason === 'timed out'));
    assert.equal(session.status().retry, undefined, 'the retry notice goes when the request ends');
    assert.ok(waited < 3 * budgetMs, `waited ${waited} ms for a ${budgetMs} ms budget (4 full attempts would be ${4 * budgetMs} ms)`);
  });

  it('Lago 403 feature_unavailable offers neither Update Token nor Retry, and says why', async () => {
    await open('lago', 'lago.api');
    server.setFault('featureUnavailable');
    await session.refresh();
    const error = session.error;
    assert.equal(error?.kind, 'auth');
    assert.equal(error?.canUpdateToken, false);
    assert.equal(error?.canRetry, false);
    assert.match(error?.message ?? '', /API key itself is fine.*retrying will not help/);
  });
});
