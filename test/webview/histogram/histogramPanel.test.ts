import { strict as assert } from 'node:assert';
import { mkdirSync } from 'node:fs';
import type { LogRow } from '../../../src/protocol/streamDefinition';
import { apiRows, baseTime, snapshot, status } from '../fixtures';
import { type PanelPage, eventually, usePanelPages } from '../harness';

const step = 30_000;
const statusSeries = ['5xx', '4xx', '3xx', '2xx', 'other'];

/** Expected counts per 30 s UTC bucket of the rows, from the rows themselves (not from the page). */
function expectedBuckets(rows: readonly LogRow[]): { start: number; total: number; series: Record<string, number>; errors: number }[] {
  const first = Math.floor(Math.min(...rows.map((row) => row.time)) / step) * step;
  const last = Math.floor(Math.max(...rows.map((row) => row.time)) / step) * step;
  const buckets = Array.from({ length: (last - first) / step + 1 }, (_, i) => ({ start: first + i * step, total: 0, series: {} as Record<string, number>, errors: 0 }));
  for (const row of rows) {
    const bucket = buckets[(Math.floor(row.time / step) * step - first) / step];
    const code = Number(row.fields.status);
    const series = code >= 200 && code < 600 ? `${Math.floor(code / 100)}xx` : 'other';
    bucket.series[series] = (bucket.series[series] ?? 0) + 1;
    bucket.total++;
    if (code >= 400) bucket.errors++;
  }
  return buckets;
}

/** Reads "… · 30 rows: 5xx 6, 4xx 6, 2xx 18 · 40% errors" back into numbers. */
function parseBar(text: string): { total: number; series: Record<string, number> } {
  const total = Number(/ (\d[\d,]*) rows?\b/.exec(text)?.[1]?.replace(/,/g, ''));
  const series: Record<string, number> = {};
  for (const name of statusSeries) {
    const match = new RegExp(`\\b${name} (\\d+)`).exec(text);
    if (match) series[name] = Number(match[1]);
  }
  return { total, series };
}

const shownCount = (panel: PanelPage) => panel.page.locator('[role=grid]').getAttribute('aria-rowcount').then((n) => Number(n) - 1);
const quickFilter = (panel: PanelPage) => panel.page.locator('.query-input').evaluate((e) => (e as HTMLInputElement).value);
const valueText = (panel: PanelPage) => panel.page.locator('.histogram-canvas').getAttribute('aria-valuetext');

/** The CSS x of a bucket's middle on the canvas, from the time axis (edges are proportional to time). */
async function barX(panel: PanelPage, buckets: readonly { start: number }[], index: number): Promise<number> {
  const width = await panel.page.locator('.histogram-canvas').evaluate((e) => e.clientWidth);
  const first = buckets[0].start;
  const span = buckets.length * step;
  return ((buckets[index].start + step / 2 - first) / span) * width;
}

