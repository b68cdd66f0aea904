import { strict as assert } from 'node:assert';
import { get } from 'node:http';
import { startFakeServer, type FakeProviderServer } from '../../../src/sample/fakeServers';

interface Answer {
  readonly status: number;
  readonly headers: Record<string, string | string[] | undefined>;
  readonly body: string;
}

function fetchRaw(url: string, authorization: string): Promise<Answer> {
  return new Promise((resolve, reject) => {
    get(url, { headers: { authorization } }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks).toString() }));
      response.on('error', reject);
    }).on('error', reject);
  });
}

describe('fake servers: network profile', function () {
  this.timeout(20_000);
  const servers: FakeProviderServer[] = [];
  const start = async (...args: Parameters<typeof startFakeServer>) => {
    const server = await startFakeServer(...args);
    servers.push(server);
    return server;
  };
  afterEach(async () => {
    await Promise.all(servers.splice(0).map((server) => server.close()));
  });

  it('answers no sooner than its latency', async () => {
    const server = await start('daily', { rowCount: 10, network: { latencyMs: 120 } });
    const started = performance.now();
    const answer = await fetchRaw(`${server.baseUrl}/logs/api?limit=5`, `Bearer ${server.token}`);
    assert.equal(answer.status, 200);
    assert.ok(performance.now() - started >= 115, `answered after ${performance.now() - started} ms`);
  });

  it("Lago: sends X-RateLimit-* with every answer and 429 once the window's budget is spent", async () => {
    const server = await start('lago', { rowCount: 10, network: { rateLimit: { requests: 3, windowMs: 60_000 } } });
    const answers: Answer[] = [];
    for (let i = 0; i < 5; i++) answers.push(await fetchRaw(`${server.baseUrl}/api_logs?page=1`, `Bearer ${server.token}`));
    assert.deepEqual(answers.map((a) => a.status), [200, 200, 200, 429, 429]);
    assert.deepEqual(answers.map((a) => a.headers['x-ratelimit-remaining']), ['2', '1', '0', '0', '0']);
    assert.ok(answers.every((a) => a.headers['x-ratelimit-limit'] === '3' && Number(a.headers['x-ratelimit-reset']) >= 59));
    assert.equal(JSON.parse(answers[3].body).error, 'Too Many Requests');
    assert.deepEqual(server.counts, { requests: 5, rateLimited: 2 });
  });

  it("Daily: answers Daily's 429 body without rate-limit headers or Retry-After past its limit", async () => {
    const server = await start('daily', { rowCount: 10, network: { rateLimit: { requests: 2, windowMs: 60_000 } } });
    const answers: Answer[] = [];
    for (let i = 0; i < 4; i++) answers.push(await fetchRaw(`${server.baseUrl}/logs/api?limit=1`, `Bearer ${server.token}`));
    assert.deepEqual(answers.map((a) => a.status), [200, 200, 429, 429]);
    assert.equal(JSON.parse(answers[2].body).error, 'rate-limit-error');
    assert.ok(answers.every((a) => a.headers['x-ratelimit-remaining'] === undefined && a.headers['retry-after'] === undefined));
    assert.deepEqual(server.counts, { requests: 4, rateLimited: 2 });
  });

  it("rateLimit: true enforces the provider's own limit (Lago: 100 a second, in its headers)", async () => {
    const server = await start('lago', { rowCount: 10, network: { rateLimit: true } });
    const answer = await fetchRaw(`${server.baseUrl}/api_logs?page=1`, `Bearer ${server.token}`);
    assert.equal(answer.headers['x-ratelimit-limit'], '100');
    assert.equal(answer.headers['x-ratelimit-reset'], '1');
  });

  it('enforces no limit and adds no latency by default', async () => {
    const server = await start('lago', { rowCount: 10 });
    const answers = await Promise.all(Array.from({ length: 120 }, () => fetchRaw(`${server.baseUrl}/api_logs?page=1`, `Bearer ${server.token}`)));
    assert.ok(answers.every((a) => a.status === 200 && a.headers['x-ratelimit-remaining'] === undefined));
    assert.deepEqual(server.counts, { requests: 120, rateLimited: 0 });
  });
});
