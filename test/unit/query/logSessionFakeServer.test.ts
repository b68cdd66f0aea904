import assert from 'node:assert/strict';
import type { ProviderConnection } from '../../../src/providers/connection';
import { createProviderConnection } from '../../../src/providers/providerRegistry';
import { LogSession } from '../../../src/query/logSession';
import type { FakeProviderServer } from '../../../src/sample/fakeServers';
import { startFakeServer } from '../../../src/sample/fakeServers';
import type { Logger } from '../../../src/util/logging';
import { until } from '../../support/until';

const silent: Logger = {
  trace: () => undefined,
  debug: () => undefined,
  info: () => undefined,
  warn: () => undefined,
  error: () => undefined,
  child: () => silent,
};

/** LogSession driving the real Daily client against the local fake Daily server, over real HTTP. */
describe('LogSession with the Daily client and the fake Daily server', () => {
  let server: FakeProviderServer;
  let connection: ProviderConnection;

  before(async () => {
    server = await startFakeServer('daily');
    connection = createProviderConnection(
      { provider: 'daily', baseUrl: server.baseUrl, secret: server.token },
      { timeoutMs: 5000, maxRetries: 0, retryBaseDelayMs: 0 },
      silent,
    );
  });
  afterEach(() => server.setFault(undefined));
  after(async () => {
    connection?.dispose();
    await server?.close();
  });

  function dailySession(maxRows = 100_000): LogSession {
    const client = connection.stream('daily.api');
    return new LogSession({ fetchPage: (request) => client.fetchPage(request), filters: {}, pageSize: 100, maxRows, tailIntervalMs: 20 });
  }

  it('pages newest first through the cursor without gaps or repeats', async () => {
    const session = dailySession();
    await session.refresh();
    await session.loadOlder();
    await session.loadOlder();
    const rows = [...session.rows];
    assert.equal(rows.length, 300);
    assert.equal(new Set(rows.map((row) => row.id)).size, 300);
    for (let i = 1; i < rows.length; i++) assert.ok(rows[i - 1].time >= rows[i].time, `row ${i} is newer than row ${i - 1}`);
  });

  it('loads everything up to maxRows, then stops', async () => {
    const session = dailySession(1000);
    await session.refresh();
    await session.loadAll();
    assert.equal(session.rows.length, 1000);
    assert.equal(session.status().more, false);
    assert.equal(session.error, null);
  });

  it('cancels a page the server never answers', async () => {
    const session = dailySession();
    await session.refresh();
    const mark = server.requests.length;
    server.setFault('slow', { delayMs: 600_000 });
    const loading = session.loadOlder();
    await until(() => server.requests.length > mark);
    session.cancel();
    // The server holds the page for ten minutes, so `loading` ends only through the cancel.
    await loading;
    assert.equal(session.error, null);
    assert.equal(session.rows.length, 100);
  });

  it('keeps rows on a 401 and retries the same page', async () => {
    const session = dailySession();
    await session.refresh();
    const oldest = session.rows.at(-1)?.id;
    server.setFault('unauthorized', { count: 1 });
    await session.loadOlder();
    assert.equal(session.error?.kind, 'auth');
    assert.equal(session.error?.canUpdateToken, true);
    assert.equal(session.rows.length, 100);
    await session.retry();
    assert.equal(session.error, null);
    assert.equal(session.rows.length, 200);
    const cursor = new URLSearchParams(server.requests.at(-1)?.search).get('starting_after');
    assert.equal(cursor, oldest);
  });

  it('applies the url filter on the server', async () => {
    const session = dailySession();
    await session.setFilters({ url: '/v1/rooms' });
    assert.ok(session.rows.length > 0);
    assert.ok([...session.rows].every((row) => String(row.fields.url).includes('/v1/rooms')));
    assert.equal(new URLSearchParams(server.requests.at(-1)?.search).get('url'), '/v1/rooms');
  });
});
