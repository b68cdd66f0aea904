import { strict as assert } from 'node:assert';
import type { ProviderConnection } from '../../../../src/providers/connection';
import { startFakeServer, type FakeProviderServer } from '../../../../src/sample/fakeServers';
import { connect, providerErrorOf } from '../clientTestSupport';

describe('SignalWire voice call events', function () {
  this.timeout(20_000);
  let server: FakeProviderServer;
  let connection: ProviderConnection;

  before(async () => {
    server = await startFakeServer('signalwire', { seed: 9, rowCount: 200 });
    connection = connect(server, { maxRetries: 0 });
  });
  after(async () => {
    connection.dispose();
    await server.close();
  });
  beforeEach(() => server.setFault(undefined));

  const calls = async () => (await connection.stream('signalwire.voice').fetchPage({ filters: {}, pageSize: 200 })).rows;

  it('GET /api/voice/logs/{id}/events: event_at, level, name and details, oldest first', async () => {
    const failed = (await calls()).find((row) => row.fields.status === 'failed')!;
    const events = await connection.listCallEvents!(failed.id);
    assert.equal(server.requests.at(-1)!.url, `/api/voice/logs/${failed.id}/events?page_size=1000`);
    assert.deepEqual(events.map((event) => event.name), ['call.created', 'call.ringing', 'call.failed']);
    assert.equal(events[0].time, failed.time);
    assert.ok(events.every((event, index) => index === 0 || event.time >= events[index - 1].time));
    assert.equal(events[2].level, 'error');
    assert.deepEqual(events[2].details, { reason: 'sip 503 service unavailable', duration: failed.fields.duration });
  });

  it('the same error model as the streams: kinds, readable messages, validated bodies', async () => {
    const call = (await calls())[0];
    server.setFault('forbidden', { count: 1 });
    const forbidden = await providerErrorOf(connection.listCallEvents!(call.id));
    assert.equal(forbidden.kind, 'auth');
    assert.match(forbidden.message, /enable the Voice scope/);
    server.setFault('wrongTypes', { count: 1 });
    const invalid = await providerErrorOf(connection.listCallEvents!(call.id));
    assert.equal(invalid.kind, 'badResponse');
    assert.equal(invalid.details.fieldPath, 'data[1].event_at');
    const missing = await providerErrorOf(connection.listCallEvents!('no-such-call'));
    assert.equal(missing.kind, 'notFound');
    assert.deepEqual((await connection.listCallEvents!(call.id)).length > 0, true, 'works again after the faults');
  });
});
