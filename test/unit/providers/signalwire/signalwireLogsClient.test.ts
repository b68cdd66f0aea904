import { strict as assert } from 'node:assert';
import type { ProviderConnection } from '../../../../src/providers/connection';
import { startFakeServer, type FakeProviderServer } from '../../../../src/sample/fakeServers';
import { connect, providerErrorOf } from '../clientTestSupport';

describe('SignalWire video and voice logs client', function () {
  this.timeout(20_000);
  let server: FakeProviderServer;
  let connection: ProviderConnection;
  const now = Date.parse('2026-06-10T12:00:00Z');

  before(async () => {
    server = await startFakeServer('signalwire', { seed: 9, rowCount: 700, now });
    connection = connect(server);
  });
  after(async () => {
    connection.dispose();
    await server.close();
  });
  beforeEach(() => server.setFault(undefined));

  const last = () => server.requests.at(-1)!;

  it('sends Basic base64(project:token)', async () => {
    await connection.stream('signalwire.video').fetchPage({ filters: {}, pageSize: 1 });
    const expected = `Basic ${Buffer.from(`${server.projectId}:${server.token}`).toString('base64')}`;
    assert.equal(last().headers.authorization, expected);
  });

  for (const [id, path] of [['signalwire.video', '/api/video/logs'], ['signalwire.voice', '/api/voice/logs']] as const) {
    it(`${id}: first page, then links.next followed verbatim`, async () => {
      const stream = connection.stream(id);
      const first = await stream.fetchPage({ filters: {}, pageSize: 200 });
      assert.equal(last().url, `${path}?page_size=200`);
      assert.equal(first.rows.length, 200);
      assert.ok(first.next?.startsWith(`${server.baseUrl}${path}?`));
      const second = await stream.fetchPage({ filters: {}, cursor: first.next });
      assert.equal(`${server.baseUrl}${last().url}`, first.next);
      assert.match(last().search, /page_size=200&page_number=1&page_token=PA/);
      assert.ok(second.rows[0].time <= first.rows[199].time);
      let total = 0;
      for await (const page of stream.pages({ filters: {}, pageSize: 300 })) {
        total += page.rows.length;
      }
      assert.ok(total >= 650 && total <= 701, String(total));
    });

    it(`${id}: maps every filter to its exact query parameter`, async () => {
      const filters = { created_after: Date.parse('2026-06-05T00:00:00Z'), created_before: '2026-06-09', created_on: '2026-06-07', include_deleted: true };
      const page = await connection.stream(id).fetchPage({ filters, pageSize: 1000 });
      assert.equal(
        last().url,
        `${path}?created_after=2026-06-05T00%3A00%3A00.000Z&created_before=2026-06-09&created_on=2026-06-07&include_deleted=true&page_size=1000`,
      );
      assert.ok(page.rows.length > 0);
      assert.ok(page.rows.every((r) => new Date(r.time).toISOString().startsWith('2026-06-07')));
    });

    it(`${id}: a 403 names the missing token scope`, async () => {
      server.setFault('forbidden', { pathIncludes: path, count: 1 });
      const error = await providerErrorOf(connection.stream(id).fetchPage({ filters: {} }));
      assert.equal(error.kind, 'auth');
      assert.match(error.message, new RegExp(`enable the ${id.endsWith('video') ? 'Video' : 'Voice'} scope`));
    });
  }

  it('voice: discarded logs appear only with include_deleted, carry only id and dates and are flagged, not given a status', async () => {
    const without = await connection.stream('signalwire.voice').fetchPage({ filters: {}, pageSize: 1000 });
    assert.ok(without.rows.every((r) => r.fields.discarded === false));
    const withDeleted = await connection.stream('signalwire.voice').fetchPage({ filters: { include_deleted: true }, pageSize: 1000 });
    const discarded = withDeleted.rows.filter((r) => r.fields.discarded_at !== undefined);
    assert.ok(discarded.length > 0);
    assert.deepEqual(Object.keys(discarded[0].fields).sort(), ['created_at', 'discarded', 'discarded_at', 'id']);
    assert.ok(discarded.every((r) => r.fields.discarded === true && r.fields.status === undefined));
    const types = new Set(withDeleted.rows.map((r) => r.fields.type).filter(Boolean));
    assert.ok(types.size >= 6, [...types].join());
  });

  it('voice: a status filter keeps the discarded logs (they have no status; their own toggle governs them)', async () => {
    const all = await connection.stream('signalwire.voice').fetchPage({ filters: { include_deleted: true }, pageSize: 1000 });
    const page = await connection.stream('signalwire.voice').fetchPage({ filters: { include_deleted: true, status: ['completed'] }, pageSize: 1000 });
    const discardedIds = (rows: typeof page.rows) => rows.filter((r) => r.fields.discarded === true).map((r) => r.id);
    assert.ok(discardedIds(all.rows).length > 0);
    assert.deepEqual(discardedIds(page.rows), discardedIds(all.rows));
    assert.ok(page.rows.every((r) => r.fields.discarded === true || r.fields.status === 'completed'));
  });

  it('voice: direction and status filters are local and do not change the query', async () => {
    const page = await connection.stream('signalwire.voice').fetchPage({ filters: { direction: ['inbound'], status: ['failed', 'busy'] }, pageSize: 500 });
    assert.equal(last().url, '/api/voice/logs?page_size=500');
    assert.ok(page.rows.length > 0);
    assert.ok(page.rows.every((r) => r.fields.direction === 'inbound' && ['failed', 'busy'].includes(String(r.fields.status))));
    assert.ok(page.next);
  });

  it('voice: type and phone number filters are local (the API has none)', async () => {
    const all = await connection.stream('signalwire.voice').fetchPage({ filters: {}, pageSize: 500 });
    const number = String(all.rows.find((r) => r.fields.type === 'laml_call')?.fields.to);
    const part = number.slice(-4);
    const page = await connection.stream('signalwire.voice').fetchPage({ filters: { type: ['laml_call', 'relay_sip_call'], phone: part }, pageSize: 500 });
    assert.equal(last().url, '/api/voice/logs?page_size=500');
    const expected = all.rows.filter(
      (r) => ['laml_call', 'relay_sip_call'].includes(String(r.fields.type)) && (String(r.fields.from).includes(part) || String(r.fields.to).includes(part)),
    );
    assert.ok(expected.length > 0);
    assert.deepEqual(page.rows.map((r) => r.id), expected.map((r) => r.id));
  });

  it('video: type and status filters are local lists of exact values', async () => {
    const page = await connection.stream('signalwire.video').fetchPage({ filters: { type: 'video_room_session', status: 'failed, CANCELED' }, pageSize: 500 });
    assert.equal(last().url, '/api/video/logs?page_size=500');
    assert.ok(page.rows.length > 0);
    assert.ok(page.rows.every((r) => r.fields.type === 'video_room_session' && ['failed', 'canceled'].includes(String(r.fields.status))));
  });

  it('video: the spec example is the oldest row; room filter is local', async () => {
    let oldest;
    for await (const page of connection.stream('signalwire.video').pages({ filters: { room_name: 'MY_ROOM' }, pageSize: 1000 })) {
      assert.ok(page.rows.every((r) => r.fields.room_name === 'my_room'));
      oldest = page.rows.at(-1);
    }
    assert.equal(oldest?.id, 'c22d24f6-5a47-4597-9a23-c7d01e696b92');
    assert.deepEqual(oldest?.fields.charge_details, [{ description: 'Video conference session charge', charge: 0.005 }]);
  });

  it('page_size above 1000 is clamped; the server rejects it otherwise (422 with attribute)', async () => {
    await connection.stream('signalwire.video').fetchPage({ filters: {}, pageSize: 5000 });
    assert.equal(last().url, '/api/video/logs?page_size=1000');
    const error = await providerErrorOf(connection.stream('signalwire.video').fetchPage({ filters: {}, cursor: `${server.baseUrl}/api/video/logs?page_size=1001` }));
    assert.equal(error.kind, 'invalid');
    assert.equal(error.message, 'SignalWire refused the request (422): page_size: page_size must be between 1 and 1000');
  });

  it('refuses a next link to another endpoint without sending anything anywhere', async () => {
    const mark = server.requests.length;
    const error = await providerErrorOf(
      connection.stream('signalwire.video').fetchPage({ filters: {}, cursor: 'https://example.signalwire.com/api/video/rooms?page=3' }),
    );
    assert.equal(error.kind, 'badResponse');
    assert.match(error.message, /not to the video logs under/);
    assert.equal(server.requests.length, mark);
  });

  it('a repeating links.next stops paging; wrong types name the field', async () => {
    server.setFault('repeatingCursor');
    const mark = server.requests.length;
    const pages = [];
    for await (const page of connection.stream('signalwire.voice').pages({ filters: {}, pageSize: 50 })) {
      pages.push(page);
    }
    assert.equal(pages.length, 1);
    assert.ok(server.requests.length - mark <= 2);
    server.setFault('wrongTypes');
    const error = await providerErrorOf(connection.stream('signalwire.video').fetchPage({ filters: {} }));
    assert.equal(error.details.fieldPath, 'data[1].created_at');
  });

  it('testConnection passes when only one scope is granted, fails on 401', async () => {
    server.setFault('forbidden', { pathIncludes: '/api/voice/' });
    await connection.testConnection();
    server.setFault('unauthorized');
    assert.equal((await providerErrorOf(connection.testConnection())).kind, 'auth');
  });
});
