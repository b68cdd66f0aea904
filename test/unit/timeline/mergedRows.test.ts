import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { LogRow } from '../../../src/protocol/streamDefinition';
import { mergeNewestFirst } from '../../../src/timeline/mergeRows';
import { MergedRows, sortedNewestFirst, type RowChange } from '../../../src/timeline/mergedRows';

/** One change of one source's session, as a LogSession reports it. */
type Operation =
  | { readonly kind: 'prepend' | 'append' | 'replace'; readonly source: number; readonly times: readonly number[] }
  | { readonly kind: 'insert'; readonly source: number; readonly at: number; readonly times: readonly number[] }
  | { readonly kind: 'drop'; readonly source: number; readonly count: number };

const sourceCount = 4;
const times = fc.array(fc.integer({ min: 0, max: 30 }), { minLength: 1, maxLength: 12 });
const source = fc.integer({ min: 0, max: sourceCount - 1 });
const operation: fc.Arbitrary<Operation> = fc.oneof(
  fc.record({ kind: fc.constantFrom('prepend' as const, 'append' as const, 'replace' as const), source, times }),
  fc.record({ kind: fc.constant('insert' as const), source, at: fc.nat(), times }),
  fc.record({ kind: fc.constant('drop' as const), source, count: fc.integer({ min: 1, max: 8 }) }),
);

/** The webview's list after the messages (its `rows`, `insert` and `dropOldest` handling). */
function applyToWebview(list: LogRow[], changes: readonly RowChange[]): LogRow[] {
  let shown = list;
  for (const change of changes) {
    if (change.type === 'dropOldest') shown = shown.slice(0, Math.max(0, shown.length - change.count));
    else if (change.mode === 'replace') shown = [...change.rows];
    else if (change.mode === 'append') shown = [...shown, ...change.rows];
    else if (change.mode === 'prepend') shown = [...change.rows, ...shown];
    else if (change.mode === 'insert') {
      const at = shown.findIndex((row) => row.id === change.beforeRowId);
      assert.ok(at >= 0, `insert before ${change.beforeRowId}, which the webview does not hold`);
      shown = [...shown.slice(0, at), ...change.rows, ...shown.slice(at)];
    }
  }
  return shown;
}

/** Plays the operations on session lists and on `MergedRows`; after each, the merge must equal a full merge. */
function play(operations: readonly Operation[]): void {
  const sessions = Array.from({ length: sourceCount }, (): LogRow[] => []);
  const merged = new MergedRows(sourceCount);
  let shown: LogRow[] = [];
  let next = 0;
  const fresh = (at: number, list: readonly number[]) => list.map((time): LogRow => ({ id: `${at}~r${next++}`, time, severity: 'info', fields: {} }));
  for (const op of operations) {
    const session = sessions[op.source];
    let changes: RowChange[];
    if (op.kind === 'drop') {
      const gone = new Set(session.splice(Math.max(0, session.length - op.count)));
      changes = merged.remove(op.source, gone.size, (row) => gone.has(row));
    } else {
      const rows = fresh(op.source, op.times);
      if (op.kind === 'replace') {
        sessions[op.source] = rows;
        changes = merged.replaceSource(op.source, rows);
      } else if (op.kind === 'insert') {
        session.splice(op.at % (session.length + 1), 0, ...rows);
        changes = merged.insertIntoSource(op.source, session, rows);
      } else {
        if (op.kind === 'prepend') session.unshift(...rows);
        else session.push(...rows);
        changes = merged.add(op.source, rows, op.kind === 'prepend' ? 'before' : 'after');
      }
    }
    const full = mergeNewestFirst(sessions.map(sortedNewestFirst));
    assert.deepEqual(merged.rows.map((row) => row.id), full.map((row) => row.id), `after ${JSON.stringify(op)}`);
    shown = applyToWebview(shown, changes);
    assert.deepEqual(shown.map((row) => row.id), full.map((row) => row.id), `the webview after ${JSON.stringify(op)}`);
  }
}

describe('MergedRows: incremental merge of a timeline', () => {
  it('equals a full merge after every page, live-tail poll, gap fill, drop and refresh, and so does the webview', () => {
    fc.assert(fc.property(fc.array(operation, { maxLength: 40 }), play), { numRuns: 500 });
  });

  it('puts live-tail rows newer than everything on top with one prepend, and older pages at the end with one append', () => {
    const merged = new MergedRows(2);
    const row = (id: string, time: number): LogRow => ({ id, time, severity: 'info', fields: {} });
    merged.replaceSource(0, [row('0~a', 100), row('0~b', 80)]);
    merged.replaceSource(1, [row('1~a', 90), row('1~b', 70)]);
    assert.deepEqual(merged.add(1, [row('1~new', 120), row('1~new2', 110)], 'before'), [{ type: 'rows', mode: 'prepend', rows: [row('1~new', 120), row('1~new2', 110)] }]);
    assert.deepEqual(merged.add(0, [row('0~old', 10)], 'after'), [{ type: 'rows', mode: 'append', rows: [row('0~old', 10)] }]);
    assert.deepEqual(merged.add(0, [row('0~mid', 75)], 'after'), [{ type: 'rows', mode: 'insert', beforeRowId: '1~b', rows: [row('0~mid', 75)] }]);
  });

  it('drops a source’s oldest rows by rewriting only the merged tail from the first of them', () => {
    const merged = new MergedRows(2);
    const row = (id: string, time: number): LogRow => ({ id, time, severity: 'info', fields: {} });
    merged.replaceSource(0, [row('0~a', 100), row('0~b', 50)]);
    merged.replaceSource(1, [row('1~a', 90), row('1~b', 40), row('1~c', 30)]);
    const changes = merged.remove(0, 1, (gone) => gone.id === '0~b');
    assert.deepEqual(changes, [
      { type: 'dropOldest', count: 3 },
      { type: 'rows', mode: 'append', rows: [row('1~b', 40), row('1~c', 30)] },
    ]);
    assert.deepEqual(merged.rows.map((r) => r.id), ['0~a', '1~a', '1~b', '1~c']);
  });
});
