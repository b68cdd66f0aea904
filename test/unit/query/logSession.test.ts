import assert from 'node:assert/strict';
import { ProviderError } from '../../../src/http/providerError';
import type { Page, PageRequest } from '../../../src/providers/connection';
import type { LogRow } from '../../../src/protocol/streamDefinition';
import type { FetchPage, SessionEvent } from '../../../src/query/logSession';
import { LogSession } from '../../../src/query/logSession';
import { until } from '../../support/until';

function row(n: number): LogRow {
  return { id: `r${n}`, time: 1_700_000_000_000 + n * 1000, severity: 'info', fields: { n } };
}

/** A stream of `count` rows, newest first (r{count-1} … r0), paged by an offset cursor. */
class FakeStream {
  readonly requests: PageRequest[] = [];
  constructor(public count: number) {}

  readonly fetchPage: FetchPage = async (request) => {
    this.requests.push(request);
    return this.page(request);
  };

  page(request: PageRequest): Page {
    const start = request.cursor === undefined ? 0 : Number(request.cursor);
    const size = request.pageSize ?? 10;
    const rows: LogRow[] = [];
    for (let index = start; index < Math.min(start + size, this.count); index++) rows.push(row(this.count - 1 - index));
    return { rows, next: start + size < this.count ? String(start + size) : undefined, total: this.count };
  }
}

function session(fetchPage: FetchPage, overrides: Partial<ConstructorParameters<typeof LogSession>[0]> = {}): LogSession {
  return new LogSession({ fetchPage, filters: {}, pageSize: 10, maxRows: 1000, tailIntervalMs: 10, ...overrides });
}

function record(target: LogSession): SessionEvent[] {
  const events: SessionEvent[] = [];
  target.onEvent((event) => events.push(event));
  return events;
}

const ids = (rows: Iterable<LogRow>): string[] => Array.from(rows, (r) => r.id);
/**
 * Resolves once a control session with the same tail interval, visible and tailing, has polled `polls` times:
 * at least that many intervals have passed, however slow the machine is.
 */
async function tailIntervalsPass(polls = 3): Promise<void> {
  const stream = new FakeStream(5);
  const control = session(stream.fetchPage);
  await control.refresh();
  control.setLiveTail(true);
  await until(() => stream.requests.length >= 1 + polls);
  control.dispose();
}

