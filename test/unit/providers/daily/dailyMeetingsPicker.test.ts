import { strict as assert } from 'node:assert';
import type { ProviderConnection } from '../../../../src/providers/connection';
import { startFakeServer, type FakeProviderServer } from '../../../../src/sample/fakeServers';
import { connect } from '../clientTestSupport';

/** The session picker's side of Daily: `GET /meetings` paged, searched by room and time frame; metrics only. */
describe('Daily meeting sessions for the picker', function () {
  this.timeout(20_000);
  let server: FakeProviderServer;
  let connection: ProviderConnection;

  before(async () => {
    server = await startFakeServer('daily', { seed: 21, rowCount: 1500 });
    connection = connect(server);
  });
  after(async () => {
    connection.dispose();
    await server.close();
  });

  const list = (query = {}) => connection.listMeetingSessions!(query);
  const last = () => server.requests.at(-1)!;

  it('pages past the first 100 with starting_after, and back with ending_before', async () => {
    const first = await list();
    assert.equal(last().url, '/v1/meetings?limit=100');
    assert.equal(first.sessions.length, 100);
    assert.equal(first.more, true);
    const oldest = first.sessions.at(-1)!.id;
    const second = await list({ after: oldest });
    assert.equal(last().url, `/v1/meetings?limit=100&starting_after=${oldest}`);
    assert.equal(second.sessions.length, 51, '150 generated + the spec example');
    assert.equal(second.more, false);
    const ids = new Set([...first.sessions, ...second.sessions].map((session) => session.id));
    assert.equal(ids.size, 151);
    assert.ok(second.sessions.some((session) => session.id === '008c1f0f-6fc5-4e5f-b872-1b9623cb1e7a'));
    const back = await list({ before: second.sessions[0].id });
    assert.equal(last().search, `limit=100&ending_before=${second.sessions[0].id}`);
    assert.deepEqual(back.sessions.map((s) => s.id), first.sessions.map((s) => s.id));
  });

  it('searches by room and time frame (sent as epoch seconds)', async () => {
    const all = [...(await list()).sessions];
    const room = all[3].room;
    const from = all[60].startTime;
    const to = all[10].startTime;
    const found = await list({ room, from, to });
    assert.equal(last().url, `/v1/meetings?limit=100&room=${room}&timeframe_start=${from / 1000}&timeframe_end=${to / 1000}`);
    const expected = all.slice(10, 61).filter((session) => session.room === room).map((session) => session.id);
    assert.ok(expected.length > 0);
    assert.deepEqual(found.sessions.map((session) => session.id), expected);
  });

  it('a participant of a listed meeting selects that participant\'s logs (userSessionId)', async () => {
    const meeting = (await list()).sessions.find((session) => session.participants.length >= 2)!;
    const participant = meeting.participants[1].id;
    const page = await connection.stream('daily.meeting').fetchPage({ filters: { userSessionId: participant }, pageSize: 100 });
    assert.match(server.requests.filter((r) => r.pathname === '/v1/logs')[0]?.search ?? '', new RegExp(`^userSessionId=${participant}&limit=100$`));
    assert.ok(page.rows.length > 0);
    assert.ok(page.rows.every((row) => row.fields.userSessionId === participant));
  });

  it('"Include log lines" off asks for metrics only (includeLogs=false)', async () => {
    const meeting = (await list()).sessions[5];
    const mark = server.requests.length;
    const page = await connection.stream('daily.meeting').fetchPage({ filters: { mtgSessionId: meeting.id, includeLogs: false }, pageSize: 50 });
    assert.equal(server.requests[mark].url, `/v1/logs?mtgSessionId=${meeting.id}&includeLogs=false&includeMetrics=true&limit=50`);
    assert.ok(page.rows.length > 0);
    assert.ok(page.rows.every((row) => row.fields.message === 'metrics sample'));
    assert.equal(page.next, '50');
  });
});
