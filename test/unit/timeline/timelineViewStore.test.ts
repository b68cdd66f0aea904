import assert from 'node:assert/strict';
import type { TimelineIdentity } from '../../../src/protocol/logTable';
import { TimelineViewStore, parseTimelineViews, timelineViewsKey, type StateStorage } from '../../../src/timeline/timelineViewStore';

class MemoryState implements StateStorage {
  readonly values = new Map<string, unknown>();
  get(key: string): unknown {
    return this.values.get(key);
  }
  async update(key: string, value: unknown): Promise<void> {
    this.values.set(key, JSON.parse(JSON.stringify(value)));
  }
}

const identity: TimelineIdentity = {
  kind: 'timeline',
  sources: [
    { accountId: 'acme', provider: 'daily', streamId: 'daily.api' },
    { accountId: 'acme', provider: 'lago', streamId: 'lago.api', filters: { http_statuses: 'failed' } },
  ],
  query: 'status:5xx',
  timeRange: { kind: 'relative', preset: '1h' },
};

describe('timelines saved as views', () => {
  it('stores the streams, query and range with a version, updates, renames and removes them, telling listeners', async () => {
    const state = new MemoryState();
    const store = new TimelineViewStore(state);
    let changes = 0;
    store.onDidChange(() => changes++);
    const saved = await store.add(' Checkout incident ', { ...identity, viewId: 'of-a-panel' });
    assert.deepEqual(store.list(), [saved]);
    assert.equal(saved.name, 'Checkout incident');
    assert.deepEqual(saved.identity, identity, 'the panel’s viewId is not stored');
    assert.equal((state.get(timelineViewsKey) as { version: number }).version, 1);
    await store.update(saved.id, { ...identity, query: 'status:4xx' });
    await store.rename(saved.id, 'Checkout 4xx');
    assert.deepEqual(store.list().map((view) => [view.id, view.name, view.identity.query]), [[saved.id, 'Checkout 4xx', 'status:4xx']]);
    await assert.rejects(store.rename('gone', 'x'), /no longer exists/);
    await store.remove(saved.id);
    assert.deepEqual(store.list(), []);
    assert.equal(changes, 4);
  });

  it('skips entries that do not parse and keeps the others', () => {
    const good = { id: 'a', name: 'Good', identity };
    const views = parseTimelineViews({
      version: 1,
      views: [good, { id: 'b', name: 'Bad stream', identity: { ...identity, sources: [{ accountId: 'acme', provider: 'lago', streamId: 'daily.api' }] } }, { id: 'c', name: '', identity }],
    });
    assert.deepEqual(views.map((view) => view.name), ['Good']);
  });

  it('reads nothing written by a newer version, or without a version', () => {
    assert.deepEqual(parseTimelineViews({ version: 2, views: [{ id: 'a', name: 'Good', identity }] }), []);
    assert.deepEqual(parseTimelineViews({ views: [{ id: 'a', name: 'Good', identity }] }), []);
  });
});
