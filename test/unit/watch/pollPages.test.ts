import { strict as assert } from 'node:assert';
import { dailyApiLogsStream } from '../../../src/providers/daily/dailyApiLogsStream';
import type { ProviderConnection } from '../../../src/providers/connection';
import type { DailyApiLogRecord } from '../../../src/sample/dailyApiLogData';
import type { FakeProviderServer } from '../../../src/sample/fakeServers';
import { startFakeServer } from '../../../src/sample/fakeServers';
import { rowsSince } from '../../../src/watch/pollPages';
import type { Watch } from '../../../src/watch/watch';
import { applyPoll } from '../../../src/watch/watch';
import { connect } from '../providers/clientTestSupport';

function failedCalls(count: number, after: number): DailyApiLogRecord[] {
  return Array.from({ length: count }, (_, i) => ({
    id: `burst-${i}`, userId: 'u', domainId: 'd', source: 'api', ip: '203.0.113.7', method: 'POST', url: '/v1/rooms', status: 400,
    createdAt: new Date(after + (i + 1) * 1000).toISOString(), request: '{}', response: '{"error":"invalid-request-error"}',
  }));
}

describe('a poll of a busy stream', function () {
  this.timeout(30_000);
  let server: FakeProviderServer;
  let connection: ProviderConnection;
  const stream = () => connection.stream('daily.api');
  const request = { filters: {}, pageSize: 100 };

  beforeEach(async () => {
    server = await startFakeServer('daily', { rowCount: 200 });
    connection = connect(server);
  });

  afterEach(async () => {
    connection.dispose();
    await server.close();
  });

  it('reads older pages until it reaches what it saw, so 250 errors since the last poll are all counted', async () => {
    const watch: Watch = { id: 'w', target: { kind: 'stream', accountId: 'a', provider: 'daily', streamId: 'daily.api', filters: {} }, label: 'w', seenIds: [], newErrors: [], newErrorCount: 0 };
    const first = await rowsSince(stream(), request, undefined);
    assert.equal(first.pages, 1, 'the baseline is one page');
    const base = applyPoll(watch, first.rows, dailyApiLogsStream).watch;
    server.addApiLogs?.(failedCalls(250, base.seenUntil!));
    const before = server.requests.length;
    const polled = await rowsSince(stream(), request, base.seenUntil);
    assert.equal(polled.complete, true);
    assert.equal(server.requests.length - before, 3, 'three pages of 100 reach the rows seen before');
    assert.equal(applyPoll(base, polled.rows, dailyApiLogsStream).watch.newErrorCount, 250);
  });

  it('stops at its page bound and says so', async () => {
    const base = (await rowsSince(stream(), request, undefined)).rows[0].time;
    server.addApiLogs?.(failedCalls(250, base));
    const polled = await rowsSince(stream(), request, base, 2);
    assert.deepEqual([polled.complete, polled.pages, polled.rows.length], [false, 2, 200]);
  });
});
