import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { LogRow } from '../../../src/protocol/streamDefinition';
import { mergeNewestFirst } from '../../../src/timeline/mergeRows';
import { completeness, furthestBehind } from '../../../src/timeline/completeness';

const row = (id: string, time: number): LogRow => ({ id, time, severity: 'info', fields: {} });

/** Lists of rows, each newest first, with times drawn from a small range so ties are common. */
const sortedLists = fc.array(fc.array(fc.integer({ min: 0, max: 20 }), { maxLength: 30 }), { maxLength: 7 }).map((lists) =>
  lists.map((times, list) => [...times].sort((a, b) => b - a).map((time, index) => row(`${list}-${index}`, time))),
);

describe('mergeNewestFirst', () => {
  it('is sorted newest first, loses and duplicates nothing, and keeps list order on ties', () => {
    fc.assert(
      fc.property(sortedLists, (lists) => {
        const merged = mergeNewestFirst(lists);
        assert.deepEqual(merged.map((r) => r.id).sort(), lists.flat().map((r) => r.id).sort());
        for (let i = 1; i < merged.length; i++) {
          const [a, b] = [merged[i - 1], merged[i]];
          assert.ok(a.time >= b.time);
          if (a.time === b.time) {
            const [listA, indexA] = a.id.split('-').map(Number);
            const [listB, indexB] = b.id.split('-').map(Number);
            assert.ok(listA < listB || (listA === listB && indexA < indexB), `${a.id} before ${b.id}`);
          }
        }
      }),
    );
  });
});

describe('timeline completeness rule', () => {
  const source = (label: string, oldest: number | undefined, more = true, failed = false) => ({ label, oldest, more, failed });

  it('is complete back to the newest oldest-reached time of the sources with more, naming them', () => {
    assert.deepEqual(completeness([source('Daily', 100), source('Lago', 300), source('SignalWire', 200)]), { kind: 'since', since: 300, behind: ['Lago'] });
  });

  it('ignores sources that loaded everything, and is all loaded when every source did', () => {
    assert.deepEqual(completeness([source('Daily', 100), source('Lago', 300, false)]), { kind: 'since', since: 100, behind: ['Daily'] });
    assert.deepEqual(completeness([source('Daily', 100, false), source('Lago', undefined, false)]), { kind: 'all' });
  });

  it('is not complete at all while a source with more or a failure has reached nothing', () => {
    assert.deepEqual(completeness([source('Daily', 100), source('Lago', undefined, false, true)]), { kind: 'none', behind: ['Lago'] });
  });

  it('advances the source whose oldest row is newest, never a failed or finished one', () => {
    assert.equal(furthestBehind([source('Daily', 100), source('Lago', 300), source('SignalWire', 200)]), 1);
    assert.equal(furthestBehind([source('Daily', 100), source('Lago', 300, true, true), source('SignalWire', 200)]), 2);
    assert.equal(furthestBehind([source('Daily', 100), source('Lago', 300, false)]), 0);
    assert.equal(furthestBehind([source('Daily', 100, false)]), -1);
  });
});