describe('webview histogram and time range', function () {
  const pages = usePanelPages();
  let panel: PanelPage;
  beforeEach(() => {
    panel = pages.panel;
  });

  it('bars count the shown rows per bucket and series, also after a level toggle', async () => {
    const rows = apiRows(3000);
    await panel.notify(...snapshot(rows));
    await eventually(() => panel.page.locator('.histogram-summary').textContent(), '3,000 rows from 11:10:00 to 12:00:30, peak 30 at 11:10:30, 40% errors (30 s bars)');
    const canvas = panel.page.locator('.histogram-canvas');
    await canvas.focus();
    await canvas.press('Home');
    for (const [index, bucket] of expectedBuckets(rows).entries()) {
      const bar = parseBar((await valueText(panel)) ?? '');
      assert.deepEqual(bar, { total: bucket.total, series: bucket.series }, `bar ${index}`);
      await canvas.press('ArrowRight');
    }
    await panel.page.locator('.levels vscode-checkbox', { hasText: 'Info' }).click();
    const shown = rows.filter((row) => row.severity !== 'info');
    await eventually(() => panel.page.locator('.histogram-summary').textContent().then((t) => t?.split(' rows')[0]), shown.length.toLocaleString('en-US'));
    await canvas.press('Home');
    for (const bucket of expectedBuckets(shown).slice(0, 5)) {
      assert.deepEqual(parseBar((await valueText(panel)) ?? ''), { total: bucket.total, series: bucket.series });
      await canvas.press('ArrowRight');
    }
  });

  it('hover shows the bucket range and counts; appended and prepended rows are counted live', async () => {
    const rows = apiRows(3000);
    await panel.notify(...snapshot(rows));
    const buckets = expectedBuckets(rows);
    await panel.page.locator('.histogram-canvas').hover({ position: { x: await barX(panel, buckets, 40), y: 30 } });
    const tooltip = panel.page.locator('.histogram-tooltip');
    await eventually(() => tooltip.isVisible(), true);
    assert.equal(await tooltip.textContent(), '11:30:00–11:30:30 · 30 rows: 5xx 6, 4xx 6, 2xx 18 · 40% errors');
    assert.equal(await tooltip.evaluate((e) => e.childElementCount), 0, 'text only');
    await panel.notify({ type: 'rows', mode: 'append', rows: apiRows(100, 3000) });
    await eventually(() => panel.page.locator('.histogram-summary').textContent().then((t) => t?.split(' from')[0]), '3,100 rows');
    const newer = apiRows(10).map((row) => ({ ...row, id: `new-${row.id}`, time: row.time + 10_000 }));
    await panel.notify({ type: 'rows', mode: 'prepend', rows: newer });
    await eventually(() => panel.page.locator('.histogram-summary').textContent().then((t) => t?.split(' from')[0]), '3,110 rows');
  });

  it('dragging across bars writes a time: term into the quick filter, the grid shows only those rows; double-click clears', async () => {
    const rows = apiRows(3000);
    await panel.notify(...snapshot(rows));
    await panel.clearPosted();
    const buckets = expectedBuckets(rows);
    const box = (await panel.page.locator('.histogram-canvas').boundingBox())!;
    await panel.page.mouse.move(box.x + (await barX(panel, buckets, 10)), box.y + 30);
    await panel.page.mouse.down();
    await panel.page.mouse.move(box.x + (await barX(panel, buckets, 15)), box.y + 30, { steps: 3 });
    await panel.page.mouse.move(box.x + (await barX(panel, buckets, 19)), box.y + 30, { steps: 3 });
    await panel.page.mouse.up();
    const from = buckets[10].start;
    const to = buckets[20].start;
    const term = `time:${new Date(from).toISOString().replace('.000', '')}..${new Date(to).toISOString().replace('.000', '')}`;
    await eventually(() => quickFilter(panel), term);
    const inRange = rows.filter((row) => row.time >= from && row.time <= to).length;
    assert.equal(inRange, 301);
    assert.equal(await shownCount(panel), inRange);
    const changes = await panel.postedOfType('queryChanged');
    assert.deepEqual(changes.at(-1), { type: 'queryChanged', query: term });
    await panel.page.locator('.histogram-canvas').dblclick({ position: { x: 100, y: 30 } });
    await eventually(() => quickFilter(panel), '');
    assert.equal(await shownCount(panel), 3000);
  });

  it('keyboard: arrows move between bars, Shift extends, Enter selects, Escape clears', async () => {
    const rows = apiRows(3000);
    await panel.notify(...snapshot(rows));
    const buckets = expectedBuckets(rows);
    const canvas = panel.page.locator('.histogram-canvas');
    await canvas.focus();
    assert.equal(await canvas.getAttribute('role'), 'slider');
    await canvas.press('Home');
    await canvas.press('ArrowRight');
    await canvas.press('ArrowRight');
    assert.equal(await canvas.getAttribute('aria-valuenow'), '2');
    await canvas.press('Shift+ArrowRight');
    await canvas.press('Shift+ArrowRight');
    await canvas.press('Enter');
    const from = buckets[2].start;
    const to = buckets[5].start;
    await eventually(() => shownCount(panel), rows.filter((row) => row.time >= from && row.time <= to).length);
    assert.match(await quickFilter(panel), /^time:2026-11-23T11:11:00Z\.\.2026-11-23T11:12:30Z$/);
    await canvas.press('Escape');
    await eventually(() => shownCount(panel), 3000);
    assert.equal(await quickFilter(panel), '');
  });

  it('the time range picker sends presets and custom ranges to the host, remembers them and says what is loaded', async () => {
    await panel.notify(...snapshot(apiRows(500)));
    await panel.clearPosted();
    await panel.page.locator('.time-range vscode-dropdown').click();
    await panel.page.locator('vscode-option', { hasText: 'Last hour' }).click();
    await eventually(() => panel.postedOfType('queryChanged'), [{ type: 'queryChanged', query: '', timeRange: { kind: 'relative', preset: '1h' } }]);
    await panel.notify({ type: 'status', status: status({ loaded: 500, more: true }) });
    assert.match((await panel.page.locator('.range-status').textContent()) ?? '', /: loaded back to \d\d:\d\d —$/);
    await panel.page.locator('.time-range vscode-dropdown').click();
    await panel.page.locator('vscode-option', { hasText: 'Custom range' }).click();
    await panel.page.getByLabel('From (range start)').fill('2026-11-23T11:00');
    await panel.page.getByLabel('To (range end)').fill('2026-11-23T11:30');
    await panel.page.getByLabel('To (range end)').press('Enter');
    const custom = { kind: 'absolute', from: Date.UTC(2026, 10, 23, 11), to: Date.UTC(2026, 10, 23, 11, 30) };
    await eventually(() => panel.postedOfType('queryChanged').then((list) => list.at(-1)), { type: 'queryChanged', query: '', timeRange: custom });
    await panel.notify({ type: 'status', status: status({ loaded: 500, more: false }) });
    assert.equal(await panel.page.locator('.range-status').textContent(), 'all rows 11:00–11:30 loaded');
    await eventually(() => panel.state().then((state) => (state as { ui?: { timeRange?: unknown } } | undefined)?.ui?.timeRange), custom);
  });

  it('collapsing is remembered across a reload', async () => {
    await panel.notify(...snapshot(apiRows(100)));
    await panel.page.locator('.histogram-toggle').click();
    assert.equal(await panel.page.locator('.histogram-body').isHidden(), true);
    assert.equal(await panel.page.locator('.histogram-toggle').getAttribute('aria-expanded'), 'false');
    await eventually(() => panel.state().then((state) => (state as { ui?: { histogramCollapsed?: boolean } } | undefined)?.ui?.histogramCollapsed), true);
    const reopened = await pages.harness.open({ state: await panel.state() });
    try {
      await reopened.notify(...snapshot(apiRows(100)));
      assert.equal(await reopened.page.locator('.histogram-body').isHidden(), true);
    } finally {
      await reopened.page.close();
    }
  });

  it('hostile field values never reach the histogram markup', async () => {
    const hostile = '<img src=x onerror="window.__pwned=1">';
    const rows = apiRows(200).map((row, i) => ({ ...row, fields: { ...row.fields, status: i % 2 ? hostile : row.fields.status, url: hostile } }));
    await panel.notify(...snapshot(rows));
    const canvas = panel.page.locator('.histogram-canvas');
    await canvas.focus();
    await canvas.press('End');
    await canvas.press('ArrowLeft');
    assert.match((await valueText(panel)) ?? '', /other \d+/);
    assert.equal(await panel.page.locator('.histogram img').count(), 0);
    assert.doesNotMatch((await panel.page.locator('.histogram').innerHTML()), /onerror/);
  });

  it('screenshots: light, dark and high contrast', async () => {
    mkdirSync('test-results', { recursive: true });
    const rows = apiRows(3000).map((row, i) => (i > 1200 && i < 1500 && i % 2 ? { ...row, severity: 'error' as const, fields: { ...row.fields, status: 500 } } : row));
    for (const theme of ['light', 'dark', 'high-contrast'] as const) {
      const page = await pages.harness.open({ theme, width: 1000, height: 420 });
      try {
        await page.notify(...snapshot(rows));
        await page.page.locator('.histogram-canvas').hover({ position: { x: 500, y: 30 } });
        await eventually(() => page.page.locator('.histogram-tooltip').isVisible(), true);
        await page.page.screenshot({ path: `test-results/histogram-${theme}.png` });
        assert.deepEqual(await page.cspViolations(), []);
        assert.deepEqual(page.errors, []);
      } finally {
        await page.page.close();
      }
    }
    assert.ok(baseTime > 0);
  });
});
