import assert from 'node:assert/strict';
import type { ConnectionConfig, ProviderConnection } from '../../../src/providers/connection';
import type { FilterValues, LogRow, StreamId } from '../../../src/protocol/streamDefinition';
import { createProviderConnection } from '../../../src/providers/providerRegistry';
import { maxPollPages } from '../../../src/query/catchUp';
import { LogSession, type SessionEvent } from '../../../src/query/logSession';
import { GrowingLogServer, type GrowingStream } from '../../support/growingLogServer';
import { MemoryLogger } from '../providers/clientTestSupport';

const pageSize = 10;

interface Case {
  readonly stream: GrowingStream;
  readonly filters: FilterValues;
  /** The record's sequence number, read back from the mapped row. */
  readonly seq: (row: LogRow) => number;
}

const cases: readonly Case[] = [
  { stream: 'daily.api', filters: {}, seq: (row) => Number(String(row.fields.url).split('/').pop()) },
  { stream: 'lago.api', filters: {}, seq: (row) => Number(String(row.fields.request_path).split('/').pop()) },
  { stream: 'signalwire.voice', filters: {}, seq: (row) => Number(row.id.slice(2)) },
  { stream: 'daily.meeting', filters: { mtgSessionId: 'session-1' }, seq: (row) => Number(String(row.fields.message).slice(4)) },
];

function config(stream: GrowingStream, baseUrl: string): ConnectionConfig {
  if (stream === 'signalwire.voice') return { provider: 'signalwire', baseUrl, projectId: 'project-1', secret: 'token' };
  return { provider: stream.startsWith('daily') ? 'daily' : 'lago', baseUrl, secret: 'token' };
}

async function until(check: () => boolean, what: string, timeoutMs = 20_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

/** Live tail against a server that grows between polls, for every paging mode. */
describe('live tail never loses rows', () => {
  let server: GrowingLogServer;
  let connection: ProviderConnection;
  let session: LogSession;
  let events: SessionEvent[];

  async function open(testCase: Case, initial: number, filters = testCase.filters): Promise<void> {
    server = new GrowingLogServer(testCase.stream);
    server.add(initial);
    const baseUrl = await server.listen();
    connection = createProviderConnection(config(testCase.stream, baseUrl), { timeoutMs: 5000, maxRetries: 0 }, new MemoryLogger());
    const client = connection.stream(testCase.stream as StreamId);
    session = new LogSession({ fetchPage: (request) => client.fetchPage(request), filters, pageSize, maxRows: 100_000, tailIntervalMs: 1 });
    events = [];
    session.onEvent((event) => events.push(event));
    await session.refresh();
  }

  /** Every row id the session sent to the page, across all `rows` events: each must arrive once. */
  function sentIds(): string[] {
    const sent: string[] = [];
    for (const event of events) {
      if (event.type !== 'rows') continue;
      if (event.mode === 'replace') sent.length = 0;
      sent.push(...event.rows.map((row) => row.id));
    }
    return sent;
  }

  function assertHoldsExactly(testCase: Case, expected: number[]): void {
    const sent = sentIds();
    assert.equal(new Set(sent).size, sent.length, 'a row was sent twice');
    const held = Array.from(session.rows, testCase.seq).sort((a, b) => b - a);
    assert.deepEqual(held, expected.slice().sort((a, b) => b - a), 'rows held differ from the server list');
    assert.equal(sent.length, expected.length);
  }

  /** Polls started so far. */
  const polls = (): number => events.filter((event) => event.type === 'status' && event.status.activity === 'tail').length;

  /** Lets live tail run two whole polls after the server grew, then switches it off and waits for the poll in flight. */
  async function tailTwice(): Promise<void> {
    const before = polls();
    session.setLiveTail(true);
    await until(() => polls() >= before + 3, 'two whole polls');
    session.setLiveTail(false);
    await until(() => !session.busy, 'the poll in flight');
  }

  afterEach(async () => {
    session?.dispose();
    connection?.dispose();
    await server?.close();
  });

  for (const testCase of cases) {
    it(`${testCase.stream}: 3 pages added between polls → every row once, no gap`, async () => {
      await open(testCase, 25);
      server.add(3 * pageSize);
      const mark = server.requests.length;
      await tailTwice();
      assertHoldsExactly(testCase, server.all().slice(0, pageSize + 3 * pageSize));
      assert.deepEqual(session.gapRows.gaps, []);
      assert.ok(server.requests.length - mark >= 4, 'the poll paged past the newest page');
    });

    it(`${testCase.stream}: a burst past the bound → one gap row; loading it fills exactly the missing rows`, async () => {
      await open(testCase, 25);
      const burst = (maxPollPages + 3) * pageSize + 4;
      server.add(burst);
      await tailTwice();
      const [gap] = session.gapRows.gaps;
      assert.equal(session.gapRows.gaps.length, 1);
      assert.equal(session.rows.length, pageSize + maxPollPages * pageSize, 'the poll stopped at its bound');
      assert.equal(session.getRow(gap.beforeRowId)?.id, session.rows.at(maxPollPages * pageSize)?.id, 'the gap sits above the rows held before');
      if (testCase.stream === 'lago.api') assert.equal(gap.missing, burst - maxPollPages * pageSize, 'Lago: counted from total_count');
      else assert.ok(gap.missing >= 1);
      await session.loadGap(gap.id);
      assert.deepEqual(session.gapRows.gaps, []);
      assertHoldsExactly(testCase, server.all().slice(0, pageSize + burst));
      const held = Array.from(session.rows, testCase.seq);
      assert.deepEqual(held, held.slice().sort((a, b) => b - a), 'rows are in order after the gap was filled');
    });
  }

  it('daily.meeting with order=ASC: a poll appends the rows that arrived (newest at the end)', async () => {
    const testCase = cases[3];
    await open(testCase, 25, { ...testCase.filters, order: 'asc' });
    await session.loadAll();
    assert.equal(session.rows.length, 25);
    server.add(3 * pageSize + 2);
    await tailTwice();
    assertHoldsExactly(testCase, server.all());
    const held = Array.from(session.rows, testCase.seq);
    assert.deepEqual(held, held.slice().sort((a, b) => a - b), 'oldest first, new rows at the end');
    server.add((maxPollPages + 2) * pageSize);
    await tailTwice();
    assert.equal(session.status().more, true, 'past the bound the rest is offered as more rows, not dropped');
    await session.loadAll();
    assertHoldsExactly(testCase, server.all());
  });
});
