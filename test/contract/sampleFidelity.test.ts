import { strict as assert } from 'node:assert';
import type { PageRequest, ProviderConnection } from '../../src/providers/connection';
import { createProviderConnection } from '../../src/providers/providerRegistry';
import type { FilterValues, ProviderKind, StreamId } from '../../src/protocol/streamDefinition';
import { startSampleServers, type SampleServers } from '../../src/sample/fakeServers';
import type { Logger } from '../../src/util/logging';
import { startPrism, type PrismMock } from './prismProcess';
import { writeSpecCopies } from './specCopies';
import { startViolationProxy, type Exchange, type ViolationProxy } from './violationProxy';

const silent: Logger = { trace() {}, debug() {}, info() {}, warn() {}, error() {}, child: () => silent };
const options = { timeoutMs: 20_000, retryBaseDelayMs: 1, maxRetries: 0 };
const providerOf = (spec: string): ProviderKind => (spec.startsWith('daily') ? 'daily' : spec.startsWith('lago') ? 'lago' : 'signalwire');

interface Proxy {
  prism: PrismMock;
  recorder: ViolationProxy;
  connection: ProviderConnection;
}

/**
 * The sample servers, which most tests trust as fakes, checked against the official contracts: each runs behind
 * `prism proxy` (response validation against test/specs) while the real clients drive every stream and filter
 * combination the tests use. Prism names each departure from the spec in `sl-violations`; there must be none.
 */
