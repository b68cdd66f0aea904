import assert from 'node:assert/strict';
import { compileQuery } from '../../../src/protocol/query/evaluate';
import { parseQuery } from '../../../src/protocol/query/parser';
import type { LogRow } from '../../../src/protocol/streamDefinition';
import { dailyApiLogsStream } from '../../../src/providers/daily/dailyApiLogsStream';
import { lagoApiLogsStream } from '../../../src/providers/lago/lagoApiLogsStream';
import { signalwireVoiceLogsStream } from '../../../src/providers/signalwire/signalwireVoiceLogsStream';
import { splitMergedRowId, toTimelineRow, type SourceInfo } from '../../../src/timeline/sourceRows';
import { timelineDefinition } from '../../../src/timeline/timelineDefinition';

const now = Date.UTC(2026, 10, 23, 12);
const sources: SourceInfo[] = [
  { index: 0, provider: 'daily', label: 'Acme · Daily · API logs', definition: dailyApiLogsStream },
  { index: 1, provider: 'lago', label: 'Acme · Lago · API logs', definition: lagoApiLogsStream },
  { index: 2, provider: 'signalwire', label: 'Acme · SignalWire · Voice logs', definition: signalwireVoiceLogsStream },
];
const rows: LogRow[] = [
  toTimelineRow(sources[0], { id: 'd1', time: now, severity: 'error', fields: { createdAt: now, method: 'POST', url: '/v1/rooms', status: 503, ip: '10.0.0.1' } }),
  toTimelineRow(sources[1], {
    id: 'l1',
    time: now - 1,
    severity: 'info',
    fields: { logged_at: now - 1, http_method: 'post', request_path: '/api/v1/events', http_status: 200, external_customer_id: 'acme' },
  }),
  toTimelineRow(sources[2], { id: 's1', time: now - 2, severity: 'info', fields: { created_at: now - 2, type: 'relay.call', from: '+14155550123', to: '+14155550999', status: 'completed' } }),
];

function matching(query: string): string[] {
  const parsed = parseQuery(query);
  assert.ok(parsed.ok, query);
  const compiled = compileQuery(parsed.node, { definition: timelineDefinition(sources), now, zone: 'utc' });
  assert.ok('predicate' in compiled, query);
  return rows.filter((row, index) => compiled.predicate(row, index)).map((row) => splitMergedRowId(row.id)?.rowId ?? row.id);
}

describe('the query language on timeline rows', () => {
  it('works on the common fields whatever each stream calls them', () => {
    assert.deepEqual(matching('method:post'), ['d1', 'l1']);
    assert.deepEqual(matching('status:5xx'), ['d1']);
    assert.deepEqual(matching('path:/api/*'), ['l1']);
    assert.deepEqual(matching('level:error'), ['d1']);
    assert.deepEqual(matching('ip:10.0.0.1'), ['d1']);
    assert.deepEqual(matching('message:relay.call*'), ['s1']);
  });

  it('reads provider-prefixed fields into that provider’s rows only', () => {
    assert.deepEqual(matching('lago.external_customer_id:acme'), ['l1']);
    assert.deepEqual(matching('signalwire.from:+14155550123'), ['s1']);
    assert.deepEqual(matching('-lago.external_customer_id:acme'), ['d1', 's1']);
  });

  it('matches the source by name', () => {
    assert.deepEqual(matching('source:*Lago*'), ['l1']);
  });
});
