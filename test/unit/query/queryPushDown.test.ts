import { strict as assert } from 'node:assert';
import { planQuery, type QueryPlan } from '../../../src/protocol/query/plan';
import type { FilterValues, LogRow, StreamId } from '../../../src/protocol/streamDefinition';
import type { ProviderConnection } from '../../../src/providers/connection';
import { startFakeServer, type FakeProviderServer } from '../../../src/sample/fakeServers';
import { connect } from '../providers/clientTestSupport';

const now = Date.now();

/** Parameters the client always sends (paging, source), which the query does not decide. */
const pagingParams = new Set(['limit', 'starting_after', 'source', 'page', 'per_page', 'page_size', 'page_token', 'page_number', 'offset', 'mtgSessionId']);

interface Case {
  readonly stream: StreamId;
  readonly query: string;
  /** The request parameters the query's server part must produce, exactly. */
  readonly params: (plan: QueryPlan) => readonly [string, string][];
}

const hour = 3_600_000;
const cases: readonly Case[] = [
  { stream: 'daily.api', query: 'url:/v1/rooms* method:POST status:>=400', params: () => [['url', '/v1/rooms']] },
  { stream: 'daily.webhook', query: 'url:https://hooks.* status:4xx', params: () => [['url', 'https://hooks.']] },
  {
    stream: 'lago.api',
    query: 'method:post status:2xx path:/events* version:v1 time:>=-3d',
    params: () => [
      ['from_date', new Date(now - 3 * 24 * hour).toISOString().slice(0, 10)],
      ['http_methods[]', 'post'],
      ['http_statuses[]', 'succeeded'],
      ['api_version', 'v1'],
      ['request_paths', '/events'],
    ],
  },
  { stream: 'daily.meeting', query: 'level:error time:>-2d', params: (plan) => [['logLevel', 'ERROR'], ['startTime', String(plan.server.startTime)]] },
  {
    stream: 'signalwire.video',
    query: 'time:>=-2d include_deleted:true type:*room*',
    params: (plan) => [['created_after', new Date(plan.server.created_after as number).toISOString()], ['include_deleted', 'true']],
  },
  {
    stream: 'signalwire.voice',
    query: 'time:<-1d status:completed',
    params: (plan) => [['created_before', new Date(plan.server.created_before as number).toISOString()]],
  },
];

async function allRows(connection: ProviderConnection, stream: StreamId, filters: FilterValues): Promise<LogRow[]> {
  const rows: LogRow[] = [];
  for await (const page of connection.stream(stream).pages({ filters, pageSize: 100 })) rows.push(...page.rows);
  return rows;
}

/** Each stream's push-down against its fake server over real HTTP: the parameters it received, and the same rows. */
describe('query push-down against the fake servers', function () {
  this.timeout(60_000);
  const servers = new Map<string, FakeProviderServer>();
  const connections = new Map<string, ProviderConnection>();
  let meetingId = '';

  before(async () => {
    for (const provider of ['daily', 'lago', 'signalwire'] as const) {
      const server = await startFakeServer(provider, { seed: 5, rowCount: 400, now });
      servers.set(provider, server);
      connections.set(provider, connect(server));
    }
    const { sessions } = await connections.get('daily')!.listMeetingSessions!();
    meetingId = [...sessions].sort((a, b) => b.participants.length - a.participants.length)[0].id;
  });
  after(async () => {
    for (const connection of connections.values()) connection.dispose();
    for (const server of servers.values()) await server.close();
  });

  for (const { stream, query, params } of cases) {
    it(`${stream}: "${query}" sends exactly its server terms and shows the rows local evaluation shows`, async () => {
      const provider = stream.split('.')[0];
      const server = servers.get(provider)!;
      const connection = connections.get(provider)!;
      const plan = planQuery(query, connection.stream(stream).definition, now);
      assert.ok(plan.ok);
      const base: FilterValues = stream === 'daily.meeting' ? { mtgSessionId: meetingId } : {};
      const mark = server.requests.length;
      const pushed = await allRows(connection, stream, { ...base, ...plan.server });
      const sent = [...new URLSearchParams(server.requests[mark].search)].filter(([name]) => !pagingParams.has(name));
      assert.deepEqual(sent, params(plan));
      // A request option (include_deleted) has no local test: the unfiltered fetch asks for it too.
      const options = 'include_deleted' in plan.server ? { include_deleted: plan.server.include_deleted } : {};
      const everything = await allRows(connection, stream, { ...base, ...options });
      const shown = pushed.filter(plan.predicate).map((row) => row.id);
      const expected = everything.filter(plan.predicate).map((row) => row.id);
      assert.deepEqual(shown, expected);
      assert.ok(expected.length > 0, 'the query matches some rows');
      assert.ok(pushed.length < everything.length, 'the server filtered');
    });
  }
});
