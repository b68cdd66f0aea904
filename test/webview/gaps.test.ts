import { strict as assert } from 'node:assert';
import { apiRows, init, snapshot, status } from './fixtures';
import { type PanelPage, eventually, usePanelPages } from './harness';

const gapRow = '.grid-body .grid-row.gap-row:not([hidden])';

/** Live-tail gaps, paging stops and retries: what the page shows of rows that are not loaded. */
describe('webview: rows not loaded', function () {
  const pages = usePanelPages();
  let panel: PanelPage;
  beforeEach(() => {
    panel = pages.panel;
  });

  const rowTexts = () =>
    panel.page.$$eval('.grid-body .grid-row:not([hidden])', (rows) =>
      rows
        .map((row) => ({ top: row.getBoundingClientRect().top, text: row.classList.contains('gap-row') ? `GAP ${row.textContent}` : row.querySelector('[aria-colindex="3"]')?.textContent }))
        .sort((a, b) => a.top - b.top)
        .map((row) => row.text),
    );

  it('shows a gap as one full-width row between the new and the older rows; Enter, Space and its button load it', async () => {
    const rows = apiRows(30);
    await panel.notify(...snapshot(rows.slice(20)));
    await panel.notify(
      { type: 'rows', mode: 'prepend', rows: rows.slice(0, 5) },
      { type: 'gaps', gaps: [{ id: 'gap-1', beforeRowId: 'log-20', missing: 15 }] },
    );
    const texts = await rowTexts();
    assert.deepEqual(texts.slice(0, 7), [
      '/v1/rooms/room-0', '/v1/rooms/room-1', '/v1/rooms/room-2', '/v1/rooms/room-3', '/v1/rooms/room-4',
      'GAP ≥ 15 rows not loaded — Load gap', '/v1/rooms/room-20',
    ]);
    const gap = panel.page.locator(gapRow);
    assert.equal(await gap.count(), 1);
    const cell = gap.locator('[role=gridcell]:not([hidden])');
    assert.equal(await cell.count(), 1);
    assert.equal(await cell.getAttribute('aria-colspan'), '5');
    const rowWidth = await panel.page.locator('.grid-body .grid-row:not(.gap-row):not([hidden])').first().evaluate((row) => {
      const cells = Array.from(row.children).map((c) => c.getBoundingClientRect());
      return cells[cells.length - 1].right - cells[0].left;
    });
    const cellWidth = await cell.evaluate((c) => c.getBoundingClientRect().width);
    assert.ok(cellWidth >= rowWidth - 1, `the gap cell is ${cellWidth} px, a row's cells ${rowWidth} px`);

    await panel.clearPosted();
    await panel.page.locator('[role=grid]').focus();
    for (let i = 0; i < 6; i++) await panel.page.keyboard.press('ArrowDown');
    assert.equal(await gap.getAttribute('aria-selected'), 'true', 'the gap row is reachable with the arrow keys');
    await panel.page.keyboard.press('Enter');
    await panel.page.keyboard.press(' ');
    await gap.getByRole('button', { name: 'Load gap' }).click();
    assert.deepEqual(await panel.postedOfType('loadGap'), [1, 2, 3].map(() => ({ type: 'loadGap', gapId: 'gap-1' })));

    await panel.notify(
      { type: 'rows', mode: 'insert', beforeRowId: 'log-20', rows: rows.slice(5, 20) },
      { type: 'gaps', gaps: [] },
    );
    assert.equal(await panel.page.locator(gapRow).count(), 0);
    assert.deepEqual((await rowTexts()).slice(0, 22), rows.slice(0, 22).map((row) => row.fields.url));
  });

  it('keeps a gap visible when the quick filter hides the row below it', async () => {
    const rows = apiRows(12);
    await panel.notify(...snapshot(rows), { type: 'gaps', gaps: [{ id: 'gap-2', beforeRowId: 'log-6', missing: 1 }] });
    await panel.page.locator('.quick-filter input').fill('room-1');
    await eventually(() => panel.page.locator(gapRow).textContent(), '≥ 1 row not loaded — Load gap');
  });

  it('says why paging stopped, and never "all loaded" while the API counts more rows', async () => {
    const rows = apiRows(200);
    await panel.notify(...snapshot(rows, { total: 500, pagingStopped: 'repeatedPage' }));
    const line = panel.page.locator('.status-text');
    assert.match((await line.textContent()) ?? '', /paging stopped: the API returned the same page again; 200 of 500 loaded/);
    await panel.notify({ type: 'status', status: status({ loaded: 200, total: 500 }) });
    const text = (await line.textContent()) ?? '';
    assert.ok(!text.includes('all loaded'), text);
    assert.match(text, /200 of 500 loaded/);
  });

  it('shows each retry as it happens, with Cancel, also during a live-tail poll', async () => {
    await panel.notify(init(), { type: 'rows', mode: 'replace', rows: apiRows(3) });
    await panel.notify({ type: 'status', status: status({ loaded: 3, activity: 'tail', liveTail: true, retry: { attempt: 2, of: 3, reason: 'timed out' } }) });
    assert.match((await panel.page.locator('.status-progress').textContent()) ?? '', /timed out, retrying 2\/3 …/);
    await panel.clearPosted();
    await panel.page.locator('.status-line').getByRole('button', { name: 'Cancel' }).click();
    assert.deepEqual(await panel.postedOfType('cancelLoad'), [{ type: 'cancelLoad' }]);
  });

  it('a plan-gated 403 banner offers neither Retry nor Update Token', async () => {
    await panel.notify(...snapshot(apiRows(3)), {
      type: 'error',
      error: { kind: 'auth', message: 'Lago API logs are not included in this organisation\'s plan.', canUpdateToken: false, canRetry: false },
    });
    const banner = panel.page.locator('.banner');
    assert.match((await banner.textContent()) ?? '', /not included/);
    assert.equal(await banner.getByRole('button').count(), 0);
  });
});
