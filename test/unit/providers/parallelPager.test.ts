import { strict as assert } from 'node:assert';
import type { Page, PageRequest, ProviderConnection } from '../../../src/providers/connection';
import { iteratePagesInParallel, type IndexedPageSource } from '../../../src/providers/parallelPager';
import type { LogRow } from '../../../src/protocol/streamDefinition';
import { startFakeServer, type FakeProviderServer, type NetworkProfile } from '../../../src/sample/fakeServers';
import { connect, MemoryLogger, providerErrorOf } from './clientTestSupport';

const row = (id: string): LogRow => ({ id, time: 0, severity: 'info', fields: {} });

/** Numbered pages 1..count of one row each; page n's load resolves after delay(n) ms. */
function numbered(count: number, delay: (page: number) => number, nextOf = (page: number) => (page < count ? page + 1 : undefined)) {
  const signals = new Map<number, AbortSignal>();
  const source: IndexedPageSource = {
    parallel: { maxInFlight: 4 },
    load: (request: PageRequest) => {
      const page = Number(request.cursor ?? '1');
      const signal = request.signal!;
      signals.set(page, signal);
      // Like a real request, an aborted load ends at once (and its timer with it).
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => resolve(page), delay(page));
        signal.addEventListener('abort', () => (clearTimeout(timer), reject(signal.reason)), { once: true });
      });
    },
    peekNext: () => undefined,
    decode: (body) => {
      const next = nextOf(body as number);
      return { rows: [row(`p${String(body)}`)], next: next === undefined ? undefined : String(next) };
    },
    cursorAfter: (cursor, steps) => String(Number(cursor ?? '1') + steps),
  };
  return { source, signals };
}

/** Resolves once `condition` holds, checking on every turn of the event loop. */
async function until(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((resolve) => setImmediate(resolve));
}

async function ids(pages: AsyncIterable<Page>): Promise<string[]> {
  const seen: string[] = [];
  for await (const page of pages) seen.push(...page.rows.map((r) => r.id));
  return seen;
}

describe('iteratePagesInParallel', () => {
  it('yields pages in order although later pages answer first', async () => {
    const { source } = numbered(9, (page) => (10 - page) * 4);
    assert.deepEqual(await ids(iteratePagesInParallel(source, { filters: {} }, new MemoryLogger())), ['p1', 'p2', 'p3', 'p4', 'p5', 'p6', 'p7', 'p8', 'p9']);
  });

  it("drops the pages fetched ahead and continues from a page's own next when it differs from the computed one", async () => {
    const { source, signals } = numbered(9, () => 5, (page) => (page === 2 ? 7 : page < 9 ? page + 1 : undefined));
    assert.deepEqual(await ids(iteratePagesInParallel(source, { filters: {} }, new MemoryLogger())), ['p1', 'p2', 'p7', 'p8', 'p9']);
    assert.ok(signals.get(3)!.aborted && signals.get(5)!.aborted, 'pages 3..5 were cancelled');
  });

  it('stopping early cancels every page in flight', async () => {
    const { source, signals } = numbered(20, (page) => (page === 1 ? 0 : 60_000));
    const walk = iteratePagesInParallel(source, { filters: {} }, new MemoryLogger());
    for await (const page of walk) {
      assert.equal(page.rows[0].id, 'p1');
      break;
    }
    assert.deepEqual([...signals.keys()], [1, 2, 3, 4, 5]);
    assert.ok([2, 3, 4, 5].every((page) => signals.get(page)!.aborted));
  });
});

describe('parallel Load all against the fake servers', function () {
  this.timeout(30_000);
  const opened: { server: FakeProviderServer; connection: ProviderConnection }[] = [];
  const open = async (provider: 'lago' | 'daily', rowCount: number, network: NetworkProfile) => {
    const server = await startFakeServer(provider, { seed: 5, rowCount, network });
    const connection = connect(server);
    opened.push({ server, connection });
    return { server, connection };
  };
  afterEach(async () => {
    for (const { server, connection } of opened.splice(0)) {
      connection.dispose();
      await server.close();
    }
  });

  it('Lago: every page once, in order, up to 4 at a time, none past the last page', async () => {
    const { server, connection } = await open('lago', 1_050, { latencyMs: 40 });
    const sequential: string[] = [];
    for (let cursor: string | undefined = '1'; cursor !== undefined; ) {
      const page = await connection.stream('lago.api').fetchPage({ filters: {}, cursor, pageSize: 100 });
      sequential.push(...page.rows.map((r) => r.id));
      cursor = page.next;
    }
    const mark = server.requests.length;
    assert.deepEqual(await ids(connection.stream('lago.api').pages({ filters: {}, pageSize: 100 })), sequential);
    const requests = server.requests.slice(mark);
    const pageNumbers = requests.map((r) => new URLSearchParams(r.search).get('page')).sort((a, b) => Number(a) - Number(b));
    assert.deepEqual(pageNumbers, ['1', '2', '3', '4', '5', '6', '7', '8', '9', '10', '11']);
    const widest = Math.max(...requests.map((r) => r.concurrent));
    assert.ok(widest >= 2 && widest <= 4, `at most ${widest} at once`);
  });

  it("Lago: honours X-RateLimit-* so paging ahead gets no 429", async () => {
    const { server, connection } = await open('lago', 1_000, { rateLimit: { requests: 4, windowMs: 1000 } });
    const rows = await ids(connection.stream('lago.api').pages({ filters: {}, pageSize: 100 }));
    assert.ok(rows.length >= 1_000 && new Set(rows).size === rows.length);
    assert.equal(server.counts.requests, Math.ceil(rows.length / 100));
    assert.equal(server.counts.rateLimited, 0);
  });

  it('Lago: cancelling answers at once, not after the requests in flight', async () => {
    const { server, connection } = await open('lago', 1_000, { latencyMs: 1_500 });
    const controller = new AbortController();
    const walk = connection.stream('lago.api').pages({ filters: {}, pageSize: 100, signal: controller.signal });
    const iterator = walk[Symbol.asyncIterator]();
    assert.equal((await iterator.next()).value?.rows.length, 100);
    await until(() => server.requests.length >= 5);
    const inFlight = server.requests.filter((request) => request.status === undefined);
    assert.ok(inFlight.length >= 4, `${inFlight.length} requests in flight`);
    controller.abort();
    const error = await providerErrorOf(iterator.next());
    assert.equal(error.kind, 'cancelled');
    const answered = inFlight.filter((request) => request.status !== undefined).length;
    assert.equal(answered, 0, 'the cancel waited for the server to answer a request in flight');
  });

  it('Daily meeting logs: offsets ahead in parallel, starts spaced under 20 a second', async () => {
    const { server, connection } = await open('daily', 100, {});
    const [busiest] = [...(await connection.listMeetingSessions!()).sessions].sort((a, b) => b.participants.length - a.participants.length);
    const mark = server.requests.length;
    const rows = await ids(connection.stream('daily.meeting').pages({ filters: { mtgSessionId: busiest.id }, pageSize: 5 }));
    const requests = server.requests.slice(mark);
    assert.ok(requests.length >= 6, `${requests.length} pages`);
    assert.equal(new Set(rows).size, rows.length);
    const spread = requests.at(-1)!.at - requests[1].at;
    assert.ok(spread >= (requests.length - 2) * 45, `${requests.length} requests within ${spread} ms`);
  });
});