describe('contract: the sample servers behind Prism proxy', function () {
  this.timeout(120_000);
  const proxies: Record<string, Proxy> = {};
  let sample: SampleServers;
  let removeCopies = () => {};

  before(async () => {
    sample = await startSampleServers({ seed: 7, rowCount: 400, now: Date.parse('2026-06-10T12:00:00Z') });
    const specs = writeSpecCopies();
    removeCopies = specs.remove;
    const renames = { 'http_methods[]': 'http_methods', 'http_statuses[]': 'http_statuses' };
    await Promise.all(
      Object.entries(specs.paths).map(async ([name, path]) => {
        const server = sample.servers[providerOf(name)];
        const prism = await startPrism(path, { upstream: server.baseUrl });
        const recorder = await startViolationProxy(prism.origin, name.startsWith('lago') ? renames : {});
        const connection = createProviderConnection(
          server.provider === 'signalwire'
            ? { provider: 'signalwire', baseUrl: recorder.origin, projectId: server.projectId ?? '', secret: server.token }
            : { provider: server.provider, baseUrl: recorder.origin, secret: server.token },
          options,
          silent,
        );
        proxies[name] = { prism, recorder, connection };
      }),
    );
  });
  after(async () => {
    await Promise.all(Object.values(proxies).flatMap((proxy) => [proxy.recorder.close(), proxy.prism.close()]));
    Object.values(proxies).forEach((proxy) => proxy.connection.dispose());
    removeCopies();
    await sample?.close();
  });

  /** Runs `work`, then checks every exchange it caused: status 200 and no violation. Returns them. */
  async function clean(spec: string, work: (connection: ProviderConnection) => Promise<unknown>): Promise<Exchange[]> {
    const proxy = proxies[spec];
    const mark = proxy.recorder.exchanges.length;
    await work(proxy.connection);
    const exchanges = proxy.recorder.exchanges.slice(mark);
    assert.ok(exchanges.length > 0);
    for (const exchange of exchanges) {
      assert.equal(exchange.violations, undefined, `${exchange.url}: ${exchange.violations}`);
      assert.equal(exchange.status, 200, exchange.url);
    }
    return exchanges;
  }

  async function walk(connection: ProviderConnection, id: StreamId, request: PageRequest, maxPages = 3): Promise<number> {
    let pages = 0;
    for await (const page of connection.stream(id).pages(request)) {
      assert.ok(page.rows.length > 0 || pages === 0);
      if (++pages >= maxPages) break;
    }
    return pages;
  }

  it('the check is real: a sample-server answer that breaks the spec is flagged', async () => {
    const proxy = proxies['daily-api-logs'];
    sample.servers.daily.setFault('wrongTypes', { count: 1 });
    await assert.rejects(proxy.connection.stream('daily.api').fetchPage({ filters: {}, pageSize: 5 }));
    assert.match(proxy.recorder.exchanges.at(-1)?.violations ?? '', /status/);
  });

  it('Daily API and webhook logs: first page, cursor pages, the url filter, page size 1', async () => {
    const exchanges = await clean('daily-api-logs', async (connection) => {
      await connection.testConnection();
      assert.equal(await walk(connection, 'daily.api', { filters: {}, pageSize: 100 }), 3);
      await connection.stream('daily.api').fetchPage({ filters: { url: '/v1/rooms', method: ['POST'], statusClass: ['4xx'] }, pageSize: 50 });
      await walk(connection, 'daily.webhook', { filters: {}, pageSize: 100 }, 2);
      await connection.stream('daily.webhook').fetchPage({ filters: { url: 'https://example.com/webhooks/daily' } });
    });
    assert.ok(exchanges.some((exchange) => exchange.url.includes('starting_after=')));
  });

  it('Daily meeting logs: session or participant, every filter, level probes, metrics only, offset pages', async () => {
    const daily = sample.servers.daily;
    const meetings = await createProviderConnection({ provider: 'daily', baseUrl: daily.baseUrl, secret: daily.token }, options, silent).listMeetingSessions!();
    const meeting = meetings.sessions.find((session) => session.participants.length >= 2)!;
    const [from, to] = [meeting.startTime - 60_000, meeting.startTime + meeting.duration * 1000 + 60_000];
    const filterSets: FilterValues[] = [
      { mtgSessionId: meeting.id },
      { userSessionId: meeting.participants[1].id },
      { mtgSessionId: meeting.id, userSessionId: meeting.participants[0].id, logLevel: 'ERROR', order: 'ASC', startTime: from, endTime: to, includeMetrics: true },
      { mtgSessionId: meeting.id, logLevel: 'DEBUG', order: 'DESC' },
      { mtgSessionId: meeting.id, includeLogs: false },
    ];
    const exchanges = await clean('daily-meeting-logs', async (connection) => {
      for (const filters of filterSets) await walk(connection, 'daily.meeting', { filters, pageSize: 25 }, 2);
    });
    assert.ok(exchanges.some((exchange) => /logLevel=INFO&limit=5$/.test(exchange.url)), 'a level probe went through');
    assert.ok(exchanges.some((exchange) => exchange.url.includes('includeLogs=false')));
  });

  it('Lago API logs: every filter (bracketed arrays included), page walk, page size 1', async () => {
    const filterSets: FilterValues[] = [
      {},
      { from_date: '2026-06-05', to_date: '2026-06-09', http_methods: ['post', 'put', 'delete'], http_statuses: 'succeeded,failed,404', api_version: 'v1', request_paths: '/customers' },
      { http_statuses: 'failed' },
    ];
    await clean('lago-api-logs', async (connection) => {
      await connection.testConnection();
      for (const filters of filterSets) await walk(connection, 'lago.api', { filters, pageSize: 100 });
    });
  });

  for (const [spec, id] of [['signalwire-video-logs', 'signalwire.video'], ['signalwire-voice-logs', 'signalwire.voice']] as const) {
    it(`${id}: every date filter, deleted and discarded logs, links.next pages`, async () => {
      const filterSets: FilterValues[] = [
        {},
        { include_deleted: true },
        { created_after: Date.parse('2026-06-05T00:00:00Z'), created_before: '2026-06-09', include_deleted: true },
        { created_on: '2026-06-07', type: ['laml_call'], status: ['completed'], phone: '+1' },
      ];
      const exchanges = await clean(spec, async (connection) => {
        for (const filters of filterSets) await walk(connection, id, { filters, pageSize: 100 });
      });
      assert.ok(exchanges.some((exchange) => exchange.url.includes('page_token=')), 'a links.next page went through');
    });
  }
});
