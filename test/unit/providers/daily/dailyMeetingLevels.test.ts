import { strict as assert } from 'node:assert';
import { DailyLevelTable } from '../../../../src/providers/daily/dailyLevelNames';
import type { LogRow } from '../../../../src/protocol/streamDefinition';
import { startFakeServer, type FakeProviderServer } from '../../../../src/sample/fakeServers';
import { connect } from '../clientTestSupport';

const probes = (server: FakeProviderServer, mark: number) =>
  server.requests.slice(mark).filter((request) => request.pathname === '/v1/logs' && /(^|&)limit=5$/.test(request.search)).map((r) => r.search);

/** What the sample data's codes say (7xxx errors, 8xxx info, none debug), independent of any number. */
function expectedLevel(row: LogRow): [string, string] {
  const code = row.fields.code;
  const name = code === null ? 'debug' : Number(code) < 8000 ? 'error' : 'info';
  return [name, name];
}

/** The client names Daily's level numbers only as the API confirms them; servers with different tables prove it. */
describe('Daily meeting log levels, learnt from the API', function () {
  this.timeout(20_000);
  const servers: FakeProviderServer[] = [];
  after(() => Promise.all(servers.map((server) => server.close())));

  async function server(levels?: { ERROR: number; INFO: number; DEBUG: number }): Promise<FakeProviderServer> {
    const started = await startFakeServer('daily', { seed: 3, rowCount: 50, meetingLogLevels: levels });
    servers.push(started);
    return started;
  }

  for (const levels of [undefined, { ERROR: 7, INFO: 3, DEBUG: 5 }, { ERROR: 0, INFO: 2, DEBUG: 1 }]) {
    it(`names the levels of a server whose table is ${JSON.stringify(levels ?? 'the sample default')}, asking once per connection`, async () => {
      const fake = await server(levels);
      const connection = connect(fake);
      const [first, second] = (await connection.listMeetingSessions!()).sessions.slice(1, 3);
      const mark = fake.requests.length;
      const page = await connection.stream('daily.meeting').fetchPage({ filters: { mtgSessionId: first.id }, pageSize: 100 });
      assert.deepEqual(probes(fake, mark).map((search) => /logLevel=(\w+)/.exec(search)?.[1]).sort(), ['DEBUG', 'ERROR', 'INFO']);
      assert.ok(page.rows.length > 50);
      for (const row of page.rows) assert.deepEqual([row.fields.level, row.severity], expectedLevel(row), String(row.fields.message));
      const next = fake.requests.length;
      const other = await connection.stream('daily.meeting').fetchPage({ filters: { mtgSessionId: second.id }, pageSize: 100 });
      assert.deepEqual(probes(fake, next), [], 'the table is kept for the connection');
      for (const row of other.rows) assert.deepEqual([row.fields.level, row.severity], expectedLevel(row), String(row.fields.message));
      assert.ok([...page.rows, ...other.rows].some((row) => row.severity === 'error'));
      connection.dispose();
    });
  }

  it('shows the raw number, neutral, while the API has not said what it means', async () => {
    const fake = await server({ ERROR: 7, INFO: 3, DEBUG: 5 });
    fake.setFault('serverError', { pathIncludes: 'logLevel=' });
    const connection = connect(fake, { maxRetries: 0 });
    const session = (await connection.listMeetingSessions!()).sessions[1];
    const page = await connection.stream('daily.meeting').fetchPage({ filters: { mtgSessionId: session.id }, pageSize: 100 });
    assert.ok(page.rows.length > 0);
    for (const row of page.rows) {
      const number = { error: 7, info: 3, debug: 5 }[expectedLevel(row)[0]];
      assert.deepEqual([row.fields.level, row.fields.levelNumber, row.severity], [`level ${number}`, number, 'info']);
    }
    connection.dispose();
  });

  it('a logLevel-filtered page names its number without asking about that name', async () => {
    const fake = await server({ ERROR: 9, INFO: 8, DEBUG: 6 });
    const connection = connect(fake);
    const session = (await connection.listMeetingSessions!()).sessions[1];
    const mark = fake.requests.length;
    const page = await connection.stream('daily.meeting').fetchPage({ filters: { mtgSessionId: session.id, logLevel: 'ERROR' }, pageSize: 100 });
    assert.ok(page.rows.length > 0);
    assert.ok(page.rows.every((row) => row.fields.level === 'error' && row.fields.levelNumber === 9));
    assert.deepEqual(probes(fake, mark), []);
    connection.dispose();
  });

  it('a response with several numbers (the filter ignored) or two names for one number teaches nothing', () => {
    const table = new DailyLevelTable();
    table.learn('ERROR', [2, 1, 1]);
    assert.equal(table.nameOf(2), undefined);
    table.learn('ERROR', [2, 2]);
    assert.equal(table.nameOf(2), 'ERROR');
    table.learn('INFO', [2]);
    assert.equal(table.nameOf(2), undefined, 'disputed');
    table.learn('ERROR', [2]);
    assert.equal(table.nameOf(2), undefined, 'stays disputed');
    assert.equal(table.hasUnknown([2]), false, 'a disputed number is not asked about again');
    assert.equal(table.hasUnknown([4]), true);
    assert.deepEqual(table.namesToProbe('s'), ['ERROR', 'INFO', 'DEBUG']);
    assert.deepEqual(table.namesToProbe('s'), [], 'once per session');
    assert.deepEqual(table.namesToProbe('t'), ['ERROR', 'INFO', 'DEBUG']);
  });
});
