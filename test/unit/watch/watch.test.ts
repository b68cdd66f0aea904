import { strict as assert } from 'node:assert';
import { errorRowTest } from '../../../src/protocol/errorRows';
import type { LogRow } from '../../../src/protocol/streamDefinition';
import { dailyApiLogsStream } from '../../../src/providers/daily/dailyApiLogsStream';
import { lagoApiLogsStream } from '../../../src/providers/lago/lagoApiLogsStream';
import { signalwireVideoLogsStream } from '../../../src/providers/signalwire/signalwireVideoLogsStream';
import { timelineDefinition } from '../../../src/timeline/timelineDefinition';
import type { Watch, WatchTarget } from '../../../src/watch/watch';
import { applyPoll, newErrorsQuery, pollFilters, targetRows, watchIdOf } from '../../../src/watch/watch';

const target = { kind: 'stream' as const, accountId: 'acc', provider: 'daily' as const, streamId: 'daily.api' as const, filters: {} };
const fresh: Watch = { id: watchIdOf(target), target, label: 'Daily · API logs', seenIds: [], newErrors: [], newErrorCount: 0 };
const view: WatchTarget = { ...target, kind: 'view', viewId: 'account:v1', name: 'Room posts', filters: { url: '/v1/rooms' }, query: 'method:POST -status:404' };

function row(id: string, time: number, status: number, method = 'POST'): LogRow {
  return { id, time, severity: status >= 500 ? 'error' : status >= 400 ? 'warning' : 'info', fields: { id, url: '/v1/rooms', method, status } };
}

describe('watch polling', () => {
  it('takes a baseline first: history is not news', () => {
    const { watch, added } = applyPoll(fresh, [row('b', 200, 400), row('a', 100, 500)], dailyApiLogsStream);
    assert.deepEqual(added, []);
    assert.equal(watch.seenUntil, 200);
    assert.deepEqual(watch.seenIds, ['b']);
  });

  it('counts error rows newer than the baseline, once, including a row in the same millisecond', () => {
    const base = applyPoll(fresh, [row('b', 200, 200), row('a', 100, 500)], dailyApiLogsStream).watch;
    const first = applyPoll(base, [row('d', 300, 400), row('c', 200, 500), row('b', 200, 200), row('a', 100, 500)], dailyApiLogsStream);
    assert.deepEqual(first.added.map((error) => error.id), ['d', 'c']);
    assert.equal(first.added[0].summary, '400 POST /v1/rooms');
    assert.equal(first.watch.newErrorCount, 2);
    const again = applyPoll(first.watch, [row('e', 300, 200), row('d', 300, 400), row('c', 200, 500)], dailyApiLogsStream);
    assert.deepEqual(again.added, []);
    assert.equal(again.watch.newErrorCount, 2);
    assert.deepEqual([...again.watch.seenIds].sort(), ['d', 'e']);
  });

  it('treats level error as the error of non-HTTP streams', () => {
    const video = { ...fresh, target: { ...target, provider: 'signalwire' as const, streamId: 'signalwire.video' as const } };
    const base = applyPoll(video, [row('a', 100, 200)], signalwireVideoLogsStream).watch;
    const polled = applyPoll(base, [{ id: 'x', time: 150, severity: 'error', fields: { message: 'room failed' } }, { id: 'y', time: 140, severity: 'warning', fields: {} }], signalwireVideoLogsStream);
    assert.deepEqual(polled.added, [{ id: 'x', time: 150, summary: 'room failed' }]);
  });

  it('opens the new errors with a query from the oldest new error on', () => {
    const base = applyPoll(fresh, [row('a', Date.UTC(2026, 10, 29, 14, 0), 200)], dailyApiLogsStream).watch;
    const polled = applyPoll(base, [row('c', Date.UTC(2026, 10, 29, 14, 5), 404), row('b', Date.UTC(2026, 10, 29, 14, 3), 400)], dailyApiLogsStream).watch;
    assert.equal(newErrorsQuery(polled, dailyApiLogsStream), 'status:>=400 time:>=2026-11-29T14:03:00.000Z');
    const video = { ...fresh, target: { ...target, streamId: 'signalwire.video' as const } };
    assert.equal(newErrorsQuery(video, signalwireVideoLogsStream), 'level:error');
  });
});

