import { strict as assert } from 'node:assert';
import { LogSession, type SessionEvent } from '../../../../src/query/logSession';
import { startFakeServer, type FakeProviderServer } from '../../../../src/sample/fakeServers';
import { MemoryLogger, connect } from '../clientTestSupport';

/** A SignalWire server behind a proxy: its `links.next` names another host (another fake server, the trap). */
describe('SignalWire links.next on another host', function () {
  this.timeout(20_000);
  let trap: FakeProviderServer;
  const servers: FakeProviderServer[] = [];

  before(async () => {
    trap = await startFakeServer('signalwire', { rowCount: 10 });
  });
  after(async () => {
    await Promise.all([trap, ...servers].map((server) => server.close()));
  });

  async function behindProxy(linkPrefix: string): Promise<FakeProviderServer> {
    const server = await startFakeServer('signalwire', { seed: 4, rowCount: 250, linkOrigin: `${trap.baseUrl}${linkPrefix}` });
    servers.push(server);
    return server;
  }

  it('follows the link path and query on the configured origin; the other host sees nothing; the log says so once', async () => {
    const server = await behindProxy('');
    const logger = new MemoryLogger();
    const connection = connect(server, {}, logger);
    const ids: string[] = [];
    for await (const page of connection.stream('signalwire.voice').pages({ filters: { include_deleted: true }, pageSize: 100 })) {
      ids.push(...page.rows.map((row) => row.id));
    }
    connection.dispose();
    assert.equal(new Set(ids).size, 250);
    assert.equal(trap.requests.length, 0, 'no request (and no token) went to the other host');
    const paths = server.requests.map((request) => `${request.pathname}?${request.search.replace(/page_token=[^&]+/, 'page_token=T')}`);
    assert.deepEqual(paths, [
      '/api/voice/logs?include_deleted=true&page_size=100',
      '/api/voice/logs?include_deleted=true&page_size=100&page_number=1&page_token=T',
      '/api/voice/logs?include_deleted=true&page_size=100&page_number=2&page_token=T',
    ]);
    const notes = logger.lines.filter((line) => line.startsWith('info ') && line.includes('another host'));
    assert.equal(notes.length, 1, logger.lines.join('\n'));
    assert.ok(notes[0].includes(trap.baseUrl) && notes[0].includes(server.baseUrl));
    assert.ok(!logger.lines.some((line) => line.includes(server.token)));
  });

  it('a link outside the API paths cannot be rebased: Load older shows a clear error, rows stay, no request goes anywhere', async () => {
    const server = await behindProxy('/elsewhere');
    const connection = connect(server);
    const client = connection.stream('signalwire.voice');
    const session = new LogSession({ fetchPage: (request) => client.fetchPage(request), filters: {}, pageSize: 100, maxRows: 10_000, tailIntervalMs: 60_000 });
    const events: SessionEvent[] = [];
    session.onEvent((event) => events.push(event));
    await session.refresh();
    assert.equal(session.rows.length, 100);
    assert.ok(session.status().more, 'more is offered: the API said there is a next page');
    const mark = server.requests.length;
    await session.loadOlder();
    const errors = events.filter((event) => event.type === 'error' && event.error !== null);
    assert.equal(errors.length, 1);
    const error = errors[0].type === 'error' ? errors[0].error : null;
    assert.equal(error?.kind, 'badResponse');
    assert.match(error?.message ?? '', /next-page link points to .*\/elsewhere\/api\/voice\/logs, not to the voice logs under/);
    assert.equal(session.rows.length, 100);
    assert.equal(server.requests.length, mark);
    assert.equal(trap.requests.length, 0);
    session.dispose();
    connection.dispose();
  });
});
