import { strict as assert } from 'node:assert';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { HttpClient, type HttpClientOptions } from '../../../src/http/httpClient';
import { startFakeServer, type FakeProviderServer } from '../../../src/sample/fakeServers';
import { MemoryLogger, providerErrorOf } from '../providers/clientTestSupport';
import { until } from '../../support/until';

describe('HttpClient against a local server', function () {
  this.timeout(20_000);
  let server: FakeProviderServer;
  let logger: MemoryLogger;

  before(async () => {
    server = await startFakeServer('daily', { seed: 7, rowCount: 300 });
  });
  after(() => server.close());
  beforeEach(() => {
    server.setFault(undefined);
    logger = new MemoryLogger();
  });

  function client(options: Partial<HttpClientOptions> = {}): HttpClient {
    return new HttpClient({
      label: 'Daily',
      baseUrl: server.baseUrl,
      authorization: `Bearer ${server.token}`,
      secrets: [server.token],
      timeoutMs: 5000,
      logger,
      retryBaseDelayMs: 1,
      ...options,
    });
  }

  async function countRequests(action: () => Promise<unknown>): Promise<number> {
    const mark = server.requests.length;
    await action().catch(() => undefined);
    return server.requests.length - mark;
  }

  it('sends the auth header, User-Agent and Accept, and returns the parsed JSON', async () => {
    const body = await client({ userAgent: 'api-logs-explorer-test/1' }).getJson('/logs/api', [['limit', '2']]);
    assert.equal((body as unknown[]).length, 2);
    const request = server.requests.at(-1)!;
    assert.equal(request.headers.authorization, `Bearer ${server.token}`);
    assert.equal(request.headers['user-agent'], 'api-logs-explorer-test/1');
    assert.equal(request.headers.accept, 'application/json');
    assert.equal(request.url, '/v1/logs/api?limit=2');
  });

  it('retries 500, 502 and resets up to 3 times, then fails with the right kind', async () => {
    for (const [fault, kind] of [['serverError', 'server'], ['badGatewayHtml', 'server'], ['connectionReset', 'network']] as const) {
      server.setFault(fault);
      const mark = server.requests.length;
      const error = await providerErrorOf(client().getJson('/logs/api'));
      assert.equal(error.kind, kind, fault);
      assert.equal(server.requests.length - mark, 4, fault);
    }
  });

  it('recovers when a retry succeeds', async () => {
    server.setFault('serverError', { count: 2 });
    const mark = server.requests.length;
    const body = await client().getJson('/logs/api', [['limit', '1']]);
    assert.equal((body as unknown[]).length, 1);
    assert.equal(server.requests.length - mark, 3);
  });

  it('never retries auth, invalid, notFound or bad bodies', async () => {
    const cases = [
      ['unauthorized', 'auth'], ['forbidden', 'auth'], ['unprocessable', 'invalid'], ['notFound', 'notFound'],
      ['malformedJson', 'badResponse'],
    ] as const;
    for (const [fault, kind] of cases) {
      server.setFault(fault);
      const mark = server.requests.length;
      const error = await providerErrorOf(client().getJson('/logs/api'));
      assert.equal(error.kind, kind, fault);
      assert.equal(server.requests.length - mark, 1, fault);
    }
  });

  it('honours Retry-After on 429', async () => {
    server.setFault('rateLimited', { count: 1, retryAfterSeconds: 1 });
    const started = Date.now();
    await client().getJson('/logs/api', [['limit', '1']]);
    assert.ok(Date.now() - started >= 950, 'waited for Retry-After');
  });

  it('backs off without Retry-After and reports rateLimited when it persists', async () => {
    server.setFault('rateLimited', { retryAfterSeconds: null });
    let error: unknown;
    const count = await countRequests(() => client({ maxRetries: 2 }).getJson('/logs/api').catch((e) => Promise.reject((error = e))));
    assert.equal(count, 3);
    assert.equal((error as { kind: string }).kind, 'rateLimited');
  });

  it('does not retry when the server asks for a longer wait than allowed', async () => {
    server.setFault('rateLimited', { retryAfterSeconds: 120 });
    assert.equal(await countRequests(() => client().getJson('/logs/api')), 1);
  });

  it('times out slow responses as network errors (retried)', async () => {
    server.setFault('slow', { delayMs: 400 });
    const mark = server.requests.length;
    const error = await providerErrorOf(client({ timeoutMs: 100, maxRetries: 1 }).getJson('/logs/api'));
    assert.equal(error.kind, 'network');
    assert.match(error.message, /timed out/);
    assert.equal(server.requests.length - mark, 2);
  });

  it('cancels through an AbortSignal without retrying', async () => {
    // The server would hold the answer for ten minutes: only the abort can end the request.
    server.setFault('slow', { delayMs: 600_000 });
    const controller = new AbortController();
    const mark = server.requests.length;
    const pending = client().getJson('/logs/api', [], controller.signal);
    await until(() => server.requests.length > mark);
    controller.abort();
    const error = await providerErrorOf(pending);
    assert.equal(error.kind, 'cancelled');
    assert.equal(server.requests.length - mark, 1);
  });

  it('dispose cancels requests in flight', async () => {
    server.setFault('slow', { delayMs: 600_000 });
    const http = client();
    const mark = server.requests.length;
    const pending = http.getJson('/logs/api');
    await until(() => server.requests.length > mark);
    http.dispose();
    assert.equal((await providerErrorOf(pending)).kind, 'cancelled');
  });

  it('limits concurrent requests per connection', async () => {
    server.setFault('slow', { delayMs: 100 });
    const http = client({ maxConcurrent: 2 });
    const mark = server.requests.length;
    await Promise.all(Array.from({ length: 6 }, () => http.getJson('/logs/api', [['limit', '1']])));
    const concurrency = server.requests.slice(mark).map((request) => request.concurrent);
    assert.equal(concurrency.length, 6);
    assert.equal(Math.max(...concurrency), 2);
  });

  it('classifies a 502 HTML page as a server error', async () => {
    server.setFault('badGatewayHtml');
    const error = await providerErrorOf(client({ maxRetries: 0 }).getJson('/logs/api'));
    assert.equal(error.details.status, 502);
    assert.equal(error.message, 'Daily had a server error (502).');
  });

  it('copes with a 10 MB page', async () => {
    server.setFault('hugePage');
    const body = (await client().getJson('/logs/api', [['limit', '50']])) as { notes: string }[];
    assert.equal(body.length, 50);
    assert.ok(body.reduce((sum, row) => sum + row.notes.length, 0) >= 10 * 1024 * 1024);
  });

  it('logs requests at debug level without the token or bodies', async () => {
    const http = client();
    await http.getJson('/logs/api', [['limit', '3']]);
    server.setFault('unauthorized', { count: 1 });
    await http.getJson('/logs/api').catch(() => undefined);
    const text = logger.lines.join('\n');
    assert.match(text, /debug GET http:\/\/127\.0\.0\.1:\d+\/v1\/logs\/api\?limit=3 → 200 in \d+ ms/);
    assert.match(text, /→ 401/);
    assert.ok(!text.includes(server.token), 'token logged');
    assert.ok(!/authorization|bearer/i.test(text), 'auth header logged');
    assert.ok(!text.includes('"createdAt"'), 'body logged');
  });

  describe('redirects and other hosts', () => {
    let elsewhere: Server;
    let elsewhereUrl: string;
    const seen: (string | undefined)[] = [];

    before(async () => {
      elsewhere = createServer((request, response) => {
        seen.push(request.headers.authorization);
        response.end('[]');
      });
      await new Promise<void>((resolve) => elsewhere.listen(0, '127.0.0.1', resolve));
      elsewhereUrl = `http://localhost:${(elsewhere.address() as AddressInfo).port}/steal`;
    });
    after(() => new Promise<void>((resolve) => elsewhere.close(() => resolve())));

    it('does not follow a redirect, so the Authorization header never reaches another host', async () => {
      server.setFault('redirect', { location: elsewhereUrl });
      const error = await providerErrorOf(client().getJson('/logs/api'));
      assert.equal(error.kind, 'badResponse');
      assert.match(error.message, /redirect \(302\)/);
      assert.deepEqual(seen, []);
    });

    it('refuses an absolute URL on another origin', async () => {
      const error = await providerErrorOf(client().getJson(elsewhereUrl));
      assert.equal(error.kind, 'badResponse');
      assert.match(error.message, /another host/);
      assert.deepEqual(seen, []);
    });
  });
});
