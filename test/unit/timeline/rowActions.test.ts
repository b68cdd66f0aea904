import assert from 'node:assert/strict';
import type { JsonValue, LogRow } from '../../../src/protocol/streamDefinition';
import { parseQuery } from '../../../src/protocol/query/parser';
import { aroundTimeQuery } from '../../../src/timeline/aroundTime';
import { idLikeValues } from '../../../src/timeline/relatedValues';
import { RelatedIndex } from '../../../src/timeline/relatedIndex';
import { sourceIndexOf } from '../../../src/timeline/mergedRows';

/** Indexes merged rows by the source their id names (a timeline indexes each row's original fields). */
function indexOf(rows: readonly LogRow[], labels: readonly string[]): RelatedIndex {
  const index = new RelatedIndex((source) => labels[source]);
  for (const r of rows) index.add(sourceIndexOf(r), r);
  return index;
}
import { compileQuery } from '../../../src/protocol/query/evaluate';
import { timelineDefinition } from '../../../src/timeline/timelineDefinition';

const at = Date.UTC(2026, 10, 23, 10, 2, 3);
const row = (id: string, fields: Record<string, JsonValue>, time = at): LogRow => ({ id, time, severity: 'info', fields });

describe('Show Around This Time', () => {
  it('replaces the query’s time range with a visible ± range term and keeps the other terms', () => {
    const query = aroundTimeQuery('status:5xx time:2026-11-20T00:00:00Z..2026-11-21T00:00:00Z', at, 30, 'utc');
    assert.equal(query, 'status:5xx time:2026-11-23T10:01:33Z..2026-11-23T10:02:33Z');
    const parsed = parseQuery(query);
    assert.ok(parsed.ok);
  });

  it('widens the range to whole seconds, so the term has no milliseconds and still holds the row', () => {
    assert.equal(aroundTimeQuery('', at + 930, 60, 'utc'), 'time:2026-11-23T10:01:03Z..2026-11-23T10:03:04Z');
  });

  it('leaves a relative time term alone and adds the range', () => {
    assert.equal(aroundTimeQuery('time:>-1h', at, 5, 'utc'), 'time:>-1h time:2026-11-23T10:01:58Z..2026-11-23T10:02:08Z');
  });

  it('matches the rows inside the range only', () => {
    const query = aroundTimeQuery('', at, 60, 'utc');
    const parsed = parseQuery(query);
    assert.ok(parsed.ok);
    const compiled = compileQuery(parsed.node, { definition: timelineDefinition([]), now: at, zone: 'utc' });
    assert.ok('predicate' in compiled);
    const inside = row('a', { time: at + 59_000 }, at + 59_000);
    const outside = row('b', { time: at + 61_000 }, at + 61_000);
    assert.deepEqual([inside, outside].filter((r) => compiled.predicate(r, 0)).map((r) => r.id), ['a']);
  });
});

describe('Find Related', () => {
  it('finds session ids, room names, customer ids, request ids and phone numbers', () => {
    const values = idLikeValues({
        url: '/v1/rooms/daily-standup/presence',
        lago: { external_customer_id: 'acme-corp', request_id: '0b7e2c1a-58f1-4c2e-9d7b-2f1e6c3a9d10', status: 'completed' },
        signalwire: { from: '+14155550123', to: 'sip:desk@example.com' },
        response: '{"mtgSessionId":"9f3c1d2e-aaaa-4bbb-8ccc-123456789abc","id":"cus_8hF2kLm9"}',
    });
    for (const value of ['daily-standup', 'acme-corp', '0b7e2c1a-58f1-4c2e-9d7b-2f1e6c3a9d10', '+14155550123', '9f3c1d2e-aaaa-4bbb-8ccc-123456789abc', 'cus_8hF2kLm9']) {
      assert.ok(values.has(value), value);
    }
    assert.ok(!values.has('completed'));
  });

  it('offers values shared with other sources first, as query terms matching those rows', () => {
    const rows = [
      row('0~a', { source: 'Daily', url: '/v1/rooms/daily-standup', userId: 'user-42' }),
      row('1~b', { source: 'SignalWire', signalwire: { room_name: 'daily-standup' } }),
      row('0~c', { source: 'Daily', url: '/v1/rooms/other-room', userId: 'user-42' }),
      row('0~d', { source: 'Daily', url: '/v1/rooms/other-room', userId: 'user-42' }),
      row('2~e', { source: 'Lago', lago: { external_customer_id: 'acme' } }),
    ];
    const related = indexOf(rows, ['Daily', 'SignalWire', 'Lago']).related(rows[0].id);
    assert.deepEqual(related.map((value) => [value.value, value.rows, value.sources]), [
      ['daily-standup', 1, ['SignalWire']],
      ['user-42', 2, ['Daily']],
    ]);
    const parsed = parseQuery(related[0].term);
    assert.ok(parsed.ok);
    const compiled = compileQuery(parsed.node, { definition: timelineDefinition([]), now: at, zone: 'utc' });
    assert.ok('predicate' in compiled);
    assert.deepEqual(rows.filter((r) => compiled.predicate(r, 0)).map((r) => r.id), ['0~a', '1~b']);
  });

  it('forgets a removed row', () => {
    const rows = [row('0~a', { userId: 'user-42' }), row('1~b', { userId: 'user-42' })];
    const index = indexOf(rows, ['Daily', 'Lago']);
    assert.deepEqual(index.related('0~a').map((value) => [value.rows, value.sources]), [[1, ['Lago']]]);
    index.remove('1~b');
    assert.deepEqual(index.related('0~a'), []);
    assert.equal(index.size, 1);
  });
});
