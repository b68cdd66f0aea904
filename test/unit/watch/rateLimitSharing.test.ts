import { strict as assert } from 'node:assert';
import { LensRowCache } from '../../../src/code/lensRowCache';
import type { ProviderConnection } from '../../../src/providers/connection';
import type { FakeProviderServer } from '../../../src/sample/fakeServers';
import { startFakeServer } from '../../../src/sample/fakeServers';
import type { Watch } from '../../../src/watch/watch';
import { applyPoll } from '../../../src/watch/watch';
import { connect } from '../providers/clientTestSupport';
import { dailyApiLogsStream } from '../../../src/providers/daily/dailyApiLogsStream';

describe('watches and lenses share the connection rate limit', function () {
  this.timeout(30_000);
  let server: FakeProviderServer;
  let connection: ProviderConnection;

  before(async () => {
    server = await startFakeServer('daily', { rowCount: 300 });
    connection = connect(server, { maxConcurrent: 2 });
  });

  after(async () => {
    connection.dispose();
    await server.close();
  });

  it('never has more requests in flight than the connection allows, whoever sends them', async () => {
    server.setFault('slow', { delayMs: 150 });
    const stream = connection.stream('daily.api');
    const cache = new LensRowCache(async (_, streamId, filters) => (await connection.stream(streamId).fetchPage({ filters })).rows, 300_000);
    const watch: Watch = { id: 'w', target: { kind: 'stream', accountId: 'a', provider: 'daily', streamId: 'daily.api', filters: {} }, label: 'w', seenIds: [], newErrors: [], newErrorCount: 0 };
    const before = server.requests.length;
    let changes = 0;
    cache.onDidChange(() => changes++);
    assert.ok(cache.refresh('a/daily', 'daily.api', ['rooms']));
    assert.ok(cache.refresh('a/daily', 'daily.api', ['meeting-tokens']));
    assert.ok(cache.refresh('a/daily', 'daily.api', ['rooms', '*', 'presence']));
    const panelPages = [stream.fetchPage({ filters: {} }), stream.fetchPage({ filters: { url: '/v1/recordings' } })];
    const polls = [1, 2, 3].map(async () => applyPoll(watch, (await stream.fetchPage({ filters: {}, pageSize: 50 })).rows, dailyApiLogsStream));
    await Promise.all([...panelPages, ...polls]);
    await new Promise<void>((resolve) => (changes >= 3 ? resolve() : cache.onDidChange(() => changes >= 3 && resolve())));
    server.setFault(undefined);
    const observed = server.requests.slice(before);
    assert.equal(observed.length, 8);
    assert.ok(observed.every((request) => request.concurrent <= 2), observed.map((request) => request.concurrent).join(','));
    assert.equal(Math.max(...observed.map((request) => request.concurrent)), 2);
    assert.ok(cache.rows('a/daily', 'daily.api', ['rooms']).length > 0);
    assert.ok(observed.some((request) => request.search.includes('url=%2Fpresence')));
  });

  it('fetches an endpoint at most once per TTL', async () => {
    let now = 0;
    let calls = 0;
    const cache = new LensRowCache(async () => (calls++, []), 300_000, () => now);
    assert.ok(cache.refresh('a/daily', 'daily.api', ['rooms']));
    await new Promise((resolve) => setImmediate(resolve));
    now = 299_999;
    assert.ok(!cache.refresh('a/daily', 'daily.api', ['rooms']));
    assert.ok(cache.refresh('a/daily', 'daily.api', ['recordings']));
    assert.ok(!cache.refresh('a/daily', 'signalwire.video', ['rooms']));
    now = 300_000;
    assert.ok(cache.refresh('a/daily', 'daily.api', ['rooms']));
    await new Promise((resolve) => setImmediate(resolve));
    assert.equal(calls, 3);
  });
});