describe('LogSession', () => {
  it('loads the newest page first and reports more, total and the refresh time', async () => {
    const stream = new FakeStream(25);
    const s = session(stream.fetchPage, { now: () => 42 });
    const events = record(s);
    await s.refresh();
    assert.deepEqual(ids(s.rows), ['r24', 'r23', 'r22', 'r21', 'r20', 'r19', 'r18', 'r17', 'r16', 'r15']);
    assert.equal(stream.requests[0].cursor, undefined);
    assert.equal(stream.requests[0].pageSize, 10);
    const status = s.status();
    assert.deepEqual([status.loaded, status.more, status.total, status.lastRefresh, status.activity], [10, true, 25, 42, 'idle']);
    const rowsEvent = events.find((e) => e.type === 'rows');
    assert.equal(rowsEvent?.type === 'rows' && rowsEvent.mode, 'replace');
  });

  it('appends older pages from the cursor and stops at the end', async () => {
    const stream = new FakeStream(25);
    const s = session(stream.fetchPage);
    await s.refresh();
    await s.loadOlder();
    await s.loadOlder();
    assert.equal(s.rows.length, 25);
    assert.equal(s.rows.at(-1)?.id, 'r0');
    assert.deepEqual(stream.requests.map((r) => r.cursor), [undefined, '10', '20']);
    assert.equal(s.status().more, false);
    await s.loadOlder();
    assert.equal(stream.requests.length, 3, 'no request without a cursor');
  });

  it('loads all remaining pages with progress', async () => {
    const stream = new FakeStream(95);
    const s = session(stream.fetchPage);
    await s.refresh();
    const events = record(s);
    await s.loadAll();
    assert.equal(s.rows.length, 95);
    const progress = events.flatMap((e) => (e.type === 'status' && e.status.activity === 'all' ? [e.status.pagesLoaded] : []));
    assert.deepEqual(progress, [0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    assert.equal(s.status().activity, 'idle');
  });

  it('stops loading all when the server repeats a cursor', async () => {
    let calls = 0;
    const s = session(async (request) => {
      calls++;
      return { rows: [row(1000 - calls)], next: request.cursor === undefined ? 'a' : 'a' };
    });
    await s.refresh();
    await s.loadAll();
    assert.equal(calls, 2);
  });

  it('cancels a load at once even when the server never answers, keeping the rows', async () => {
    const stream = new FakeStream(50);
    let hang = false;
    let sawSignal: AbortSignal | undefined;
    const s = session((request) => {
      if (!hang) return stream.fetchPage(request);
      sawSignal = request.signal;
      return new Promise<Page>(() => undefined);
    });
    await s.refresh();
    hang = true;
    const loading = s.loadAll();
    assert.equal(s.status().activity, 'all');
    s.cancel();
    // The fetch never settles by itself, so `loading` ends only through the cancel.
    await loading;
    assert.equal(sawSignal?.aborted, true, 'the fetch saw the abort');
    assert.equal(s.rows.length, 10);
    assert.equal(s.error, null, 'a cancel is not an error');
    assert.equal(s.status().activity, 'idle');
  });

  it('keeps rows on an error and retries the failed operation with the same cursor', async () => {
    const stream = new FakeStream(30);
    let fail = false;
    const s = session((request) => (fail ? Promise.reject(new ProviderError('server', 'The server failed (500).')) : stream.fetchPage(request)));
    const events = record(s);
    await s.refresh();
    fail = true;
    await s.loadOlder();
    assert.equal(s.rows.length, 10);
    assert.deepEqual(s.error, { kind: 'server', message: 'The server failed (500).', canUpdateToken: false });
    assert.ok(events.some((e) => e.type === 'error' && e.error?.kind === 'server'));
    fail = false;
    await s.retry();
    assert.equal(s.rows.length, 20);
    assert.equal(stream.requests.at(-1)?.cursor, '10');
    assert.equal(s.error, null);
    assert.deepEqual(events.at(-2), { type: 'error', error: null });
  });

  it('offers a token update for auth errors and explains unexpected ones', async () => {
    const s = session(() => Promise.reject(new ProviderError('auth', 'The API key was rejected (401).')));
    await s.refresh();
    assert.equal(s.error?.canUpdateToken, true);
    const t = session(() => Promise.reject(new TypeError('boom')));
    await t.refresh();
    assert.match(t.error?.message ?? '', /boom/);
    assert.equal(t.error?.canUpdateToken, false);
  });

  it('lets a filter change supersede a load in flight', async () => {
    let releaseSlow: ((page: Page) => void) | undefined;
    const s = session((request) => {
      if (request.filters.url === 'slow') return new Promise<Page>((resolve) => (releaseSlow = resolve));
      return Promise.resolve({ rows: [row(7)] });
    });
    const first = s.setFilters({ url: 'slow' });
    const second = s.setFilters({ url: 'fast' });
    releaseSlow?.({ rows: [row(1), row(2)] });
    await Promise.all([first, second]);
    assert.deepEqual(ids(s.rows), ['r7']);
    assert.deepEqual(s.filters, { url: 'fast' });
  });

  it('does not query while a required filter is empty', async () => {
    const stream = new FakeStream(5);
    const s = session(stream.fetchPage, { requiredFilters: [['mtgSessionId', 'userSessionId']] });
    await s.refresh();
    await s.setFilters({ mtgSessionId: '', logLevel: 'ERROR' });
    assert.equal(stream.requests.length, 0);
    assert.equal(s.rows.length, 0);
    await s.setFilters({ mtgSessionId: 'abc' });
    assert.equal(stream.requests.length, 1);
    assert.equal(s.rows.length, 5);
    await s.setFilters({ userSessionId: 'participant-1' });
    assert.equal(stream.requests.length, 2, 'an alternative satisfies the requirement');
  });

  it('bounds rows by maxRows and then stops loading older pages', async () => {
    const stream = new FakeStream(100);
    const s = session(stream.fetchPage, { maxRows: 25 });
    await s.refresh();
    await s.loadAll();
    assert.equal(s.rows.length, 25);
    assert.equal(s.rows.at(-1)?.id, 'r75');
    assert.equal(s.status().dropped, 5);
    assert.equal(s.status().more, false);
    assert.equal(stream.requests.length, 3);
  });

  it('drops the oldest rows when the bound is lowered', async () => {
    const stream = new FakeStream(30);
    const s = session(stream.fetchPage, { pageSize: 30 });
    await s.refresh();
    const events = record(s);
    s.updateSettings({ pageSize: 30, maxRows: 12, tailIntervalMs: 10 });
    assert.equal(s.rows.length, 12);
    assert.equal(s.rows.at(-1)?.id, 'r18');
    assert.deepEqual(events[0], { type: 'dropOldest', count: 18 });
  });

  describe('live tail', () => {
    it('polls the newest page and prepends only unseen rows', async () => {
      const stream = new FakeStream(20);
      const s = session(stream.fetchPage);
      await s.refresh();
      const events = record(s);
      stream.count = 23;
      s.setLiveTail(true);
      await until(() => s.rows.length === 13);
      s.setLiveTail(false);
      assert.deepEqual(ids(s.rows.slice(0, 4)), ['r22', 'r21', 'r20', 'r19']);
      assert.equal(new Set(ids(s.rows)).size, s.rows.length, 'no duplicates');
      const prepends = events.filter((e) => e.type === 'rows');
      assert.deepEqual(prepends, [{ type: 'rows', mode: 'prepend', rows: [row(22), row(21), row(20)] }]);
      assert.equal(s.status().liveTail, false);
    });

    it('does not poll while hidden or paused, and resumes after', async () => {
      const stream = new FakeStream(5);
      const s = session(stream.fetchPage);
      await s.refresh();
      s.setVisible(false);
      s.setLiveTail(true);
      assert.equal(s.status().tailPaused, true);
      await tailIntervalsPass();
      assert.equal(stream.requests.length, 1, 'hidden: no polls');
      s.setVisible(true);
      s.setTailPaused(true);
      await tailIntervalsPass();
      assert.equal(stream.requests.length, 1, 'paused: no polls');
      s.setTailPaused(false);
      await until(() => stream.requests.length >= 3);
      s.dispose();
    });

    it('reports a poll failing the same way once, and clears it when a poll succeeds', async () => {
      const stream = new FakeStream(5);
      let failing = false;
      let polls = 0;
      const s = session((request) => {
        if (!failing) return stream.fetchPage(request);
        polls++;
        return Promise.reject(new ProviderError('network', 'The server could not be reached.'));
      });
      await s.refresh();
      const events = record(s);
      failing = true;
      s.setLiveTail(true);
      await until(() => polls >= 3);
      failing = false;
      await until(() => s.error === null);
      s.dispose();
      const banners = events.filter((e) => e.type === 'error');
      assert.deepEqual(banners.map((e) => e.type === 'error' && e.error?.kind), ['network', undefined]);
      assert.equal(s.rows.length, 5);
    });

    it('drops the oldest rows when new rows push past maxRows', async () => {
      const stream = new FakeStream(10);
      const s = session(stream.fetchPage, { maxRows: 10 });
      await s.refresh();
      const events = record(s);
      stream.count = 14;
      s.setLiveTail(true);
      await until(() => events.some((e) => e.type === 'dropOldest'));
      s.dispose();
      assert.deepEqual(events.find((e) => e.type === 'dropOldest'), { type: 'dropOldest', count: 4 });
      assert.equal(s.rows.at(0)?.id, 'r13');
      assert.equal(s.rows.length, 10);
      assert.equal(s.status().more, false, 'older pages would leave a gap');
    });
  });
});
