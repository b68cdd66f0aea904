import { strict as assert } from 'node:assert';
import type { ProviderErrorKind } from '../../../src/protocol/providerErrorKind';
import type { RetryProgress } from '../../../src/protocol/logTable';
import type { ProviderConnection } from '../../../src/providers/connection';
import { streamDefinitionsFor } from '../../../src/providers/providerRegistry';
import type { FilterValues, StreamId } from '../../../src/protocol/streamDefinition';
import { startSampleServers, type Fault, type SampleServers } from '../../../src/sample/fakeServers';
import { connect, providerErrorOf } from './clientTestSupport';

/**
 * fault → the error kind every stream must report, and how many requests that takes (4 = first try + 3 retries).
 * `slow` answers after the whole timeout budget, so every attempt within it times out: at least two, and each
 * retry is reported.
 */
const failingFaults: readonly (readonly [Fault, ProviderErrorKind, number])[] = [
  ['unauthorized', 'auth', 1],
  ['forbidden', 'auth', 1],
  ['featureUnavailable', 'auth', 1],
  ['notFound', 'notFound', 1],
  ['unprocessable', 'invalid', 1],
  ['rateLimited', 'rateLimited', 4],
  ['serverError', 'server', 4],
  ['badGatewayHtml', 'server', 4],
  ['connectionReset', 'network', 4],
  ['slow', 'network', 0],
  ['malformedJson', 'badResponse', 1],
  ['wrongTypes', 'badResponse', 1],
  ['redirect', 'badResponse', 1],
];

/** The slow connection's timeout: all attempts of one request together. */
const slowBudgetMs = 600;

const streams: StreamId[] = (['daily', 'lago', 'signalwire'] as const).flatMap((p) => streamDefinitionsFor(p).map((s) => s.id));

describe('every stream under every fault', function () {
  this.timeout(60_000);
  let sample: SampleServers;
  const connections = new Map<string, ProviderConnection>();
  let meetingSession = '';

  before(async () => {
    sample = await startSampleServers({ rowCount: 120, seed: 21 });
    for (const server of Object.values(sample.servers)) {
      connections.set(server.provider, connect(server));
      connections.set(`${server.provider} slow`, connect(server, { timeoutMs: slowBudgetMs }));
    }
    meetingSession = (await connections.get('daily')!.listMeetingSessions!()).sessions[0].id;
  });
  after(async () => {
    connections.forEach((connection) => connection.dispose());
    await sample.close();
  });

  const provider = (id: StreamId) => id.split('.')[0] as 'daily' | 'lago' | 'signalwire';
  const filtersFor = (id: StreamId): FilterValues => (id === 'daily.meeting' ? { mtgSessionId: meetingSession } : {});

  for (const id of streams) {
    describe(id, () => {
      afterEach(() => sample.servers[provider(id)].setFault(undefined));

      for (const [fault, kind, requests] of failingFaults) {
        it(`${fault} → ${kind} after ${requests} request(s)`, async () => {
          const server = sample.servers[provider(id)];
          server.setFault(fault, { retryAfterSeconds: 0, delayMs: 2 * slowBudgetMs });
          const mark = server.requests.length;
          const retries: number[] = [];
          const connection = connections.get(fault === 'slow' ? `${provider(id)} slow` : provider(id))!;
          const request = { filters: filtersFor(id), onRetry: (progress: RetryProgress) => retries.push(progress.attempt) };
          const error = await providerErrorOf(connection.stream(id).fetchPage(request));
          assert.equal(error.kind, kind, error.message);
          const sent = server.requests.length - mark;
          if (fault === 'slow') assert.ok(sent >= 2 && sent <= 4, `${sent} requests`);
          else assert.equal(sent, requests);
          // A retry whose time slice runs out before its request is written is reported but never reaches the server.
          assert.deepEqual(retries, Array.from({ length: retries.length }, (_, index) => index + 1), 'retries numbered in order');
          assert.ok(retries.length >= sent - 1 && retries.length <= 3, `${retries.length} retries reported for ${sent} requests`);
          assert.ok(!error.message.includes(server.token));
          if (fault === 'wrongTypes') {
            assert.match(error.details.fieldPath ?? '', /\[1\]\./);
          }
          if (fault === 'featureUnavailable') {
            assert.equal(/premium plan/.test(error.message), id === 'lago.api');
          }
        });
      }

      it('hugePage (10 MB) parses; emptyPages ends or skips without error', async () => {
        const server = sample.servers[provider(id)];
        const stream = connections.get(provider(id))!.stream(id);
        server.setFault('hugePage', { count: 1 });
        assert.ok((await stream.fetchPage({ filters: filtersFor(id), pageSize: 50 })).rows.length > 0);
        server.setFault('emptyPages');
        let rows = 0;
        for await (const page of stream.pages({ filters: filtersFor(id), pageSize: 50 })) {
          rows += page.rows.length;
        }
        assert.equal(rows, 0);
      });
    });
  }
});
