import { strict as assert } from 'node:assert';
import type { StreamId } from '../../../src/protocol/streamDefinition';
import { dailySpecExamples } from '../../../src/sample/dailyApiLogData';
import { startFakeServer, type FakeServerOptions } from '../../../src/sample/fakeServers';
import { lagoSpecExample } from '../../../src/sample/lagoData';
import { signalwireVideoSpecExample } from '../../../src/sample/signalwireData';
import { connect } from '../providers/clientTestSupport';

const now = Date.parse('2026-11-20T12:00:00Z');
const days = 86_400_000;
const cases: { stream: StreamId; ids: readonly string[] }[] = [
  { stream: 'daily.api', ids: dailySpecExamples.map((example) => example.id) },
  { stream: 'lago.api', ids: [lagoSpecExample.request_id] },
  { stream: 'signalwire.video', ids: [signalwireVideoSpecExample.id] },
];

/** Every row of a stream as the real client loads it: id → time. */
async function rowTimes(stream: StreamId, options: FakeServerOptions): Promise<Map<string, number>> {
  const server = await startFakeServer(stream.split('.')[0] as 'daily' | 'lago' | 'signalwire', { rowCount: 60, seed: 3, now, ...options });
  const connection = connect(server);
  try {
    const times = new Map<string, number>();
    for await (const page of connection.stream(stream).pages({ filters: {}, pageSize: 100 })) {
      for (const row of page.rows) times.set(row.id, row.time);
    }
    return times;
  } finally {
    connection.dispose();
    await server.close();
  }
}

describe('sample data: the spec examples sit next to the generated days, not years before them', () => {
  for (const { stream, ids } of cases) {
    it(`${stream}: dated as in the spec by default, just before the oldest generated row for people`, async () => {
      const asInSpec = await rowTimes(stream, {});
      const moved = await rowTimes(stream, { specExamples: 'beforeGenerated' });
      assert.deepEqual([...moved.keys()], [...asInSpec.keys()], 'the same rows in the same order');
      const generatedTimes = [...moved].filter(([id]) => !ids.includes(id)).map(([, time]) => time);
      const oldestGenerated = Math.min(...generatedTimes);
      for (const id of ids) {
        assert.ok(asInSpec.get(id)! < now - 365 * days, `${id} keeps its spec date by default`);
        const time = moved.get(id)!;
        assert.ok(time < oldestGenerated && time > oldestGenerated - 10 * 60_000, `${id} at ${new Date(time).toISOString()}, oldest generated ${new Date(oldestGenerated).toISOString()}`);
      }
      const spacing = (times: Map<string, number>) => ids.map((id) => times.get(id)! - times.get(ids[0])!);
      assert.deepEqual(spacing(moved), spacing(asInSpec), 'the examples keep their spacing');
    });
  }
});
