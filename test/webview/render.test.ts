import { strict as assert } from 'node:assert';
import { mkdirSync } from 'node:fs';
import { apiDefinition, apiRows, baseTime, init, meetingDefinition, snapshot, status } from './fixtures';
import { type PanelPage, eventually, usePanelPages } from './harness';

const cellTexts = (panel: PanelPage, column: number) =>
  panel.page.$$eval(`.grid-body .grid-row:not([hidden]) [aria-colindex="${column}"]`, (cells) =>
    cells
      .map((cell) => ({ top: cell.parentElement!.getBoundingClientRect().top, text: cell.textContent ?? '' }))
      .sort((a, b) => a.top - b.top)
      .map((cell) => cell.text),
  );

describe('webview table: render, sort, columns, paging', function () {
  const pages = usePanelPages();
  let panel: PanelPage;
  beforeEach(() => {
    panel = pages.panel;
  });

  it('sends ready once and renders only the visible window of 10,000 rows with grid roles', async () => {
    assert.deepEqual(await panel.postedOfType('ready'), [{ type: 'ready' }]);
    await panel.notify(...snapshot(apiRows(10_000)));
    const grid = panel.page.locator('[role=grid]');
    assert.equal(await grid.getAttribute('aria-rowcount'), '10001');
    const rendered = await panel.page.$$eval('.grid-body [role=row]:not([hidden])', (rows) => rows.length);
    assert.ok(rendered > 10 && rendered < 80, `rendered ${rendered} rows`);
    assert.deepEqual(await panel.page.$$eval('[role=columnheader]', (h) => h.map((e) => e.textContent)), [
      'Time▼'.replace('▼', ''),
      'Method',
      'URL',
      'Status',
      'IP',
    ]);
    assert.equal((await cellTexts(panel, 1))[0], '2026-11-23 12:00:00.000');
    assert.equal((await cellTexts(panel, 3))[1], '/v1/rooms/room-1');
    const first = panel.page.locator('.grid-body [aria-rowindex="2"]');
    assert.equal(await first.getAttribute('aria-selected'), 'false');
    assert.equal(await first.locator('[role=gridcell]').count(), 5);
  });

  it('makes time columns wide enough for the whole timestamp in a large editor font', async () => {
    await panel.page.evaluate(() => document.documentElement.style.setProperty('--vscode-editor-font-size', '16px'));
    await panel.notify(...snapshot(apiRows(3)));
    const cell = panel.page.locator('.grid-body [aria-rowindex="2"] [aria-colindex="1"]');
    assert.match((await cell.textContent()) ?? '', /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{3}$/);
    const { scrollWidth, clientWidth } = await cell.evaluate((c) => ({ scrollWidth: c.scrollWidth, clientWidth: c.clientWidth }));
    assert.ok(scrollWidth <= clientWidth, `the timestamp is cut: needs ${scrollWidth} px, has ${clientWidth} px`);
  });

  it('colours statuses by class and stripes rows', async () => {
    await panel.notify(...snapshot(apiRows(10)));
    const tones = await panel.page.$$eval('.grid-body [aria-rowindex] [aria-colindex="4"]', (cells) =>
      Object.fromEntries(cells.map((c) => [c.textContent, c.className])),
    );
    assert.match(tones['200'], /tone-ok/);
    assert.match(tones['404'], /tone-warning/);
    assert.match(tones['500'], /tone-error/);
    const colours = await panel.page.$$eval('.grid-body [aria-rowindex="2"], .grid-body [aria-rowindex="3"]', (rows) =>
      rows.map((r) => getComputedStyle(r).backgroundColor),
    );
    assert.notEqual(colours[0], colours[1]);
  });

  it('sorts by a column on precomputed keys and marks aria-sort', async () => {
    const rows = apiRows(50).reverse();
    await panel.notify(...snapshot(rows));
    const header = panel.page.locator('[role=columnheader]', { hasText: 'Status' });
    await header.locator('button').click();
    assert.equal(await header.getAttribute('aria-sort'), 'ascending');
    const ascending = (await cellTexts(panel, 4)).map(Number);
    assert.deepEqual(ascending, [...ascending].sort((a, b) => a - b));
    await header.locator('button').click();
    assert.equal(await header.getAttribute('aria-sort'), 'descending');
    assert.equal((await cellTexts(panel, 4))[0], '500');
    const time = panel.page.locator('[role=columnheader]', { hasText: 'Time' });
    await time.locator('button').click();
    assert.equal(await time.getAttribute('aria-sort'), 'descending');
    assert.equal(await header.getAttribute('aria-sort'), 'none');
    assert.equal((await cellTexts(panel, 1))[0], '2026-11-23 12:00:00.000');
    await time.locator('button').click();
    assert.equal((await cellTexts(panel, 1))[0], '2026-11-23 11:59:11.000');
    await time.locator('button').click();
    assert.equal(await time.getAttribute('aria-sort'), 'none');
  });

  it('resizes and hides columns and remembers them in the webview state (never rows)', async () => {
    await panel.notify(...snapshot(apiRows(20)));
    const handle = panel.page.locator('[role=columnheader]', { hasText: 'URL' }).locator('.resize-handle');
    const before = await panel.page.locator('[role=columnheader]', { hasText: 'URL' }).evaluate((e) => Math.round(e.getBoundingClientRect().width));
    const box = (await handle.boundingBox())!;
    await panel.page.mouse.move(box.x + 2, box.y + 5);
    await panel.page.mouse.down();
    await panel.page.mouse.move(box.x + 102, box.y + 5, { steps: 4 });
    await panel.page.mouse.up();
    const width = await panel.page.locator('[role=columnheader]', { hasText: 'URL' }).evaluate((e) => e.getBoundingClientRect().width);
    assert.ok(Math.abs(width - (before + 100)) <= 3, `width ${width}`);
    await panel.page.getByRole('button', { name: /Columns/ }).click();
    await panel.page.getByRole('menuitemcheckbox', { name: /IP/ }).click();
    await panel.page.getByRole('menuitemcheckbox', { name: /User agent/ }).click();
    await panel.page.keyboard.press('Escape');
    const headers = await panel.page.$$eval('[role=columnheader]', (h) => h.map((e) => e.textContent));
    assert.deepEqual(headers, ['Time', 'Method', 'URL', 'Status', 'User agent']);
    type SavedUi = { ui?: { columnWidths?: Record<string, number>; hiddenColumns?: string[] } };
    const saved = async () => {
      const ui = ((await panel.state()) as SavedUi | undefined)?.ui;
      return { url: ui?.columnWidths?.url, hidden: ui?.hiddenColumns };
    };
    await eventually(saved, { url: before + 100, hidden: ['ip'] });
    const state = await panel.state();
    assert.ok(!JSON.stringify(state).includes('room-3'), 'state holds no rows');
    assert.equal((state as unknown as { accountId: string }).accountId, 'acme');
  });

  it('toggles local/UTC time, sends setTimeZone, and shows relative time on hover', async () => {
    await panel.notify(...snapshot(apiRows(5)));
    await panel.page.getByRole('button', { name: /Times shown in UTC/ }).click();
    assert.deepEqual(await panel.postedOfType('setTimeZone'), [{ type: 'setTimeZone', timeZone: 'local' }]);
    const local = await panel.page.evaluate((t) => {
      const d = new Date(t);
      return `${d.getHours()}`.padStart(2, '0') + `:${`${d.getMinutes()}`.padStart(2, '0')}`;
    }, baseTime);
    assert.equal((await cellTexts(panel, 1))[0].slice(11, 16), local);
    const cell = panel.page.locator('.grid-body [aria-rowindex="2"] [aria-colindex="1"]');
    await cell.hover();
    assert.match((await cell.getAttribute('title')) ?? '', /ago · 2026-11-23 12:00:00.000 UTC/);
  });

  it('status line: counts, more, last refresh, dropped rows; Load older, Load all progress and Cancel', async () => {
    await panel.notify(...snapshot(apiRows(1240), { more: true, dropped: 60 }));
    const line = panel.page.locator('.status-text');
    assert.equal(
      await line.textContent(),
      '1,240 rows loaded · 1,240 shown · more available · last refresh 13:02:03 · 60 oldest rows dropped (limit 100,000)',
    );
    await panel.page.getByRole('button', { name: 'Load older' }).click();
    await panel.page.getByRole('button', { name: 'Load all' }).click();
    assert.equal((await panel.postedOfType('loadOlder')).length, 1);
    assert.equal((await panel.postedOfType('loadAll')).length, 1);
    await panel.notify({ type: 'status', status: status({ activity: 'all', loaded: 2400, pagesLoaded: 24, more: true }) });
    assert.equal(await panel.page.locator('.status-progress').textContent(), 'Loading all… 24 pages · 2,400 rows');
    await panel.page.getByRole('button', { name: 'Cancel' }).click();
    assert.equal((await panel.postedOfType('cancelLoad')).length, 1);
  });

  it('asks for older rows once when scrolled to the end, again only after the page arrived', async () => {
    await panel.notify(...snapshot(apiRows(100), { more: true }));
    await panel.scrollGrid({ top: 'end' });
    await panel.scrollGrid({ by: -30 });
    await panel.scrollGrid({ top: 'end' });
    assert.equal((await panel.postedOfType('loadOlder')).length, 1);
    await panel.notify({ type: 'rows', mode: 'append', rows: apiRows(100, 100) }, { type: 'status', status: status({ loaded: 200, more: true }) });
    assert.equal(await panel.page.locator('[role=grid]').getAttribute('aria-rowcount'), '201');
    await panel.scrollGrid({ top: 'end' });
    assert.equal((await panel.postedOfType('loadOlder')).length, 2);
  });

  it('live tail: toggle, pause when scrolled away, count prepended rows, keep the view still', async () => {
    await panel.notify(...snapshot(apiRows(200, 10)));
    await panel.page.locator('vscode-checkbox', { hasText: 'Live tail' }).click();
    assert.deepEqual(await panel.postedOfType('setLiveTail'), [{ type: 'setLiveTail', enabled: true }]);
    await panel.notify({ type: 'status', status: status({ loaded: 200, liveTail: true }) });
    const grid = panel.page.locator('[role=grid]');
    await panel.scrollGrid({ top: 22 * 50 });
    assert.deepEqual(await panel.postedOfType('setTailPaused'), [{ type: 'setTailPaused', paused: true }]);
    const before = await grid.evaluate((g) => g.scrollTop);
    await panel.notify({ type: 'rows', mode: 'prepend', rows: apiRows(10) });
    assert.equal(await grid.evaluate((g) => g.scrollTop), before + 220);
    await panel.page.getByRole('button', { name: '↑ 10 new rows' }).click();
    await eventually(() => grid.evaluate((g) => g.scrollTop), 0);
    assert.deepEqual((await panel.postedOfType('setTailPaused')).at(-1), { type: 'setTailPaused', paused: false });
    assert.equal(await panel.page.locator('.new-rows').isHidden(), true);
    assert.equal((await cellTexts(panel, 3))[0], '/v1/rooms/room-0');
  });

  it('drops the oldest rows when told, and screenshots light and dark themes', async () => {
    await panel.notify(...snapshot(apiRows(30)), { type: 'dropOldest', count: 10 });
    assert.equal(await panel.page.locator('[role=grid]').getAttribute('aria-rowcount'), '21');
    mkdirSync('test-results', { recursive: true });
    for (const theme of ['light', 'dark'] as const) {
      const page = await pages.harness.open({ theme });
      await page.notify(...snapshot(apiRows(300), { more: true, dropped: 0 }));
      await page.notify({ type: 'error', error: { kind: 'auth', message: 'Daily rejected the API key (401).', canUpdateToken: true } });
      await page.page.locator('.grid-body [aria-rowindex="4"]').click();
      await page.page.keyboard.press('Enter');
      await page.page.screenshot({ path: `test-results/webview-${theme}.png` });
      await page.notify(init(meetingDefinition, { mtgSessionId: 'sess-<b>1</b>', logLevel: 'ERROR', methods: ['put'] }));
      await page.notify({ type: 'rows', mode: 'replace', rows: [] }, { type: 'error', error: null });
      await page.page.screenshot({ path: `test-results/webview-filters-${theme}.png` });
      assert.deepEqual(await page.cspViolations(), []);
      await page.page.close();
    }
  });

  it('keeps the header in view while scrolling', async () => {
    await panel.notify(...snapshot(apiRows(500)));
    const header = panel.page.locator('.grid-header');
    const top = await header.evaluate((h) => h.getBoundingClientRect().top);
    await panel.scrollGrid({ top: 5000 });
    assert.equal(await header.evaluate((h) => h.getBoundingClientRect().top), top);
    const firstShown = await panel.page.$$eval('.grid-body [role=row]:not([hidden])', (rows) =>
      Math.min(...rows.map((r) => Number(r.getAttribute('aria-rowindex')))),
    );
    assert.ok(firstShown > 200, `rows around position 227 are rendered (first ${firstShown})`);
  });

  it('restores UI intent from the saved state: sort, hidden columns, quick filter, levels, scroll anchor', async () => {
    const saved = {
      accountId: 'acme',
      provider: 'daily',
      streamId: 'daily.api',
      filters: {},
      ui: { sort: { key: 'status', direction: 'desc' }, hiddenColumns: ['method'], quickFilter: 'room', severities: ['error', 'warning'], scrollAnchor: 'log-47' },
    };
    const restored = await pages.harness.open({ state: saved });
    await restored.notify(...snapshot(apiRows(100)));
    const headers = await restored.page.$$eval('[role=columnheader]', (h) => h.map((e) => e.getAttribute('aria-sort') + ':' + e.textContent));
    assert.deepEqual(headers, ['none:Time', 'none:URL', 'descending:Status▼', 'none:IP', 'none:User agent']);
    await eventually(() => restored.page.locator('.quick-filter input').inputValue(), 'room');
    await eventually(() => restored.page.locator('.levels vscode-checkbox[aria-checked=true]').allTextContents(), ['Error', 'Warning']);
    assert.equal(await restored.page.locator('[role=grid]').getAttribute('aria-rowcount'), '41');
    assert.ok((await restored.page.locator('[role=grid]').evaluate((g) => g.scrollTop)) > 0, 'scrolled to the anchor row');
    await restored.page.close();
  });

  it('re-sends ready and applies a new init after being shown again', async () => {
    await panel.notify(init(apiDefinition));
    await panel.notify({ type: 'rows', mode: 'replace', rows: apiRows(3) });
    assert.equal(await panel.page.locator('[role=grid]').getAttribute('aria-rowcount'), '4');
  });

  it("applies a saved view's layout from init and reports every layout change to the host", async () => {
    const layout = { hiddenColumns: ['ip', 'userAgent'], columnWidths: { url: 333 }, sort: { key: 'status', direction: 'desc' as const } };
    await panel.notify({ ...init(apiDefinition), layout }, { type: 'rows', mode: 'replace', rows: apiRows(10) });
    const headers = await panel.page.$$eval('[role=columnheader]', (h) => h.map((e) => e.getAttribute('aria-sort') ?? e.textContent));
    assert.equal(headers.length, 4, `hidden column still shown: ${headers.join()}`);
    assert.match((await panel.page.locator('[role=columnheader][aria-sort="descending"]').textContent()) ?? '', /^Status/);
    assert.deepEqual((await cellTexts(panel, 4)).slice(0, 2), ['500', '500']);
    assert.deepEqual(await panel.postedOfType('layoutChanged'), [{ type: 'layoutChanged', layout }]);
    await panel.page.locator('[role=columnheader]', { hasText: 'Method' }).click();
    await eventually(async () => (await panel.postedOfType('layoutChanged')).at(-1), {
      type: 'layoutChanged',
      layout: { ...layout, sort: { key: 'method', direction: 'asc' } },
    });
  });

  it('keeps a toolbar menu inside the page when the toolbar wraps its trigger to the left edge', async () => {
    await panel.notify(...snapshot(apiRows(5)));
    const trigger = panel.page.getByRole('button', { name: /Export/ });
    let width = 1400;
    await panel.page.setViewportSize({ width, height: 800 });
    while (width > 300 && ((await trigger.boundingBox())?.x ?? 0) > 60) {
      width -= 20;
      await panel.page.setViewportSize({ width, height: 800 });
    }
    assert.ok(((await trigger.boundingBox())?.x ?? 999) <= 60, 'no width wraps Export to the left edge');
    await trigger.click();
    const boxes = await panel.page.getByRole('menuitem').evaluateAll((items) => items.map((item) => item.getBoundingClientRect().toJSON() as DOMRect));
    assert.equal(boxes.length, 6);
    for (const box of boxes) assert.ok(box.left >= 0 && box.right <= width && box.bottom <= 800, `menu item out of the page at ${width} px: ${JSON.stringify(box)}`);
  });
});
