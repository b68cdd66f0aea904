import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import type { FreeTextSource, RowPredicate } from '../../../src/protocol/query/evaluate';
import { planQuery, type QueryPlan } from '../../../src/protocol/query/plan';
import type { ColumnDef, LogRow, Severity, StreamDefinition } from '../../../src/protocol/streamDefinition';
import { radixOrder } from '../../../webview/model/radixOrder';
import { RowStore } from '../../../webview/model/rowStore';
import { RowView } from '../../../webview/model/rowView';
import { printQuery } from '../../../src/protocol/query/printer';
import { topValues } from '../../../webview/query/valueCounts';

const printQueryOf = (plan: QueryPlan) => printQuery(plan.node);

const severities: readonly Severity[] = ['error', 'warning', 'info', 'debug'];
const timeColumn: ColumnDef = { key: 't', title: 'Time', type: 'time' };
const textColumn: ColumnDef = { key: 'm', title: 'Method', type: 'method' };

const rowArb = fc.record({
  time: fc.integer({ min: 0, max: 2_000_000_000_000 }),
  severity: fc.constantFrom(...severities),
  method: fc.constantFrom('GET', 'post', 'Put', 'DELETE', ''),
  text: fc.string({ unit: fc.constantFrom('a', 'b', 'A', 'x', '-', ' ', '\u200b', 'é'), maxLength: 12 }),
});

function toRows(specs: { time: number; severity: Severity; method: string; text: string }[]): LogRow[] {
  return specs.map((spec, i) => ({ id: `r${i}`, time: spec.time, severity: spec.severity, fields: { t: spec.time, m: spec.method, msg: spec.text } }));
}

/** What the view must show: the plain definition, without caches, joined scans or narrowing. */
function expected(rows: LogRow[], query: string, shown: ReadonlySet<Severity>, column?: ColumnDef, descending = false): string[] {
  const needle = query.trim().toLowerCase();
  const positions = rows.map((_, i) => i);
  if (column) {
    const key = (i: number) => (column.type === 'time' ? rows[i].time : String(rows[i].fields.m).toLowerCase());
    positions.sort((a, b) => {
      const [x, y] = [key(a), key(b)];
      const order = x < y ? -1 : x > y ? 1 : 0;
      return (descending ? -order : order) || a - b;
    });
  }
  return positions
    .filter((i) => shown.has(rows[i].severity))
    .filter((i) => [rows[i].id, ...Object.values(rows[i].fields).map(String)].join('\n').toLowerCase().includes(needle))
    .map((i) => rows[i].id);
}

/** The view applies whatever predicate the query compiles to; here a plain substring test on the store's texts. */
function textPredicate(store: RowStore, query: string): RowPredicate | undefined {
  const needle = query.trim().toLowerCase();
  return needle === '' ? undefined : (_row, index) => store.textAt(index).includes(needle);
}

