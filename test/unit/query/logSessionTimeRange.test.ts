import assert from 'node:assert/strict';
import type { ProviderConnection } from '../../../src/providers/connection';
import { LogSession, type SessionEvent } from '../../../src/query/logSession';
import { startFakeServer, type FakeProviderServer } from '../../../src/sample/fakeServers';
import type { TimeRange } from '../../../src/protocol/timeRange';
import { connect } from '../providers/clientTestSupport';

const now = Date.parse('2026-11-23T12:00:00Z');

/** A time range on Daily API logs (no time parameters): the session pages older until past the start, then stops. */
describe('LogSession time range on Daily API logs', function () {
  this.timeout(30_000);
  let server: FakeProviderServer;
  let connection: ProviderConnection;

  before(async () => {
    server = await startFakeServer('daily', { seed: 2, rowCount: 3000, now });
    connection = connect(server);
  });
  after(async () => {
    connection.dispose();
    await server.close();
  });

  function session(timeRange?: TimeRange): { session: LogSession; events: SessionEvent[] } {
    const client = connection.stream('daily.api');
    const events: SessionEvent[] = [];
    const created = new LogSession({
      fetchPage: (request) => client.fetchPage(request),
      filters: {},
      pageSize: 100,
      maxRows: 100_000,
      tailIntervalMs: 60_000,
      timeRange,
      walkTimeRange: true,
      now: () => now,
    });
    created.onEvent((event) => events.push(event));
    return { session: created, events };
  }

  async function allRows(): Promise<{ time: number }[]> {
    const rows = [];
    for await (const page of connection.stream('daily.api').pages({ filters: {}, pageSize: 100 })) rows.push(...page.rows);
    return rows;
  }

  it('pages back to the range start with progress, keeps only rows in range, then says all loaded', async () => {
    const every = await allRows();
    const range: TimeRange = { kind: 'absolute', from: every[1450].time, to: every[1020].time };
    const { session: s, events } = session(range);
    const mark = server.requests.length;
    await s.refresh();
    const inRange = every.filter((row) => row.time >= every[1450].time && row.time <= every[1020].time);
    assert.equal(s.rows.length, inRange.length);
    assert.equal(s.status().more, false);
    assert.ok(events.some((event) => event.type === 'status' && event.status.activity === 'all' && (event.status.pagesLoaded ?? 0) > 0));
    const requests = server.requests.length - mark;
    const needed = Math.floor(every.findIndex((row) => row.time < every[1450].time) / 100) + 1;
    assert.equal(requests, needed, 'one request per page up to the page past the start');
  });

  it('a relative range resolves against now and stops the same way', async () => {
    const { session: s } = session({ kind: 'relative', preset: '1h' });
    const mark = server.requests.length;
    await s.refresh();
    assert.ok([...s.rows].every((row) => row.time >= now - 3_600_000));
    assert.equal(s.status().more, false);
    const every = await allRows();
    const needed = Math.floor(every.findIndex((row) => row.time < now - 3_600_000) / 100) + 1;
    assert.equal(server.requests.length - mark - Math.ceil(every.length / 100), needed);
  });

  it('cancel stops the walk and keeps the rows; setTimeRange(undefined) loads one newest page', async () => {
    const every = await allRows();
    const { session: s, events } = session({ kind: 'absolute', from: every.at(-1)!.time });
    const walking = new Promise<void>((resolve) => {
      s.onEvent((event) => {
        if (event.type === 'status' && event.status.activity === 'all' && (event.status.pagesLoaded ?? 0) >= 2) {
          s.cancel();
          resolve();
        }
      });
    });
    const refreshed = s.refresh();
    await walking;
    await refreshed;
    assert.equal(s.status().activity, 'idle');
    assert.equal(s.status().more, true);
    assert.ok(s.rows.length >= 300);
    assert.equal(s.error, null);
    await s.setTimeRange(undefined);
    assert.equal(s.rows.length, 100);
    assert.ok(events.length > 0);
  });
});
