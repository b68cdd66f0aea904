import { strict as assert } from 'node:assert';
import { toConnectionConfig } from '../../../src/connections/connectionConfig';
import { createProviderConnection } from '../../../src/providers/providerRegistry';
import { startFakeServer, type FakeProviderServer } from '../../../src/sample/fakeServers';
import { MemoryLogger, fastOptions } from '../providers/clientTestSupport';

describe('Lago self-hosted URL', () => {
  let server: FakeProviderServer;
  let origin: string;

  before(async () => {
    server = await startFakeServer('lago', { rowCount: 20 });
    origin = server.baseUrl.replace(/\/api\/v1$/, '');
  });
  after(() => server.close());

  for (const spelling of ['', '/', '/api/v1', '/api/v1/', '/API/V1//']) {
    it(`"<server>${spelling}" reaches /api/v1/api_logs exactly once per request`, async () => {
      const mark = server.requests.length;
      const config = toConnectionConfig({ provider: 'lago', region: 'selfHosted', selfHostedUrl: `${origin}${spelling}` }, server.token);
      const connection = createProviderConnection(config, fastOptions, new MemoryLogger());
      try {
        await connection.testConnection();
      } finally {
        connection.dispose();
      }
      assert.deepEqual(server.requests.slice(mark).map((request) => request.pathname), ['/api/v1/api_logs']);
    });
  }
});
