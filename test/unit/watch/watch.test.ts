import { strict as assert } from 'node:assert';
import type { LogRow } from '../../../src/protocol/streamDefinition';
import type { Watch } from '../../../src/watch/watch';
import { applyPoll, newErrorsQuery, watchIdOf } from '../../../src/watch/watch';

const target = { kind: 'stream' as const, accountId: 'acc', provider: 'daily' as const, streamId: 'daily.api' as const, filters: {} };
const fresh: Watch = { id: watchIdOf(target), target, label: 'Daily · API logs', seenIds: [], newErrors: [], newErrorCount: 0 };

function row(id: string, time: number, status: number): LogRow {
  return { id, time, severity: status >= 500 ? 'error' : status >= 400 ? 'warning' : 'info', fields: { id, url: '/v1/rooms', method: 'POST', status } };
}

describe('watch polling', () => {
  it('takes a baseline first: history is not news', () => {
    const { watch, added } = applyPoll(fresh, [row('b', 200, 400), row('a', 100, 500)]);
    assert.deepEqual(added, []);
    assert.equal(watch.seenUntil, 200);
    assert.deepEqual(watch.seenIds, ['b']);
  });

  it('counts error rows newer than the baseline, once, including a row in the same millisecond', () => {
    const base = applyPoll(fresh, [row('b', 200, 200), row('a', 100, 500)]).watch;
    const first = applyPoll(base, [row('d', 300, 400), row('c', 200, 500), row('b', 200, 200), row('a', 100, 500)]);
    assert.deepEqual(first.added.map((error) => error.id), ['d', 'c']);
    assert.equal(first.added[0].summary, '400 POST /v1/rooms');
    assert.equal(first.watch.newErrorCount, 2);
    const again = applyPoll(first.watch, [row('e', 300, 200), row('d', 300, 400), row('c', 200, 500)]);
    assert.deepEqual(again.added, []);
    assert.equal(again.watch.newErrorCount, 2);
    assert.deepEqual([...again.watch.seenIds].sort(), ['d', 'e']);
  });

  it('treats level error as the error of non-HTTP streams', () => {
    const video = { ...fresh, target: { ...target, provider: 'signalwire' as const, streamId: 'signalwire.video' as const } };
    const base = applyPoll(video, [row('a', 100, 200)]).watch;
    const polled = applyPoll(base, [{ id: 'x', time: 150, severity: 'error', fields: { message: 'room failed' } }, { id: 'y', time: 140, severity: 'warning', fields: {} }]);
    assert.deepEqual(polled.added, [{ id: 'x', time: 150, summary: 'room failed' }]);
  });

  it('opens the new errors with a query from the oldest new error on', () => {
    const base = applyPoll(fresh, [row('a', Date.UTC(2026, 10, 29, 14, 0), 200)]).watch;
    const polled = applyPoll(base, [row('c', Date.UTC(2026, 10, 29, 14, 5), 404), row('b', Date.UTC(2026, 10, 29, 14, 3), 400)]).watch;
    assert.equal(newErrorsQuery(polled), 'status:>=400 time:>=2026-11-29T14:03:00.000Z');
    const video = { ...fresh, target: { ...target, streamId: 'signalwire.video' as const } };
    assert.equal(newErrorsQuery(video), 'level:error');
  });
});
