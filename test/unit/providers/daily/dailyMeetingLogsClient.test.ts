import { strict as assert } from 'node:assert';
import type { ProviderConnection } from '../../../../src/providers/connection';
import type { MeetingSession } from '../../../../src/protocol/streamDefinition';
import { startFakeServer, type FakeProviderServer } from '../../../../src/sample/fakeServers';
import { connect, providerErrorOf } from '../clientTestSupport';

describe('Daily meeting logs client and session list', function () {
  this.timeout(20_000);
  let server: FakeProviderServer;
  let connection: ProviderConnection;
  let sessions: readonly MeetingSession[];

  before(async () => {
    server = await startFakeServer('daily', { seed: 11, rowCount: 100 });
    connection = connect(server);
    sessions = (await connection.listMeetingSessions!()).sessions;
    // The first page of a connection also asks the API what its level numbers mean; later pages do not.
    await connection.stream('daily.meeting').fetchPage({ filters: { mtgSessionId: busiest().id }, pageSize: 100 });
  });
  after(async () => {
    connection.dispose();
    await server.close();
  });
  beforeEach(() => server.setFault(undefined));

  const last = () => server.requests.at(-1)!;
  const stream = () => connection.stream('daily.meeting');
  const busiest = () => [...sessions].sort((a, b) => b.participants.length - a.participants.length)[0];

  it('lists recent sessions from GET /meetings for the picker', () => {
    assert.equal(server.requests.find((r) => r.pathname === '/v1/meetings')?.url, '/v1/meetings?limit=100');
    assert.ok(sessions.length >= 40);
    assert.ok(sessions.every((s) => s.room !== '' && s.startTime > 0 && Array.isArray(s.participants)));
    assert.ok(sessions[0].ongoing);
    const spec = sessions.find((s) => s.id === '008c1f0f-6fc5-4e5f-b872-1b9623cb1e7a');
    assert.deepEqual(spec?.participants, [{ id: '7a51a4b2-92cf-4ad2-b53b-9d01cc985a38', name: 'Guest' }]);
  });

  it('requires a meeting or participant session before any request', async () => {
    const mark = server.requests.length;
    const error = await providerErrorOf(stream().fetchPage({ filters: {} }));
    assert.equal(error.kind, 'invalid');
    assert.equal(server.requests.length, mark);
  });

  it('first page and second page by offset', async () => {
    const session = busiest();
    const first = await stream().fetchPage({ filters: { mtgSessionId: session.id }, pageSize: 25 });
    assert.equal(last().url, `/v1/logs?mtgSessionId=${session.id}&limit=25`);
    assert.equal(first.rows.length, 25);
    assert.equal(first.next, '25');
    const second = await stream().fetchPage({ filters: { mtgSessionId: session.id }, pageSize: 25, cursor: first.next });
    assert.equal(last().url, `/v1/logs?mtgSessionId=${session.id}&limit=25&offset=25`);
    assert.ok(second.rows[0].time <= first.rows[24].time);
    assert.equal(new Set([...first.rows, ...second.rows].map((r) => r.id)).size, 50);
  });

  it('maps every filter to its exact query parameter', async () => {
    const session = busiest();
    const user = session.participants[0].id;
    const filters = {
      mtgSessionId: session.id, userSessionId: user, logLevel: 'ERROR', order: 'asc',
      startTime: 1_700_000_000_000, endTime: 1_900_000_000_000, includeMetrics: true,
    };
    const page = await stream().fetchPage({ filters, pageSize: 100 });
    assert.equal(
      last().url,
      `/v1/logs?mtgSessionId=${session.id}&userSessionId=${user}&logLevel=ERROR&order=ASC&startTime=1700000000000&endTime=1900000000000&includeMetrics=true&limit=100`,
    );
    const logs = page.rows.filter((r) => r.fields.message !== 'metrics sample');
    assert.ok(logs.every((r) => r.severity === 'error' && r.fields.userSessionId === user));
    const metrics = page.rows.filter((r) => r.fields.message === 'metrics sample');
    assert.ok(metrics.length > 0 && metrics.every((r) => typeof r.fields.metrics === 'object'));
  });

  it('a participant session alone is enough', async () => {
    const user = busiest().participants[0].id;
    const page = await stream().fetchPage({ filters: { userSessionId: user } });
    assert.equal(last().url, `/v1/logs?userSessionId=${user}&limit=100`);
    assert.ok(page.rows.length > 0 && page.rows.every((r) => r.fields.userSessionId === user));
  });

  it('maps the spec example records, keeping identical-looking records apart', async () => {
    const page = await stream().fetchPage({ filters: { mtgSessionId: '008c1f0f-6fc5-4e5f-b872-1b9623cb1e7a' } });
    assert.deepEqual(page.rows.map((r) => [r.fields.message, r.fields.code, r.severity]), [
      ['disconnect on pagehide', 7991, 'error'],
      ['leaving session', 8000, 'info'],
      ['participant left', 8020, 'info'],
    ]);
    assert.equal(page.rows[0].time, Date.parse('2026-03-23T16:32:55.473Z'));
    assert.equal(new Set(page.rows.map((r) => r.id)).size, 3);
    assert.equal(page.next, undefined);
  });

  it('ids are stable across requests (live tail de-duplication)', async () => {
    const filters = { mtgSessionId: busiest().id };
    const a = await stream().fetchPage({ filters, pageSize: 10 });
    const b = await stream().fetchPage({ filters, pageSize: 10 });
    assert.deepEqual(a.rows.map((r) => r.id), b.rows.map((r) => r.id));
  });

  it('wrong field types name the field; a repeated offset page stops paging', async () => {
    server.setFault('wrongTypes', { count: 1 });
    const error = await providerErrorOf(stream().fetchPage({ filters: { mtgSessionId: busiest().id } }));
    assert.equal(error.details.fieldPath, 'logs[1].level');
    server.setFault('repeatingCursor');
    let pages = 0;
    for await (const page of stream().pages({ filters: { mtgSessionId: busiest().id }, pageSize: 10 })) {
      pages += page.rows.length > 0 ? 1 : 0;
    }
    assert.equal(pages, 1);
  });
});
