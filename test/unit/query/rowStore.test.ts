import assert from 'node:assert/strict';
import type { LogRow } from '../../../src/protocol/streamDefinition';
import { RowStore } from '../../../src/query/rowStore';

const row = (id: string): LogRow => ({ id, time: 0, severity: 'info', fields: {} });
const ids = (rows: Iterable<LogRow>): string[] => Array.from(rows, (r) => r.id);

describe('RowStore', () => {
  it('skips ids it already holds, also within one page', () => {
    const store = new RowStore(100);
    assert.deepEqual(ids(store.replace([row('c'), row('b'), row('b')])), ['c', 'b']);
    assert.deepEqual(ids(store.append([row('b'), row('a')])), ['a']);
    assert.deepEqual(ids(store.prepend([row('d'), row('c')]).added), ['d']);
    assert.deepEqual(ids(store.all()), ['d', 'c', 'b', 'a']);
    assert.equal(store.get('b')?.id, 'b');
  });

  it('refuses older rows beyond the bound and counts them', () => {
    const store = new RowStore(3);
    store.replace([row('e'), row('d')]);
    assert.deepEqual(ids(store.append([row('c'), row('b'), row('a')])), ['c']);
    assert.equal(store.dropped, 2);
    assert.equal(store.limitReached, true);
  });

  it('drops the oldest when newer rows arrive at the bound, forgetting their ids', () => {
    const store = new RowStore(3);
    store.replace([row('c'), row('b'), row('a')]);
    assert.equal(store.prepend([row('e'), row('d')]).droppedOldest, 2);
    assert.deepEqual(ids(store.all()), ['e', 'd', 'c']);
    assert.equal(store.get('a'), undefined);
    assert.equal(store.dropped, 2);
  });

  it('starts counting again on replace', () => {
    const store = new RowStore(2);
    store.replace([row('c'), row('b'), row('a')]);
    assert.equal(store.dropped, 1);
    store.replace([row('x')]);
    assert.equal(store.dropped, 0);
    assert.equal(store.limitReached, false);
    assert.equal(store.setMaxRows(1), 0);
  });
});