describe('watching a saved view', () => {
  it('asks the API for the view\'s filters plus what its query pushes down, and counts only the rows its query keeps', () => {
    assert.deepEqual(pollFilters(target, dailyApiLogsStream, 0, 'utc'), {});
    assert.deepEqual(pollFilters({ ...view, filters: {}, query: 'url:/v1/rooms method:POST' }, dailyApiLogsStream, 0, 'utc'), { url: '/v1/rooms' });
    const shown = targetRows(view, dailyApiLogsStream, 0, 'utc');
    const page = [row('d', 400, 400), row('c', 300, 404), row('b', 250, 500, 'GET'), row('a', 100, 200)];
    assert.deepEqual(page.filter(shown).map((kept) => kept.id), ['d', 'a']);
    const watch: Watch = { ...fresh, id: watchIdOf(view), target: view };
    const base = applyPoll(watch, [row('a', 100, 200)], dailyApiLogsStream, shown).watch;
    const polled = applyPoll(base, page, dailyApiLogsStream, shown);
    assert.deepEqual(polled.added.map((error) => error.id), ['d']);
    assert.equal(newErrorsQuery(polled.watch, dailyApiLogsStream), `method:POST -status:404 status:>=400 time:>=${new Date(400).toISOString()}`);
  });

  it('takes its baseline from every polled row, so a view that showed nothing yet counts its first error', () => {
    const shown = targetRows(view, dailyApiLogsStream, 0, 'utc');
    const watch: Watch = { ...fresh, id: watchIdOf(view), target: view };
    const base = applyPoll(watch, [row('a', 100, 200, 'GET')], dailyApiLogsStream, shown).watch;
    assert.equal(base.seenUntil, 100);
    assert.deepEqual(applyPoll(base, [row('b', 200, 400), row('a', 100, 200, 'GET')], dailyApiLogsStream, shown).added.map((error) => error.id), ['b']);
  });

  it('keeps what it saw when a poll brings only older rows', () => {
    const base = applyPoll(fresh, [row('b', 200, 200)], dailyApiLogsStream).watch;
    const late = applyPoll(base, [row('a', 100, 500)], dailyApiLogsStream);
    assert.deepEqual(late.added, []);
    assert.equal(late.watch.seenUntil, 200);
    assert.deepEqual(late.watch.seenIds, ['b']);
  });

  it('has its own id (a stream and a view of it are two watches), and refuses a query that does not parse', () => {
    assert.equal(watchIdOf(view), 'view:acc/daily/daily.api/account:v1');
    assert.notEqual(watchIdOf(view), watchIdOf(target));
    assert.throws(() => targetRows({ ...view, query: 'status:>=abc' }, dailyApiLogsStream, 0, 'utc'), /the query of "Room posts" is invalid/);
  });
});

describe('what counts as an error (the watch, the lens\'s "failed", the histogram\'s error share)', () => {
  it('is a failed request (status 400 or more) in request logs and the error level elsewhere', () => {
    const daily = errorRowTest(dailyApiLogsStream);
    assert.deepEqual([200, 302, 399, 400, 404, 429, 500, 503].map((status) => daily(row('r', 0, status))), [false, false, false, true, true, true, true, true]);
    const lago = errorRowTest(lagoApiLogsStream);
    assert.equal(lago({ id: 'l', time: 0, severity: 'warning', fields: { http_status: 422 } }), true);
    assert.equal(lago({ id: 'l', time: 0, severity: 'info', fields: { http_status: 201 } }), false);
    const video = errorRowTest(signalwireVideoLogsStream);
    assert.equal(video({ id: 'v', time: 0, severity: 'error', fields: {} }), true);
    assert.equal(video({ id: 'v', time: 0, severity: 'warning', fields: {} }), false);
  });

  it('falls back to the level for a row without a status (a timeline mixes request and event logs)', () => {
    const timeline = errorRowTest(timelineDefinition([]));
    assert.equal(timeline({ id: 't', time: 0, severity: 'error', fields: { status: null } }), true);
    assert.equal(timeline({ id: 't', time: 0, severity: 'info', fields: { status: 401 } }), true);
    assert.equal(timeline({ id: 't', time: 0, severity: 'warning', fields: {} }), false);
  });
});
