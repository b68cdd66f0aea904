import { strict as assert } from 'node:assert';
import type { ProviderConnection } from '../../../../src/providers/connection';
import { startFakeServer, type FakeProviderServer } from '../../../../src/sample/fakeServers';
import { MemoryLogger, connect, providerErrorOf } from '../clientTestSupport';

describe('Daily API and webhook logs client', function () {
  this.timeout(20_000);
  let server: FakeProviderServer;
  let connection: ProviderConnection;

  before(async () => {
    server = await startFakeServer('daily', { seed: 3, rowCount: 450 });
    connection = connect(server);
  });
  after(async () => {
    connection.dispose();
    await server.close();
  });
  beforeEach(() => server.setFault(undefined));

  const last = () => server.requests.at(-1)!;

  it('first page: newest first, mapped rows, cursor = last id', async () => {
    const page = await connection.stream('daily.api').fetchPage({ filters: {}, pageSize: 50 });
    assert.equal(last().url, '/v1/logs/api?source=api&limit=50');
    assert.equal(page.rows.length, 50);
    assert.equal(page.next, page.rows[49].id);
    const times = page.rows.map((row) => row.time);
    assert.deepEqual(times, [...times].sort((a, b) => b - a));
    const row = page.rows[0];
    assert.equal(typeof row.fields.createdAt, 'number');
    assert.match(String(row.fields.method), /^[A-Z]+$/);
    assert.equal(row.fields.source, 'api');
  });

  it('second page continues after the cursor with starting_after', async () => {
    const stream = connection.stream('daily.api');
    const first = await stream.fetchPage({ filters: {}, pageSize: 20 });
    const second = await stream.fetchPage({ filters: {}, pageSize: 20, cursor: first.next });
    assert.equal(last().url, `/v1/logs/api?source=api&limit=20&starting_after=${first.next}`);
    assert.ok(second.rows[0].time <= first.rows[19].time);
    assert.equal(new Set([...first.rows, ...second.rows].map((row) => row.id)).size, 40);
  });

  it('pages() walks to the end (the spec examples are the oldest rows)', async () => {
    const ids: string[] = [];
    for await (const page of connection.stream('daily.api').pages({ filters: {} })) {
      ids.push(...page.rows.map((row) => row.id));
    }
    assert.equal(ids.length, 453);
    assert.deepEqual(ids.slice(-3), ['aaaaaaaa-0000-0000-0000-000000000001', 'aaaaaaaa-0000-0000-0000-000000000002', 'aaaaaaaa-0000-0000-0000-000000000003']);
  });

  it('maps the url filter and clamps the page size to 100', async () => {
    await connection.stream('daily.api').fetchPage({ filters: { url: '/v1/rooms' }, pageSize: 500 });
    assert.equal(last().url, '/v1/logs/api?source=api&url=%2Fv1%2Frooms&limit=100');
  });

  it('webhook logs send source=webhook and their url filter', async () => {
    const page = await connection.stream('daily.webhook').fetchPage({ filters: { url: 'https://hooks.example.com/daily' }, pageSize: 10 });
    assert.equal(last().url, '/v1/logs/api?source=webhook&url=https%3A%2F%2Fhooks.example.com%2Fdaily&limit=10');
    assert.ok(page.rows.every((row) => row.fields.url === 'https://hooks.example.com/daily' && row.fields.source === 'webhook'));
  });

  it('applies method and status filters locally (not sent to the API)', async () => {
    const page = await connection.stream('daily.api').fetchPage({ filters: { method: ['POST'], statusClass: ['4xx', '5xx'] }, pageSize: 100 });
    assert.equal(last().url, '/v1/logs/api?source=api&limit=100');
    assert.ok(page.rows.length > 0);
    assert.ok(page.rows.every((row) => row.fields.method === 'POST' && Number(row.fields.status) >= 400));
    assert.ok(page.next !== undefined, 'paging continues from the unfiltered page');
  });

  it('a wrong key is auth (401); a malformed header is auth too (400 authorization-header-error)', async () => {
    const wrong = connect(server, {}, new MemoryLogger(), 'not-the-key');
    const error = await providerErrorOf(wrong.stream('daily.api').fetchPage({ filters: {} }));
    assert.equal(error.kind, 'auth');
    assert.equal(error.message, 'Daily rejected the credentials (401): Invalid API key');
    const spaced = connect(server, {}, new MemoryLogger(), 'two words');
    const headerError = await providerErrorOf(spaced.testConnection());
    assert.equal(headerError.kind, 'auth');
    assert.equal(headerError.details.code, 'authorization-header-error');
  });

  const faults = [
    ['forbidden', 'auth', 'Daily denied access (403): This API key cannot read logs', 1],
    ['notFound', 'notFound', 'Daily has no such resource (404): No such resource', 1],
    ['unprocessable', 'invalid', 'Daily refused the request (422): limit must be a number', 1],
    ['rateLimited', 'rateLimited', 'Daily is rate limiting requests (429).', 4],
    ['serverError', 'server', 'Daily had a server error (500): Internal server error (serverError)', 4],
    ['badGatewayHtml', 'server', 'Daily had a server error (502).', 4],
    ['connectionReset', 'network', 'Could not reach Daily: the connection was reset before the response was complete.', 4],
    ['malformedJson', 'badResponse', 'Daily sent malformed JSON instead of a JSON response.', 1],
    ['wrongTypes', 'badResponse', 'Daily API logs has an unexpected shape at [1].status (matches none of the expected shapes).', 1],
  ] as const;
  for (const [fault, kind, message, requests] of faults) {
    it(`fault ${fault} → ${kind} after ${requests} request(s)`, async () => {
      server.setFault(fault, { retryAfterSeconds: 0 });
      const mark = server.requests.length;
      const error = await providerErrorOf(connection.stream('daily.api').fetchPage({ filters: {} }));
      assert.equal(error.kind, kind);
      assert.equal(error.message, message);
      assert.equal(server.requests.length - mark, requests);
    });
  }

  it('stops when the server ignores the cursor and repeats a page', async () => {
    server.setFault('repeatingCursor');
    const mark = server.requests.length;
    const pages = [];
    for await (const page of connection.stream('daily.api').pages({ filters: {}, pageSize: 30 })) {
      pages.push(page);
    }
    assert.equal(pages.length, 1, 'the repeated page is not yielded');
    assert.equal(server.requests.length - mark, 2);
  });

  it('an empty page ends the cursor stream', async () => {
    server.setFault('emptyPages');
    const page = await connection.stream('daily.api').fetchPage({ filters: {} });
    assert.deepEqual(page, { rows: [], next: undefined, total: undefined, scannedTo: undefined, repeatedCursor: false });
  });
});
