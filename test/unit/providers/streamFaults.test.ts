import { strict as assert } from 'node:assert';
import type { ProviderErrorKind } from '../../../src/protocol/providerErrorKind';
import type { ProviderConnection } from '../../../src/providers/connection';
import { streamDefinitionsFor } from '../../../src/providers/providerRegistry';
import type { FilterValues, StreamId } from '../../../src/protocol/streamDefinition';
import { startSampleServers, type Fault, type SampleServers } from '../../../src/sample/fakeServers';
import { connect, providerErrorOf } from './clientTestSupport';

/** fault → the error kind every stream must report, and how many requests that takes (4 = first try + 3 retries). */
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
  ['slow', 'network', 4],
  ['malformedJson', 'badResponse', 1],
  ['wrongTypes', 'badResponse', 1],
  ['redirect', 'badResponse', 1],
];

const streams: StreamId[] = (['daily', 'lago', 'signalwire'] as const).flatMap((p) => streamDefinitionsFor(p).map((s) => s.id));

describe('every stream under every fault', function () {
  this.timeout(60_000);
  let sample: SampleServers;
  const connections = new Map<string, ProviderConnection>();
  let meetingSession = '';

  before(async () => {
    sample = await startSampleServers({ rowCount: 120, seed: 21 });
    for (const server of Object.values(sample.servers)) {
      connections.set(server.provider, connect(server, { timeoutMs: 150 }));
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
          server.setFault(fault, { retryAfterSeconds: 0, delayMs: 400 });
          const mark = server.requests.length;
          const error = await providerErrorOf(connections.get(provider(id))!.stream(id).fetchPage({ filters: filtersFor(id) }));
          assert.equal(error.kind, kind, error.message);
          assert.equal(server.requests.length - mark, requests);
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
