import { strict as assert } from 'node:assert';
import { streamDefinitionsFor } from '../../../src/providers/providerRegistry';
import type { StreamDefinition } from '../../../src/protocol/streamDefinition';
import { startSampleServers, type SampleServers } from '../../../src/sample/fakeServers';
import { connect } from './clientTestSupport';

const all: StreamDefinition[] = (['daily', 'lago', 'signalwire'] as const).flatMap((p) => [...streamDefinitionsFor(p)]);

describe('stream definitions', function () {
  this.timeout(20_000);
  let sample: SampleServers;

  before(async () => {
    sample = await startSampleServers({ rowCount: 300, seed: 2 });
  });
  after(() => sample.close());

  it('are plain JSON data (they cross to the webview as they are)', () => {
    for (const definition of all) {
      assert.deepEqual(JSON.parse(JSON.stringify(definition)), definition, definition.id);
    }
  });

  it('have unique column and filter keys and valid filter patterns', () => {
    for (const definition of all) {
      const columns = definition.columns.map((c) => c.key);
      const filters = definition.filters.map((f) => f.key);
      assert.equal(new Set(columns).size, columns.length, definition.id);
      assert.equal(new Set(filters).size, filters.length, definition.id);
      for (const filter of definition.filters) {
        if (filter.kind === 'text' && filter.pattern) {
          assert.doesNotThrow(() => new RegExp(filter.pattern!), filter.key);
        }
      }
    }
  });

  it('carry the spec bounds and enums', () => {
    const byId = Object.fromEntries(all.map((d) => [d.id, d]));
    assert.deepEqual(all.map((d) => [d.id, d.maxPageSize, d.paging]), [
      ['daily.api', 100, 'cursor'], ['daily.webhook', 100, 'cursor'], ['daily.meeting', 100, 'offset'],
      ['lago.api', 100, 'page'], ['signalwire.video', 1000, 'link'], ['signalwire.voice', 1000, 'link'],
    ]);
    const options = (id: string, key: string) => {
      const filter = byId[id].filters.find((f) => f.key === key);
      return filter?.kind === 'enum' ? filter.options.map((o) => o.value) : undefined;
    };
    assert.deepEqual(options('daily.meeting', 'logLevel'), ['ERROR', 'INFO', 'DEBUG']);
    assert.deepEqual(options('lago.api', 'http_methods'), ['post', 'put', 'delete']);
    assert.equal(options('signalwire.voice', 'status')?.length, 14);
    assert.equal(options('signalwire.voice', 'type')?.length, 8);
    const local = (id: string) => byId[id].filters.filter((f) => !f.serverSide).map((f) => f.key);
    assert.deepEqual(local('signalwire.voice'), ['type', 'direction', 'status', 'phone']);
    assert.deepEqual(local('signalwire.video'), ['type', 'status', 'room_name']);
    assert.ok(options('signalwire.voice', 'status')?.every((value) => value !== 'discarded'));
    const pattern = new RegExp((byId['lago.api'].filters.find((f) => f.key === 'http_statuses') as { pattern: string }).pattern);
    assert.ok(pattern.test('failed, 404,succeeded') && !pattern.test('600') && !pattern.test('ok'));
    assert.ok(byId['daily.meeting'].filters.find((f) => f.key === 'mtgSessionId')?.required);
  });

  it('every column and detail field appears in real mapped rows, and local filters are marked', async () => {
    for (const definition of all) {
      assert.ok(definition.provider !== 'timeline');
      const server = sample.servers[definition.provider];
      const connection = connect(server);
      const filters = definition.id === 'daily.meeting' ? { mtgSessionId: (await connection.listMeetingSessions!()).sessions[2].id, includeMetrics: true } : { include_deleted: true };
      const page = await connection.stream(definition.id).fetchPage({ filters, pageSize: 100 });
      const keys = new Set(page.rows.flatMap((r) => Object.keys(r.fields)));
      for (const key of [...definition.columns.map((c) => c.key), ...definition.details.map((d) => d.field)]) {
        assert.ok(keys.has(key), `${definition.id}: ${key}`);
      }
      const local = definition.filters.filter((f) => !f.serverSide).map((f) => f.key);
      const sent = server.requests.at(-1)!.search;
      assert.ok(local.every((key) => !sent.includes(`${key}=`)), definition.id);
      connection.dispose();
    }
  });
});
