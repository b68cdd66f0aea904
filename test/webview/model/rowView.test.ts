import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import type { RowPredicate } from '../../../src/protocol/query/evaluate';
import type { ColumnDef, LogRow, Severity } from '../../../src/protocol/streamDefinition';
import { radixOrder } from '../../../webview/model/radixOrder';
import { RowStore } from '../../../webview/model/rowStore';
import { RowView } from '../../../webview/model/rowView';

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
});
