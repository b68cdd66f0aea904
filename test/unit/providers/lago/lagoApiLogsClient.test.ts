import { strict as assert } from 'node:assert';
import type { ProviderConnection } from '../../../../src/providers/connection';
import { nextDay } from '../../../../src/providers/lago/lagoApiLogsClient';
import { startFakeServer, type FakeProviderServer } from '../../../../src/sample/fakeServers';
import { connect, providerErrorOf } from '../clientTestSupport';

describe('Lago API logs client', function () {
  this.timeout(20_000);
  let server: FakeProviderServer;
  let connection: ProviderConnection;
  const now = Date.parse('2026-06-10T12:00:00Z');

  before(async () => {
    server = await startFakeServer('lago', { seed: 5, rowCount: 600, now });
    connection = connect(server);
  });
  after(async () => {
    connection.dispose();
    await server.close();
  });
  beforeEach(() => server.setFault(undefined));

  const last = () => server.requests.at(-1)!;
  const stream = () => connection.stream('lago.api');

  it('first page: page=1, per_page, total from meta', async () => {
    const page = await stream().fetchPage({ filters: {}, pageSize: 40 });
    assert.equal(last().url, '/api/v1/api_logs?page=1&per_page=40');
    assert.equal(page.rows.length, 40);
    assert.equal(page.next, '2');
    assert.equal(page.total, 601);
    const row = page.rows[0];
    assert.match(String(row.fields.http_method), /^(POST|PUT|DELETE)$/);
    assert.equal(typeof row.fields.logged_at, 'number');
    assert.deepEqual(Object.keys(row.fields.request as object), ['request_id', 'origin', 'client', 'api_version']);
  });

  it('second page by page number; pages() reaches the spec example at the end', async () => {
    const second = await stream().fetchPage({ filters: {}, pageSize: 100, cursor: '2' });
    assert.equal(last().url, '/api/v1/api_logs?page=2&per_page=100');
    assert.equal(second.next, '3');
    const ids: string[] = [];
    for await (const page of stream().pages({ filters: {}, pageSize: 100 })) {
      ids.push(...page.rows.map((r) => r.id));
    }
    assert.equal(ids.length, 601);
    assert.equal(ids.at(-1), '1a901a90-1a90-1a90-1a90-1a901a901a90');
  });

  it('maps every filter to its exact query parameter (to_date sent as the next day)', async () => {
    const filters = {
      from_date: '2026-06-08', to_date: '2026-06-09', http_methods: ['post', 'PUT'], http_statuses: 'failed, 404',
      api_version: 'v1', request_paths: '/customers',
    };
    const page = await stream().fetchPage({ filters, pageSize: 100 });
    assert.equal(
      last().url,
      '/api/v1/api_logs?page=1&per_page=100&from_date=2026-06-08&to_date=2026-06-10&http_methods%5B%5D=post&http_methods%5B%5D=put&http_statuses%5B%5D=failed&http_statuses%5B%5D=404&api_version=v1&request_paths=%2Fcustomers',
    );
    assert.ok(page.rows.length > 0);
    for (const row of page.rows) {
      assert.ok(['POST', 'PUT'].includes(String(row.fields.http_method)));
      assert.ok(Number(row.fields.http_status) >= 400);
      assert.ok(String(row.fields.request_path).includes('/customers'));
      const day = new Date(row.time).toISOString().slice(0, 10);
      assert.ok(day === '2026-06-08' || day === '2026-06-09', day);
    }
  });

  it('nextDay handles month ends and rejects non-dates', () => {
    assert.equal(nextDay('2026-02-28'), '2026-03-01');
    assert.equal(nextDay('2024-12-31'), '2025-01-01');
    assert.throws(() => nextDay('31/12/2024'), /YYYY-MM-DD/);
  });

  it('403 feature_unavailable explains the premium plan (also from testConnection)', async () => {
    server.setFault('featureUnavailable');
    const error = await providerErrorOf(connection.testConnection());
    assert.equal(error.kind, 'auth');
    assert.equal(error.details.code, 'feature_unavailable');
    assert.match(error.message, /premium plan/);
    assert.match(error.message, /API key itself is fine/);
  });

  it('a plain 403 and a wrong key stay generic auth errors', async () => {
    server.setFault('forbidden', { count: 1 });
    assert.equal((await providerErrorOf(stream().fetchPage({ filters: {} }))).message, 'Lago denied access (403): Forbidden');
    server.setFault('unauthorized', { count: 1 });
    assert.equal((await providerErrorOf(stream().fetchPage({ filters: {} }))).message, 'Lago rejected the credentials (401): Unauthorized');
  });

  it("a validation error keeps Lago's code; the request is not retried", async () => {
    const mark = server.requests.length;
    const error = await providerErrorOf(stream().fetchPage({ filters: { http_statuses: '999' } }));
    assert.equal(error.kind, 'invalid');
    assert.equal(error.details.code, 'validation_errors');
    assert.equal(server.requests.length - mark, 1);
  });

  it('429 honours X-RateLimit-Reset when there is no Retry-After', async () => {
    server.setFault('rateLimited', { count: 1, retryAfterSeconds: null });
    const started = Date.now();
    const page = await stream().fetchPage({ filters: {}, pageSize: 1 });
    assert.equal(page.rows.length, 1);
    assert.ok(Date.now() - started >= 950);
  });

  it('wrong field types name the field', async () => {
    server.setFault('wrongTypes');
    const error = await providerErrorOf(stream().fetchPage({ filters: {} }));
    assert.equal(error.kind, 'badResponse');
    assert.equal(error.details.fieldPath, 'api_logs[1].http_status');
  });

  it('skips empty pages in the middle and stops on a repeated page number', async () => {
    server.setFault('emptyPages', { count: 2 });
    const rows: number[] = [];
    for await (const page of stream().pages({ filters: {}, pageSize: 100 })) {
      rows.push(page.rows.length);
    }
    assert.deepEqual(rows, [100, 100, 100, 100, 1]);
    server.setFault('repeatingCursor');
    const mark = server.requests.length;
    let yielded = 0;
    for await (const page of stream().pages({ filters: {}, pageSize: 100 })) {
      yielded += page.rows.length;
    }
    assert.equal(yielded, 100);
    assert.equal(server.requests.length - mark, 1);
  });
});
