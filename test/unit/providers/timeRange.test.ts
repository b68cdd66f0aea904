import { strict as assert } from 'node:assert';
import type { ProviderConnection } from '../../../src/providers/connection';
import { lagoDays, utcDay, withinRange } from '../../../src/providers/timeRangeParams';
import { startFakeServer, type FakeProviderServer } from '../../../src/sample/fakeServers';
import { connect, requestsSince } from './clientTestSupport';

const now = Date.parse('2026-11-23T12:00:00Z');
const hour = 3_600_000;

/** Each stream's time range → the request its server received, and the rows kept within the exact range. */
describe('Time range mapped to each API', function () {
  this.timeout(30_000);
  const servers: FakeProviderServer[] = [];
  const connections: ProviderConnection[] = [];

  async function open(provider: 'daily' | 'lago' | 'signalwire'): Promise<{ server: FakeProviderServer; connection: ProviderConnection }> {
    const server = await startFakeServer(provider, { seed: 5, rowCount: 2000, now });
    const connection = connect(server);
    servers.push(server);
    connections.push(connection);
    return { server, connection };
  }

  after(async () => {
    connections.forEach((connection) => connection.dispose());
    await Promise.all(servers.map((server) => server.close()));
  });

  it('Lago: whole UTC days from_date / next-day to_date, then trimmed to the exact times', async () => {
    const { server, connection } = await open('lago');
    const range = { from: Date.parse('2026-11-22T10:15:00Z'), to: Date.parse('2026-11-22T18:45:00Z') };
    const mark = server.requests.length;
    const rows = [];
    for await (const page of connection.stream('lago.api').pages({ filters: {}, pageSize: 100, range })) rows.push(...page.rows);
    const sent = new URLSearchParams(requestsSince(server, mark)[0].search);
    assert.equal(sent.get('from_date'), '2026-11-22');
    assert.equal(sent.get('to_date'), '2026-11-23');
    assert.ok(rows.length > 0, 'rows within the range');
    for (const row of rows) assert.ok(row.time >= range.from && row.time <= range.to, `row at ${new Date(row.time).toISOString()} outside`);
  });

  it('Lago: the range narrows the user\'s own date filters (the later start, the earlier end)', () => {
    const range = { from: Date.parse('2026-11-20T10:00:00Z'), to: Date.parse('2026-11-25T10:00:00Z') };
    assert.deepEqual(lagoDays(range, '2026-11-21', '2026-11-24'), { from: '2026-11-21', to: '2026-11-24' });
    assert.deepEqual(lagoDays(range, '2026-11-19', '2026-11-27'), { from: '2026-11-20', to: '2026-11-26' });
    assert.deepEqual(lagoDays({ from: range.from }, undefined, undefined), { from: '2026-11-20', to: undefined });
    assert.equal(utcDay(Date.parse('2026-11-22T23:59:59.999Z')), '2026-11-22');
  });

  it('SignalWire video and voice: created_after / created_before, widened a millisecond, rows within', async () => {
    const { server, connection } = await open('signalwire');
    const range = { from: now - 6 * hour, to: now - 2 * hour };
    for (const stream of ['signalwire.video', 'signalwire.voice'] as const) {
      const mark = server.requests.length;
      const page = await connection.stream(stream).fetchPage({ filters: {}, pageSize: 50, range });
      const sent = new URLSearchParams(requestsSince(server, mark)[0].search);
      assert.equal(sent.get('created_after'), new Date(range.from - 1).toISOString());
      assert.equal(sent.get('created_before'), new Date(range.to + 1).toISOString());
      assert.ok(page.rows.length > 0, `${stream} rows`);
      for (const row of page.rows) assert.ok(row.time >= range.from && row.time <= range.to);
    }
  });

  it('SignalWire: a user created_after later than the range start wins', async () => {
    const { server, connection } = await open('signalwire');
    const userAfter = now - 3 * hour;
    const mark = server.requests.length;
    await connection.stream('signalwire.video').fetchPage({ filters: { created_after: userAfter }, pageSize: 10, range: { from: now - 6 * hour } });
    const sent = new URLSearchParams(requestsSince(server, mark)[0].search);
    assert.equal(sent.get('created_after'), new Date(userAfter).toISOString());
    assert.equal(sent.get('created_before'), null);
  });

  it('Daily meeting logs: startTime / endTime in ms', async () => {
    const { server, connection } = await open('daily');
    const [session] = (await connection.listMeetingSessions!()).sessions;
    const range = { from: session.startTime + 60_000, to: session.startTime + 5 * 60_000 };
    const mark = server.requests.length;
    const page = await connection.stream('daily.meeting').fetchPage({ filters: { mtgSessionId: session.id }, pageSize: 50, range });
    const sent = new URLSearchParams(requestsSince(server, mark)[0].search);
    assert.equal(sent.get('startTime'), String(range.from));
    assert.equal(sent.get('endTime'), String(range.to));
    for (const row of page.rows) assert.ok(row.time >= range.from && row.time <= range.to);
  });

  it('Daily API logs: no time parameters; rows newer than the end dropped; paging ends on the page past the start', async () => {
    const { server, connection } = await open('daily');
    const all = [];
    for await (const page of connection.stream('daily.api').pages({ filters: {}, pageSize: 100 })) all.push(...page.rows);
    const range = { from: all[700].time, to: all[450].time };
    const mark = server.requests.length;
    const rows = [];
    for await (const page of connection.stream('daily.api').pages({ filters: {}, pageSize: 100, range })) rows.push(...page.rows);
    const received = requestsSince(server, mark).filter((request) => request.pathname === '/v1/logs/api');
    for (const request of received) {
      assert.equal(new URLSearchParams(request.search).has('startTime'), false);
      assert.equal(new URLSearchParams(request.search).has('created_after'), false);
    }
    const expected = all.filter((row) => row.time >= range.from && row.time <= range.to).map((row) => row.id);
    assert.deepEqual(rows.map((row) => row.id), expected);
    const pageHoldingStart = Math.floor(all.findIndex((row) => row.time < range.from) / 100) + 1;
    // The iterator requests one page ahead, so the server may see one request past the last page it needed.
    assert.ok(received.length >= pageHoldingStart && received.length <= pageHoldingStart + 1, `${received.length} requests, ${pageHoldingStart} needed`);
  });

  it('withinRange keeps paging while every row is at or after the start', () => {
    const row = (time: number) => ({ id: String(time), time, severity: 'info' as const, fields: {} });
    const page = { rows: [row(30), row(20), row(10)], next: 'n' };
    assert.equal(withinRange(page, { from: 10 }).next, 'n');
    assert.equal(withinRange(page, { from: 11 }).next, undefined);
    assert.deepEqual(withinRange(page, { from: 11, to: 25 }).rows.map((r) => r.time), [20]);
    assert.equal(withinRange(page, undefined), page);
  });
});
