import { strict as assert } from 'node:assert';
import { atLeast, atMost, formatTable, reference } from '../../../bench/results';

describe('bench results', () => {
  it('marks a figure over its ceiling as missed and prints MISSED with the target', () => {
    const row = { suite: 'clients', ...atMost('parse', 3.5, 'ms', 3, 40) };
    assert.equal(row.ok, false);
    const table = formatTable([row]);
    assert.match(table, /parse\s+3\.5 ms\s+≤ 3 ms\s+40\s+MISSED/);
  });

  it('marks figures meeting their targets ok and prints reference figures without a result', () => {
    const rows = [
      { suite: 'webview', ...atLeast('ratio', 310, '×', 300, 3) },
      { suite: 'webview', ...atMost('render', 10, 'ms', 10, 5) },
      { suite: 'webview', ...reference('bare', 12, 'ms', 7) },
    ];
    assert.deepEqual(rows.map((row) => row.ok), [true, true, undefined]);
    const lines = formatTable(rows).trimEnd().split('\n').slice(2);
    assert.match(lines[0], /≥ 300 ×\s+3\s+ok$/);
    assert.match(lines[1], /≤ 10 ms\s+5\s+ok$/);
    assert.match(lines[2], /bare\s+12 ms\s+reference\s+7$/);
    assert.ok(!formatTable(rows).includes('MISSED'));
  });
});
