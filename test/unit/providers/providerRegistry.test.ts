import { strict as assert } from 'node:assert';
import { ProviderError } from '../../../src/http/providerError';
import { createProviderConnection, defaultBaseUrl, streamDefinitionsFor } from '../../../src/providers/providerRegistry';
import { startSampleServers, type SampleServers } from '../../../src/sample/fakeServers';
import { MemoryLogger, connect, fastOptions, providerErrorOf } from './clientTestSupport';

describe('providerRegistry', function () {
  this.timeout(20_000);
  let sample: SampleServers;

  before(async () => {
    sample = await startSampleServers({ rowCount: 50 });
  });
  after(() => sample.close());

  it('lists the streams per provider in tree order', () => {
    assert.deepEqual(streamDefinitionsFor('daily').map((s) => s.id), ['daily.api', 'daily.webhook', 'daily.meeting']);
    assert.deepEqual(streamDefinitionsFor('lago').map((s) => s.id), ['lago.api']);
    assert.deepEqual(streamDefinitionsFor('signalwire').map((s) => s.id), ['signalwire.video', 'signalwire.voice']);
  });

  it('knows the default base URLs', () => {
    assert.equal(defaultBaseUrl('daily'), 'https://api.daily.co/v1');
    assert.equal(defaultBaseUrl('lago'), 'https://api.getlago.com/api/v1');
    assert.equal(defaultBaseUrl('lago', 'eu'), 'https://api.eu.getlago.com/api/v1');
    assert.equal(defaultBaseUrl('lago', 'https://lago.acme.internal/'), 'https://lago.acme.internal/api/v1');
    assert.equal(defaultBaseUrl('signalwire', 'Acme'), 'https://acme.signalwire.com');
  });

  it('rejects a plain-http base URL off loopback before any request', () => {
    assert.throws(
      () => createProviderConnection({ provider: 'daily', baseUrl: 'http://api.daily.co/v1', secret: 'k' }, fastOptions, new MemoryLogger()),
      (e: unknown) => e instanceof ProviderError && e.kind === 'invalid',
    );
  });

  it('testConnection makes one limit=1 request per provider with working credentials', async () => {
    const expected = { daily: '/v1/logs/api?source=api&limit=1', lago: '/api/v1/api_logs?page=1&per_page=1', signalwire: '/api/voice/logs?page_size=1' };
    for (const server of Object.values(sample.servers)) {
      const mark = server.requests.length;
      const connection = connect(server);
      await connection.testConnection();
      assert.deepEqual(server.requests.slice(mark).map((r) => r.url), [expected[server.provider]]);
      connection.dispose();
    }
  });

  it('testConnection fails as auth with a wrong secret, for every provider', async () => {
    for (const server of Object.values(sample.servers)) {
      const error = await providerErrorOf(connect(server, {}, new MemoryLogger(), 'wrong-secret').testConnection());
      assert.equal(error.kind, 'auth', server.provider);
    }
  });

  it('an unknown stream id is notFound; stream() returns the same client twice', () => {
    const connection = connect(sample.servers.lago);
    assert.equal(connection.stream('lago.api'), connection.stream('lago.api'));
    assert.throws(() => connection.stream('daily.api'), (e: unknown) => e instanceof ProviderError && e.kind === 'notFound');
  });

  it('only Daily offers meeting sessions', () => {
    assert.equal(typeof connect(sample.servers.daily).listMeetingSessions, 'function');
    assert.equal(connect(sample.servers.lago).listMeetingSessions, undefined);
  });
});
