import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { planQuery } from '../../../src/protocol/query/plan';
import type { ColumnDef, LogRow, Severity, StreamDefinition } from '../../../src/protocol/streamDefinition';
import { RowStore } from '../../../webview/model/rowStore';
import { RowView } from '../../../webview/model/rowView';

const severities: readonly Severity[] = ['error', 'warning', 'info', 'debug'];
const timeColumn: ColumnDef = { key: 't', title: 'Time', type: 'time' };
const textColumn: ColumnDef = { key: 'm', title: 'Method', type: 'method' };
const definition: StreamDefinition = {
  id: 'daily.api',
  provider: 'daily',
  label: 'Test',
  paging: 'cursor',
  maxPageSize: 100,
  columns: [timeColumn, textColumn],
  filters: [],
  details: [],
  hasHttpRequest: false,
};
const base = Date.UTC(2026, 10, 23, 12);
const iso = (second: number) => new Date(base + second * 1000).toISOString();

/** Few distinct seconds, so equal times are common; some rows read their time from a string or the row time. */
const rowArb = fc.record({
  second: fc.integer({ min: 0, max: 12 }),
  severity: fc.constantFrom(...severities),
  method: fc.constantFrom('GET', 'POST'),
  written: fc.constantFrom('number', 'number', 'number', 'iso', 'missing', 'junk'),
});

function toRows(specs: { second: number; severity: Severity; method: string; written: string }[], order: 'down' | 'up' | 'any'): LogRow[] {
  const sorted = order === 'any' ? specs : [...specs].sort((a, b) => (order === 'down' ? b.second - a.second : a.second - b.second));
  return sorted.map((spec, i) => {
    const time = base + spec.second * 1000;
    const t = spec.written === 'number' ? time : spec.written === 'iso' ? iso(spec.second) : spec.written === 'junk' ? 'soon' : undefined;
    const fields: Record<string, string | number> = { m: spec.method };
    if (t !== undefined) fields.t = t;
    return { id: `r${i}`, time, severity: spec.severity, fields };
  });
}

const rangeArb = fc.tuple(fc.integer({ min: -1, max: 13 }), fc.integer({ min: -1, max: 13 })).map(([a, b]) => `time:${iso(Math.min(a, b))}..${iso(Math.max(a, b))}`);
const termArb = fc.oneof(
  rangeArb,
  rangeArb.map((range) => `-${range}`),
  fc.integer({ min: -1, max: 13 }).map((s) => `time:>=${iso(s)}`),
  fc.integer({ min: -1, max: 13 }).map((s) => `t:<${iso(s)}`),
  fc.constantFrom('method:GET', '-method:POST', 'get', `(time:${iso(2)}..${iso(4)} OR method:POST)`),
);

describe('time slices of the rows shown', () => {
  it('cutting an order in time to the query’s time range shows exactly what the full filter shows', () => {
    let sliced = 0;
    fc.assert(
      fc.property(
        fc.array(rowArb, { maxLength: 40 }),
        fc.constantFrom<'down' | 'up' | 'any'>('down', 'down', 'up', 'any'),
        fc.array(termArb, { minLength: 1, maxLength: 3 }),
        fc.constantFrom(undefined, timeColumn, textColumn),
        fc.boolean(),
        fc.subarray([...severities], { minLength: 1 }),
        (specs, order, terms, sortColumn, descending, levels) => {
          const store = new RowStore();
          store.replace(toRows(specs, order));
          const plan = planQuery(terms.join(' '), definition, base);
          assert.ok(plan.ok, terms.join(' '));
          if (plan.timeSlice) sliced++;
          const query = { sortColumn, descending, predicate: plan.predicate, severities: new Set(levels) };
          const withSlice = new RowView(store).update({ ...query, timeSlice: plan.timeSlice, narrowing: { node: plan.node, scope: 'utc' } });
          const full = new RowView(store).update(query);
          assert.deepEqual(Array.from(withSlice), Array.from(full), terms.join(' '));
        },
      ),
      { numRuns: 1000 },
    );
    assert.ok(sliced > 300, `only ${sliced} queries had a time range`);
  });

  it('a kept result narrowed by a time range is sliced the same way', () => {
    const store = new RowStore();
    store.replace(toRows(Array.from({ length: 50 }, (_, i) => ({ second: Math.floor(i / 4), severity: 'info', method: i % 3 ? 'GET' : 'POST', written: 'number' })), 'down'));
    const view = new RowView(store);
    const all = new Set(severities);
    for (const text of ['method:GET', `method:GET time:${iso(3)}..${iso(6)}`, `method:GET time:${iso(3)}..${iso(6)} time:>=${iso(5)}`]) {
      const plan = planQuery(text, definition, base);
      assert.ok(plan.ok);
      const shown = view.update({ descending: false, predicate: plan.predicate, timeSlice: plan.timeSlice, severities: all, narrowing: { node: plan.node, scope: 'utc' } });
      const expected = store.rows.map((row, index) => (plan.predicate(row, index) ? row.id : undefined)).filter((id) => id !== undefined);
      assert.deepEqual(Array.from(shown, (index) => store.rows[index].id), expected, text);
    }
  });
});
