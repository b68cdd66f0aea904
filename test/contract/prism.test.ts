import { strict as assert } from 'node:assert';
import { request } from 'node:http';
import { ProviderError } from '../../src/http/providerError';
import type { PageRequest, ProviderConnection } from '../../src/providers/connection';
import { createProviderConnection } from '../../src/providers/providerRegistry';
import type { FilterValues, StreamId } from '../../src/protocol/streamDefinition';
import type { Logger } from '../../src/util/logging';
import { startPrism, type PrismMock } from './prismProcess';
import { writeSpecCopies } from './specCopies';
import { startViolationProxy, type ViolationProxy } from './violationProxy';

const silent: Logger = { trace() {}, debug() {}, info() {}, warn() {}, error() {}, child: () => silent };
const options = { timeoutMs: 10_000, retryBaseDelayMs: 1, maxRetries: 0 };

interface Mock {
  prism: PrismMock;
  proxy: ViolationProxy;
}

function rawGet(url: string, authorization?: string): Promise<number> {
  return new Promise((done, fail) => {
    request(url, { headers: authorization ? { authorization } : {} }, (response) => {
      response.resume();
      done(response.statusCode ?? 0);
    }).on('error', fail).end();
  });
}

/** Every exchange since `mark` succeeded without a single Prism violation. */
function assertClean(mock: Mock, mark: number, expectedRequests: number): void {
  const exchanges = mock.proxy.exchanges.slice(mark);
  assert.equal(exchanges.length, expectedRequests, JSON.stringify(exchanges));
  for (const exchange of exchanges) {
    assert.equal(exchange.violations, undefined, `${exchange.url}: ${exchange.violations}`);
    assert.equal(exchange.status, 200, exchange.url);
  }
}

async function walk(connection: ProviderConnection, id: StreamId, request: PageRequest): Promise<number> {
  let rows = 0;
  for await (const page of connection.stream(id).pages(request)) {
    rows += page.rows.length;
  }
  return rows;
}

