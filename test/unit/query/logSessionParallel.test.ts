import assert from 'node:assert/strict';
import type { ProviderConnection } from '../../../src/providers/connection';
import { LogSession } from '../../../src/query/logSession';
import { startFakeServer, type FakeProviderServer } from '../../../src/sample/fakeServers';
import { connect } from '../providers/clientTestSupport';

/** *Load all* through a client's `pages` (parallel for Lago) against the fake Lago server with latency. */
describe('LogSession Load all with parallel pages (Lago, 30 ms latency)', function () {
  this.timeout(30_000);
  let server: FakeProviderServer;
  let connection: ProviderConnection;

  before(async () => {
    server = await startFakeServer('lago', { seed: 3, rowCount: 2_000, network: { latencyMs: 30 } });
    connection = connect(server);
  });
  after(async () => {
    connection.dispose();
    await server.close();
  });

  function session(parallel: boolean, maxRows = 100_000): LogSession {
    const client = connection.stream('lago.api');
    return new LogSession({
      fetchPage: (request) => client.fetchPage(request),
      fetchPages: parallel ? (request) => client.pages(request) : undefined,
      filters: {},
      pageSize: 100,
      maxRows,
      tailIntervalMs: 60_000,
    });
  }

  it('loads the same rows in the same order as page after page, several pages at once', async () => {
    const sequential = session(false);
    await sequential.refresh();
    await sequential.loadAll();
    const parallel = session(true);
    await parallel.refresh();
    const mark = server.requests.length;
    await parallel.loadAll();
    assert.deepEqual(Array.from(parallel.rows, (r) => r.id), Array.from(sequential.rows, (r) => r.id));
    assert.equal(parallel.rows.length, sequential.rows.length);
    assert.equal(parallel.status().pagesLoaded, Math.ceil(parallel.rows.length / 100) - 1);
    assert.equal(parallel.status().more, false);
    assert.ok(Math.max(...server.requests.slice(mark).map((r) => r.concurrent)) > 1, 'pages were requested in parallel');
  });

  it('stops at maxRows and cancels at once, keeping the rows', async () => {
    const bounded = session(true, 1_050);
    await bounded.refresh();
    await bounded.loadAll();
    assert.equal(bounded.rows.length, 1_050);
    assert.equal(bounded.status().more, false);

    const cancelled = session(true);
    await cancelled.refresh();
    const loading = cancelled.loadAll();
    await new Promise<void>((resolve) => {
      const listener = cancelled.onEvent((event) => {
        if (event.type === 'rows' && event.mode === 'append') {
          listener.dispose();
          resolve();
        }
      });
    });
    cancelled.cancel();
    await loading;
    const kept = cancelled.rows.length;
    assert.ok(kept >= 200 && kept < 2_000, `${kept} rows kept`);
    assert.equal(cancelled.error, null);
    assert.equal(cancelled.status().activity, 'idle');
  });
});