describe('webview row model (no browser)', () => {
  it('radixOrder sorts any doubles stably in both directions', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ noNaN: true }), { maxLength: 300 }), fc.boolean(), (values, descending) => {
        const order = Array.from(radixOrder(Float64Array.from(values), descending));
        const reference = values
          .map((value, index) => ({ value: value === 0 ? 0 : value, index }))
          .sort((a, b) => (descending ? b.value - a.value : a.value - b.value) || a.index - b.index)
          .map((entry) => entry.index);
        assert.deepEqual(
          order.map((i) => (values[i] === 0 ? 0 : values[i])),
          reference.map((i) => (values[i] === 0 ? 0 : values[i])),
        );
        const equalRuns = order.every((index, k) => k === 0 || values[order[k - 1]] !== values[index] || order[k - 1] < index);
        assert.ok(equalRuns, 'ties keep their position order');
      }),
    );
  });

  it('radixOrder sorts keys differing in any single bit (times, integers, word-crossing digits) stably', () => {
    const keyArb = fc.oneof(
      fc.integer({ min: 0, max: 2 ** 53 - 1 }),
      fc.integer({ min: 0, max: 100_000 }).map((second) => Date.UTC(2026, 10, 23) - second * 1000),
      fc.integer({ min: 0, max: 63 }).map((bit) => {
        const words = new Uint32Array(new Float64Array([1.7e12]).buffer);
        words[bit >> 5] ^= 1 << (bit & 31);
        return new Float64Array(words.buffer)[0];
      }),
      fc.constant(Number.MAX_VALUE),
    );
    fc.assert(
      fc.property(fc.array(keyArb, { maxLength: 200 }), fc.boolean(), (values, descending) => {
        const order = Array.from(radixOrder(Float64Array.from(values), descending));
        const reference = values.map((_, index) => index).sort((a, b) => (descending ? values[b] - values[a] : values[a] - values[b]) || a - b);
        assert.deepEqual(order, reference);
      }),
    );
  });

  it('typing, deleting and toggling in any order shows exactly the plain filter+sort result', () => {
    const step = fc.oneof(
      fc.record({ kind: fc.constant('type' as const), text: fc.constantFrom('a', 'b', 'x', '-', 'A', ' ', 'get', 'r1') }),
      fc.record({ kind: fc.constant('delete' as const) }),
      fc.record({ kind: fc.constant('level' as const), severity: fc.constantFrom(...severities) }),
      fc.record({ kind: fc.constant('sort' as const), column: fc.constantFrom(undefined, timeColumn, textColumn), descending: fc.boolean() }),
      fc.record({ kind: fc.constant('append' as const), rows: fc.array(rowArb, { maxLength: 5 }) }),
    );
    fc.assert(
      fc.property(fc.array(rowArb, { maxLength: 60 }), fc.array(step, { maxLength: 25 }), (initial, steps) => {
        const store = new RowStore();
        const view = new RowView(store);
        store.replace(toRows(initial));
        let query = '';
        const shown = new Set(severities);
        let column: ColumnDef | undefined;
        let descending = false;
        for (const s of steps) {
          if (s.kind === 'type') query += s.text;
          else if (s.kind === 'delete') query = query.slice(0, -1);
          else if (s.kind === 'level') {
            if (shown.has(s.severity)) shown.delete(s.severity);
            else shown.add(s.severity);
          }
          else if (s.kind === 'sort') [column, descending] = [s.column, s.descending];
          else store.append(toRows([...initial, ...s.rows]).slice(initial.length).map((row, i) => ({ ...row, id: `a${store.rows.length + i}` })));
          const result: string[] = Array.from(view.update({ sortColumn: column, descending, predicate: textPredicate(store, query), severities: shown }), (i) => store.rows[i].id);
          assert.deepEqual(result, expected(store.rows, query, shown, column, descending));
        }
      }),
      { numRuns: 300 },
    );
  });

  it('prepend and dropOldest keep ids, positions and search texts aligned', () => {
    const store = new RowStore();
    const view = new RowView(store);
    store.replace(toRows([{ time: 3, severity: 'info', method: 'GET', text: 'old' }]));
    assert.equal(view.update({ descending: false, predicate: textPredicate(store, 'old'), severities: new Set(severities) }).length, 1);
    store.prepend([{ id: 'new', time: 9, severity: 'error', fields: { msg: 'fresh' } }]);
    assert.deepEqual(Array.from(view.update({ descending: false, predicate: textPredicate(store, 'fresh'), severities: new Set(severities) })), [0]);
    assert.equal(store.indexOfId('r0'), 1);
    store.dropOldest(1);
    assert.deepEqual(Array.from(view.update({ descending: false, predicate: textPredicate(store, 'old'), severities: new Set(severities) })), []);
    assert.equal(store.indexOfId('r0'), -1);
  });

  it('narrowing over recent results shows exactly what a full filter shows, whatever is typed and however rows change', () => {
    const definition: StreamDefinition = {
      id: 'daily.api',
      provider: 'daily',
      label: 'Test',
      paging: 'cursor',
      maxPageSize: 100,
      columns: [timeColumn, textColumn, { key: 'msg', title: 'Message', type: 'text' }],
      filters: [],
      details: [],
      hasHttpRequest: false,
    };
    const step = fc.oneof(
      fc.record({ kind: fc.constant('type' as const), text: fc.constantFrom('a', 'b', 'x', '-', 'A', ' ', 'm:', 'get', 'r1', '*', '"', 'OR ', 'é') }),
      fc.record({ kind: fc.constant('delete' as const), count: fc.integer({ min: 1, max: 3 }) }),
      fc.record({ kind: fc.constant('level' as const), severity: fc.constantFrom(...severities) }),
      fc.record({ kind: fc.constant('append' as const), rows: fc.array(rowArb, { maxLength: 5 }) }),
      fc.record({ kind: fc.constant('prepend' as const), rows: fc.array(rowArb, { maxLength: 5 }) }),
      fc.record({ kind: fc.constant('drop' as const), count: fc.integer({ min: 0, max: 4 }) }),
    );
    let narrowedKeys = 0;
    fc.assert(
      fc.property(fc.array(rowArb, { maxLength: 60 }), fc.array(step, { maxLength: 30 }), (initial, steps) => {
        const store = new RowStore();
        const view = new RowView(store);
        store.replace(toRows(initial));
        const freeText: FreeTextSource = { textOf: (_, index) => store.textAt(index), contains: (needle) => store.contains(needle), select: (needle, indices) => store.select(needle, indices) };
        let query = '';
        let applied: QueryPlan | undefined;
        let added = 0;
        const fresh = (specs: typeof initial) => toRows(specs).map((row) => ({ ...row, id: `n${added++}` }));
        const shown = new Set(severities);
        for (const s of steps) {
          if (s.kind === 'type') query += s.text;
          else if (s.kind === 'delete') query = query.slice(0, -s.count);
          else if (s.kind === 'level') {
            if (shown.has(s.severity)) shown.delete(s.severity);
            else shown.add(s.severity);
          } else if (s.kind === 'append') store.append(fresh(s.rows));
          else if (s.kind === 'prepend') store.prepend(fresh(s.rows));
          else store.dropOldest(s.count);
          const plan = planQuery(query, definition, 0, { freeText });
          if (plan.ok) applied = plan;
          const current = applied && planQuery(printQueryOf(applied), definition, 0, { freeText });
          const predicate = current?.ok && current.node ? current.predicate : undefined;
          if (predicate && s.kind === 'type') narrowedKeys++;
          const narrowed = view.update({ descending: false, predicate, severities: shown, narrowing: { node: current?.ok ? current.node : undefined, scope: 'utc' } });
          // The plain path: each row's own text, no index, no bulk selection, no narrowing.
          const plain = applied && planQuery(printQueryOf(applied), definition, 0);
          const full = new RowView(store).update({ descending: false, predicate: plain?.ok && plain.node ? plain.predicate : undefined, severities: shown });
          assert.deepEqual(Array.from(narrowed), Array.from(full), query);
        }
      }),
      { numRuns: 300 },
    );
    assert.ok(narrowedKeys > 100, `typing produced only ${narrowedKeys} queries`);
  });

  it('block scans of the search texts agree with row-by-row tests across block edges after prepend, append and drops', () => {
    const words = ['alpha', 'beta', 'gamma', 'delta'];
    const rows = (count: number, from: number): LogRow[] =>
      Array.from({ length: count }, (_, i) => ({ id: `r${from + i}`, time: from + i, severity: 'info', fields: { msg: `${words[(from + i) % 4]} ${(from + i) % 7}` } }));
    const store = new RowStore();
    store.replace(rows(9_000, 0));
    const check = (label: string) => {
      for (const needle of ['alpha 3', 'gamma', 'r88', 'zzz']) {
        const dense = store.contains(needle);
        const sparse = store.contains(needle);
        for (let i = 0; i < store.rows.length; i++) assert.equal(dense(i), store.textAt(i).includes(needle), `${label}: ${needle} at ${i}`);
        for (let i = 0; i < store.rows.length; i += 97) assert.equal(sparse(i), store.textAt(i).includes(needle), `${label}: sparse ${needle} at ${i}`);
      }
    };
    check('replaced');
    store.prepend(rows(5_000, 20_000));
    check('prepended');
    store.append(rows(3_000, 40_000));
    check('appended');
    store.dropOldest(6_500);
    check('dropped');
    store.append(rows(7_000, 60_000));
    check('appended after the drop');
    store.insertBefore('r20', rows(10, 90_000));
    check('inserted');
  });

  it('value counts on numbered values equal plain counting, also after rows are added, prepended and dropped', () => {
    const change = fc.oneof(
      fc.record({ kind: fc.constant('append' as const), rows: fc.array(rowArb, { maxLength: 8 }) }),
      fc.record({ kind: fc.constant('prepend' as const), rows: fc.array(rowArb, { maxLength: 8 }) }),
      fc.record({ kind: fc.constant('drop' as const), count: fc.integer({ min: 0, max: 6 }) }),
    );
    const plain = (rows: readonly LogRow[], shown: readonly number[], key: string) => {
      const counts = new Map<string, number>();
      for (const index of shown) {
        const value = rows[index].fields[key];
        if (value !== undefined && value !== null && typeof value !== 'object') counts.set(String(value), (counts.get(String(value)) ?? 0) + 1);
      }
      return [...counts].map(([value, count]) => ({ value, count })).sort((a, b) => b.count - a.count || (a.value < b.value ? -1 : 1)).slice(0, 3);
    };
    fc.assert(
      fc.property(fc.array(rowArb, { maxLength: 40 }), fc.array(change, { maxLength: 8 }), fc.integer({ min: 1, max: 3 }), (initial, changes, every) => {
        const store = new RowStore();
        store.replace(toRows(initial));
        for (const c of changes) {
          if (c.kind === 'append') store.append(toRows(c.rows));
          else if (c.kind === 'prepend') store.prepend(toRows(c.rows));
          else store.dropOldest(c.count);
          const shown = store.rows.map((_, i) => i).filter((i) => i % every === 0);
          for (const key of ['m', 'msg', 'missing']) {
            assert.deepEqual(topValues(store.valueCodes(key), Uint32Array.from(shown), 3), plain(store.rows, shown, key));
          }
          assert.deepEqual(topValues(store.valueCodes('m'), undefined, 3), plain(store.rows, store.rows.map((_, i) => i), 'm'));
        }
      }),
      { numRuns: 300 },
    );
  });
});
