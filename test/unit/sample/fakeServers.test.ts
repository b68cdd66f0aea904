import { strict as assert } from 'node:assert';
import { get } from 'node:http';
import { startFakeServer, startSampleServers, type FakeProviderServer } from '../../../src/sample/fakeServers';

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

function fetchRaw(url: string, authorization?: string): Promise<Answer> {
  return new Promise((resolve, reject) => {
    get(url, { headers: authorization ? { authorization } : {} }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks).toString() }));
      response.on('error', reject);
    }).on('error', reject);
  });
}

const bearer = (server: FakeProviderServer) => `Bearer ${server.token}`;

describe('fake provider servers', function () {
  this.timeout(20_000);

  it('start on 127.0.0.1 with random tokens and the documented base URLs', async () => {
    const sample = await startSampleServers();
    try {
      const { daily, lago, signalwire } = sample.servers;
      assert.match(daily.baseUrl, /^http:\/\/127\.0\.0\.1:\d+\/v1$/);
      assert.match(lago.baseUrl, /^http:\/\/127\.0\.0\.1:\d+\/api\/v1$/);
      assert.match(signalwire.baseUrl, /^http:\/\/127\.0\.0\.1:\d+$/);
      assert.ok(signalwire.projectId && daily.projectId === undefined);
      assert.equal(new Set([daily.token, lago.token, signalwire.token]).size, 3);
      assert.ok(daily.token.length >= 20);
    } finally {
      await sample.close();
    }
  });

  describe('auth checks', () => {
    it('Daily: 400 authorization-header-error without Bearer, 401 authentication-error for a wrong key', async () => {
      const server = await startFakeServer('daily', { token: 'k1' });
      try {
        const missing = await fetchRaw(`${server.baseUrl}/logs/api`);
        assert.equal(missing.status, 400);
        assert.equal(JSON.parse(missing.body).error, 'authorization-header-error');
        const wrong = await fetchRaw(`${server.baseUrl}/logs/api`, 'Bearer nope');
        assert.deepEqual([wrong.status, JSON.parse(wrong.body).error], [401, 'authentication-error']);
        assert.equal((await fetchRaw(`${server.baseUrl}/logs/api`, 'Bearer k1')).status, 200);
      } finally {
        await server.close();
      }
    });

    it('Lago and SignalWire: 401 with their bodies', async () => {
      const lago = await startFakeServer('lago');
      const signalwire = await startFakeServer('signalwire');
      try {
        const l = await fetchRaw(`${lago.baseUrl}/api_logs`, 'Bearer nope');
        assert.deepEqual([l.status, JSON.parse(l.body)], [401, { status: 401, error: 'Unauthorized' }]);
        const s = await fetchRaw(`${signalwire.baseUrl}/api/video/logs`, `Basic ${Buffer.from(`${signalwire.projectId}:nope`).toString('base64')}`);
        assert.deepEqual([s.status, JSON.parse(s.body)], [401, { error: 'Unauthorized' }]);
      } finally {
        await Promise.all([lago.close(), signalwire.close()]);
      }
    });
  });

  describe('data', () => {
    it('is seeded: same seed and clock, same rows; different seed, different rows', async () => {
      const now = Date.parse('2026-05-01T00:00:00Z');
      const [a, b, c] = await Promise.all([1, 1, 2].map((seed) => startFakeServer('lago', { seed, now, token: 't' })));
      try {
        const bodies = await Promise.all([a, b, c].map((s) => fetchRaw(`${s.baseUrl}/api_logs?per_page=5`, 'Bearer t')));
        assert.equal(bodies[0].body, bodies[1].body);
        assert.notEqual(bodies[0].body, bodies[2].body);
      } finally {
        await Promise.all([a, b, c].map((s) => s.close()));
      }
    });

    it('spans several days with thousands of rows and errors among them', async () => {
      const server = await startFakeServer('daily', { seed: 4 });
      try {
        const rows: { status: number; createdAt: string }[] = [];
        let cursor = '';
        for (let i = 0; i < 30; i++) {
          const page = JSON.parse((await fetchRaw(`${server.baseUrl}/logs/api?limit=100${cursor}`, bearer(server))).body);
          rows.push(...page);
          if (page.length < 100) break;
          cursor = `&starting_after=${page.at(-1).id}`;
        }
        assert.ok(rows.length >= 2500, String(rows.length));
        const generated = rows.filter((r) => !r.createdAt.startsWith('2024-03-15'));
        const days = (Date.parse(generated[0].createdAt) - Date.parse(generated.at(-1)!.createdAt)) / 86_400_000;
        assert.ok(days > 5 && days < 8, String(days));
        const errors = rows.filter((r) => r.status >= 400).length;
        assert.ok(errors > rows.length * 0.05 && errors < rows.length * 0.3, String(errors));
      } finally {
        await server.close();
      }
    });
  });

  describe('faults', () => {
    let server: FakeProviderServer;
    before(async () => {
      server = await startFakeServer('lago', { rowCount: 50 });
    });
    after(() => server.close());
    const url = (query = '') => `${server.baseUrl}/api_logs${query}`;

    it('count limits a fault to the next N requests; pathIncludes to matching ones', async () => {
      server.setFault('serverError', { count: 2 });
      const statuses = [];
      for (let i = 0; i < 3; i++) statuses.push((await fetchRaw(url(), bearer(server))).status);
      assert.deepEqual(statuses, [500, 500, 200]);
      server.setFault('notFound', { pathIncludes: 'page=2' });
      assert.equal((await fetchRaw(url('?page=1'), bearer(server))).status, 200);
      assert.equal((await fetchRaw(url('?page=2'), bearer(server))).status, 404);
      server.setFault(undefined);
    });

    it('featureUnavailable answers the plan-gated 403 body; rateLimited carries the headers', async () => {
      server.setFault('featureUnavailable', { count: 1 });
      const forbidden = await fetchRaw(url(), bearer(server));
      assert.deepEqual([forbidden.status, JSON.parse(forbidden.body)], [403, { status: 403, error: 'Forbidden', code: 'feature_unavailable' }]);
      server.setFault('rateLimited', { count: 1, retryAfterSeconds: 3 });
      const limited = await fetchRaw(url(), bearer(server));
      assert.equal(limited.status, 429);
      assert.equal(limited.headers['retry-after'], '3');
      assert.equal(limited.headers['x-ratelimit-remaining'], '0');
    });

    it('badGatewayHtml, malformedJson and hugePage shape the body', async () => {
      server.setFault('badGatewayHtml', { count: 1 });
      const html = await fetchRaw(url(), bearer(server));
      assert.equal(html.status, 502);
      assert.match(String(html.headers['content-type']), /text\/html/);
      server.setFault('malformedJson', { count: 1 });
      const broken = await fetchRaw(url(), bearer(server));
      assert.throws(() => JSON.parse(broken.body));
      server.setFault('hugePage', { count: 1 });
      const huge = await fetchRaw(url(), bearer(server));
      assert.ok(huge.body.length >= 10 * 1024 * 1024);
      assert.equal(JSON.parse(huge.body).api_logs.length, 51, '50 generated rows and the spec example');
    });

    it('slow delays; connectionReset breaks the body', async () => {
      server.setFault('slow', { count: 1, delayMs: 150 });
      const started = Date.now();
      assert.equal((await fetchRaw(url(), bearer(server))).status, 200);
      assert.ok(Date.now() - started >= 140);
      server.setFault('connectionReset', { count: 1 });
      await assert.rejects(fetchRaw(url(), bearer(server)));
    });

    it('records every request with its headers and concurrency', async () => {
      const mark = server.requests.length;
      await fetchRaw(url('?page=1&per_page=3'), bearer(server));
      const [recorded] = server.requests.slice(mark);
      assert.equal(recorded.url, '/api/v1/api_logs?page=1&per_page=3');
      assert.equal(recorded.search, 'page=1&per_page=3');
      assert.equal(recorded.headers.authorization, bearer(server));
      assert.equal(recorded.concurrent, 1);
    });
  });
});
