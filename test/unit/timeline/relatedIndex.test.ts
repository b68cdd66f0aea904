import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { Page, PageRequest } from '../../../src/providers/connection';
import type { LogRow } from '../../../src/protocol/streamDefinition';
import { LogSession, type SessionEvent } from '../../../src/query/logSession';
import { RowStore } from '../../../src/query/rowStore';
import { RelatedIndex } from '../../../src/timeline/relatedIndex';
import { followSession, sessionRelatedIndex } from '../../../src/timeline/sessionRelatedIndex';

const row = (n: number, customer: string, time = 1_000_000 - n): LogRow => ({ id: `log-${n}`, time, severity: 'info', fields: { id: `log-${n}`, customer_id: customer } });

/** A session over `rows` in pages of 10 from memory. */
function memorySession(rows: LogRow[], maxRows: number): LogSession {
  const fetchPage = async (request: PageRequest): Promise<Page> => {
    const start = Number(request.cursor ?? 0);
    return { rows: rows.slice(start, start + 10), next: start + 10 < rows.length ? String(start + 10) : undefined };
  };
  return new LogSession({ fetchPage, filters: {}, pageSize: 10, maxRows, tailIntervalMs: 60_000 });
}

/** What an index built from scratch over `rows` answers for `probe`. */
function fresh(rows: Iterable<LogRow>, probe: string) {
  const index = new RelatedIndex(() => 'S');
  for (const r of rows) index.add(0, r);
  return index.related(probe);
}

describe('Find Related index kept across calls', () => {
  it('a stream panel’s index is built on the first call, then follows older pages and drops without a rebuild', async () => {
    const rows = Array.from({ length: 40 }, (_, n) => row(n, `cus_${n % 4}`));
    const session = memorySession(rows, 20);
    await session.refresh();
    const index = await sessionRelatedIndex(session, () => 'Daily · API logs');
    const count = (r: LogRow) => index.related(r.id).find((v) => v.value === r.fields.customer_id)?.rows;
    assert.equal(index.size, 10);
    assert.equal(count(rows[0]), 2, 'rows 4 and 8 share cus_0');
    await session.loadOlder();
    assert.equal(await sessionRelatedIndex(session, () => 'other'), index, 'the same index on the next call');
    assert.equal(index.size, 20, 'the older page was added');
    assert.equal(count(rows[0]), 4);
    session.updateSettings({ pageSize: 10, maxRows: 12, tailIntervalMs: 60_000 });
    assert.equal(index.size, 12, 'the 8 dropped rows left the index');
    assert.equal(count(rows[0]), 2, 'rows 12 and 16 were dropped: only 4 and 8 are left');
  });

  it('reads a row again only when it is new: a refresh re-reads none of the rows it held', async () => {
    const rows = Array.from({ length: 30 }, (_, n) => row(n, `cus_${n % 3}`));
    const session = memorySession(rows, 1_000);
    await session.refresh();
    await session.loadOlder();
    const index = new RelatedIndex(() => 'S');
    let reads = 0;
    const add = index.add.bind(index);
    index.add = (source, r, id) => {
      if (!index.has(id ?? r.id)) reads++;
      add(source, r, id);
    };
    await followSession(index, session, 0, (id) => id);
    assert.equal(reads, 20);
    await session.refresh();
    assert.equal(reads, 20, 'the first page again: the same ten rows, nothing read');
    assert.equal(index.size, 10, 'the older page left with the refresh');
  });

  it('answers like an index built from scratch over the session’s rows, whatever pages arrived and rows were dropped', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.oneof(fc.constant('older' as const), fc.integer({ min: 5, max: 60 }), fc.constant('refresh' as const)), { maxLength: 12 }), async (steps) => {
        const rows = Array.from({ length: 120 }, (_, n) => row(n, `cus_${n % 7}`));
        const session = memorySession(rows, 60);
        const index = new RelatedIndex(() => 'S');
        await followSession(index, session, 0, (id) => id);
        await session.refresh();
        for (const step of steps) {
          if (step === 'older') await session.loadOlder();
          else if (step === 'refresh') await session.refresh();
          else session.updateSettings({ pageSize: 10, maxRows: step, tailIntervalMs: 60_000 });
          assert.equal(index.size, session.rows.length);
          for (const probe of session.rows.slice(0, 3)) assert.deepEqual(index.related(probe.id), fresh(session.rows, probe.id));
        }
      }),
      { numRuns: 60 },
    );
  });

  it('follows every change a row store makes (live-tail rows on top, filled gaps, drops) like a fresh index', async () => {
    type Step = readonly ['replace' | 'append' | 'prepend' | 'insert', number, number] | readonly ['limit', number, number];
    const step: fc.Arbitrary<Step> = fc.tuple(fc.constantFrom('replace' as const, 'append' as const, 'prepend' as const, 'insert' as const, 'limit' as const), fc.integer({ min: 1, max: 15 }), fc.nat());
    await fc.assert(
      fc.asyncProperty(fc.array(step, { maxLength: 25 }), async (steps) => {
        // The store's operations emitted as LogSession emits them (rows kept or added, then what was dropped).
        const store = new RowStore(40);
        const listeners = new Set<(event: SessionEvent) => void>();
        const emit = (event: SessionEvent) => listeners.forEach((listener) => listener(event));
        const session = { rows: [] as readonly LogRow[], getRow: (id: string) => store.get(id), onEvent: (listener: (event: SessionEvent) => void) => (listeners.add(listener), { dispose: () => listeners.delete(listener) }) };
        Object.defineProperty(session, 'rows', { get: () => store.all() });
        const index = new RelatedIndex(() => 'S');
        await followSession(index, session, 0, (id) => id);
        let next = 0;
        for (const [kind, count, at] of steps) {
          const page = Array.from({ length: count }, () => row(next, `cus_${next++ % 5}`));
          if (kind === 'replace') emit({ type: 'rows', mode: 'replace', rows: store.replace(page) });
          else if (kind === 'append') emit({ type: 'rows', mode: 'append', rows: store.append(page) });
          else if (kind === 'limit') {
            const dropped = store.setMaxRows(count * 3);
            if (dropped > 0) emit({ type: 'dropOldest', count: dropped });
          } else {
            const beforeId = store.all().at(at % Math.max(1, store.size))?.id;
            if (kind === 'insert' && beforeId === undefined) continue;
            const { added, droppedOldest } = kind === 'prepend' || beforeId === undefined ? store.prepend(page) : store.insertBefore(beforeId, page);
            emit(kind === 'prepend' || beforeId === undefined ? { type: 'rows', mode: 'prepend', rows: added } : { type: 'rows', mode: 'insert', beforeRowId: beforeId, rows: added });
            if (droppedOldest > 0) emit({ type: 'dropOldest', count: droppedOldest });
          }
          assert.equal(index.size, store.size);
          for (const probe of store.all().slice(0, 3)) assert.deepEqual(index.related(probe.id), fresh(store.all(), probe.id));
        }
      }),
      { numRuns: 200 },
    );
  });
});