describe('contract: clients against Prism serving the specs', function () {
  this.timeout(120_000);
  const mocks: Record<string, Mock> = {};
  const renames: Record<string, Record<string, string>> = {
    'lago-api-logs': { 'http_methods[]': 'http_methods', 'http_statuses[]': 'http_statuses' },
  };

  let removeCopies = () => {};

  before(async () => {
    const specs = writeSpecCopies();
    removeCopies = specs.remove;
    await Promise.all(
      Object.entries(specs.paths).map(async ([name, path]) => {
        const prism = await startPrism(path);
        mocks[name] = { prism, proxy: await startViolationProxy(prism.origin, renames[name]) };
      }),
    );
  });
  after(async () => {
    await Promise.all(Object.values(mocks).flatMap((mock) => [mock.proxy.close(), mock.prism.close()]));
    removeCopies();
  });

  const bearer = (name: string): ProviderConnection => {
    const provider = name.startsWith('daily') ? 'daily' : 'lago';
    return createProviderConnection({ provider, baseUrl: mocks[name].proxy.origin, secret: 'contract-key' }, options, silent);
  };
  const signalwire = (name: string): ProviderConnection =>
    createProviderConnection({ provider: 'signalwire', baseUrl: mocks[name].proxy.origin, projectId: 'project', secret: 'token' }, options, silent);

  it('the check is real: Prism flags bad requests through the proxy', async () => {
    const flagged = async (name: string, path: string, authorization?: string) => {
      const status = await rawGet(`${mocks[name].proxy.origin}${path}`, authorization);
      const last = mocks[name].proxy.exchanges.at(-1);
      return status === 422 || (status >= 400 && last?.violations !== undefined);
    };
    assert.ok(await flagged('lago-api-logs', '/api_logs?http_methods%5B%5D=get', 'Bearer x'), 'bracketed values are validated');
    assert.ok(await flagged('lago-api-logs', '/api_logs?http_statuses%5B%5D=600', 'Bearer x'));
    assert.ok(await flagged('lago-api-logs', '/api_logs'), 'missing auth');
    assert.ok(await flagged('daily-meeting-logs', '/logs?mtgSessionId=a&logLevel=WARN', 'Bearer x'));
    assert.ok(await flagged('daily-meeting-logs', '/logs?mtgSessionId=a&startTime=soon', 'Bearer x'));
    assert.ok(await flagged('signalwire-video-logs', '/api/video/logs?page_size=5000', 'Basic eDp5'));
    assert.ok(await flagged('signalwire-voice-logs', '/api/voice/logs'), 'voice requires the Authorization header');
    assert.ok(!(await flagged('lago-api-logs', '/api_logs?http_methods%5B%5D=post', 'Bearer x')), 'a good request is not flagged');
  });

  it('Daily API logs: first page, cursor page and the url filter', async () => {
    const mock = mocks['daily-api-logs'];
    const connection = bearer('daily-api-logs');
    const mark = mock.proxy.exchanges.length;
    await connection.testConnection();
    const first = await connection.stream('daily.api').fetchPage({ filters: { url: '/v1/rooms' }, pageSize: 3 });
    assert.deepEqual(first.rows.map((r) => r.fields.status), [200, 200, 400]);
    assert.equal(first.next, 'aaaaaaaa-0000-0000-0000-000000000003');
    assert.equal(await walk(connection, 'daily.api', { filters: {}, pageSize: 3 }), 3, 'the static mock repeats its page; paging stops');
    await connection.stream('daily.webhook').fetchPage({ filters: { url: 'https://hooks.example.com/x' } });
    assertClean(mock, mark, 5);
    assert.match(mock.proxy.exchanges[mark + 3].url, /starting_after=aaaaaaaa-0000-0000-0000-000000000003/);
  });

  it('Daily meeting logs: every filter and the offset page', async () => {
    const mock = mocks['daily-meeting-logs'];
    const connection = bearer('daily-meeting-logs');
    const mark = mock.proxy.exchanges.length;
    const filters: FilterValues = {
      mtgSessionId: '008c1f0f-6fc5-4e5f-b872-1b9623cb1e7a', userSessionId: '7a51a4b2-92cf-4ad2-b53b-9d01cc985a38',
      logLevel: 'ERROR', order: 'ASC', startTime: Date.parse('2026-03-23T00:00:00Z'), endTime: Date.parse('2026-03-24T00:00:00Z'),
      includeMetrics: true,
    };
    const page = await connection.stream('daily.meeting').fetchPage({ filters, pageSize: 3 });
    assert.equal(page.rows.length, 3);
    assert.equal(page.next, '3');
    assert.ok(page.rows.every((row) => /^level \d+$/.test(String(row.fields.level))), 'the mock ignores logLevel (levels 2, 1, 1): nothing is learnt');
    await connection.stream('daily.meeting').fetchPage({ filters, pageSize: 3, cursor: page.next });
    assertClean(mock, mark, 5);
    assert.deepEqual(mock.proxy.exchanges.slice(mark + 1, mark + 4).map((e) => /logLevel=(\w+)&limit=5$/.exec(e.url)?.[1]).sort(), ['DEBUG', 'ERROR', 'INFO']);
    assert.match(mock.proxy.exchanges[mark + 4].url, /offset=3$/);
  });

  it('Lago API logs: every filter (bracketed arrays included) and the page walk', async () => {
    const mock = mocks['lago-api-logs'];
    const connection = bearer('lago-api-logs');
    const mark = mock.proxy.exchanges.length;
    await connection.testConnection();
    const filters: FilterValues = {
      from_date: '2025-03-01', to_date: '2025-03-31', http_methods: ['post', 'put', 'delete'], http_statuses: 'succeeded,failed,404',
      api_version: 'v1', request_paths: '/billable_metrics/',
    };
    const page = await connection.stream('lago.api').fetchPage({ filters, pageSize: 20 });
    assert.equal(page.rows[0].id, '1a901a90-1a90-1a90-1a90-1a901a901a90');
    assert.equal(page.total, 70);
    assert.equal(await walk(connection, 'lago.api', { filters, pageSize: 20 }), 1, 'meta.next_page repeats in the static mock');
    assertClean(mock, mark, 4);
    assert.match(mock.proxy.exchanges[mark + 1].url, /http_methods%5B%5D=post&http_methods%5B%5D=put&http_methods%5B%5D=delete/);
    assert.match(mock.proxy.exchanges[mark + 1].forwarded, /http_methods=post&http_methods=put&http_methods=delete&http_statuses=succeeded/);
  });

  for (const [name, id] of [['signalwire-video-logs', 'signalwire.video'], ['signalwire-voice-logs', 'signalwire.voice']] as const) {
    it(`${id}: every filter; a next link that cannot be followed on our host is an error, sent nowhere`, async () => {
      const mock = mocks[name];
      const connection = signalwire(name);
      const mark = mock.proxy.exchanges.length;
      const filters: FilterValues = { created_after: Date.parse('2022-01-01T00:00:00Z'), created_before: '2022-12-31', created_on: '2022-01-01', include_deleted: true };
      const page = await connection.stream(id).fetchPage({ filters, pageSize: 1000 });
      assert.equal(page.rows.length, 1);
      assert.ok(page.next, 'the mock sends links.next');
      await assert.rejects(
        connection.stream(id).fetchPage({ filters, cursor: page.next }),
        (e: unknown) => e instanceof ProviderError && e.kind === 'badResponse',
      );
      await connection.stream(id).fetchPage({ filters: {}, pageSize: 1 });
      assertClean(mock, mark, 2);
    });
  }
});
